import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';

// Cached keys are trusted for a minute here, so only the revocation notice can explain a quick refusal.
const CACHE_MS = 60_000;
let engine: RunningEngine;
let a: TestGateway;
let b: TestGateway;
const client = uniqueName('revoke');

beforeAll(async () => {
  engine = await startEngine();
  const dbName = uniqueName('gw_revoke');
  const settings = { apiKeyCacheMs: CACHE_MS };
  [a, b] = [
    await startGateway(engine.address, { settings, dbName }),
    await startGateway(engine.address, { settings, dbName }),
  ];
}, 60_000);
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await engine.close();
});

describe('API key revocation with cached keys on two replicas', () => {
  it('stops the key on the revoking replica at once and on the other within a moment, not after its cache time', async () => {
    const admin = headers({ bearer: await token({ client }) }, { client });
    const created = await a.http.inject({
      method: 'POST',
      url: '/api/v2/api-keys',
      headers: admin,
      payload: { name: 'ci', roles: ['viewer'] },
    });
    const { key, apiKey } = created.json<{ key: string; apiKey: { id: string } }>();
    const asKey = headers({ apiKey: key }, { client });
    const me = (gw: TestGateway) => gw.http.inject({ method: 'GET', url: '/api/v2/me', headers: asKey });
    // Both replicas have looked the key up and now hold it in their caches.
    for (const gw of [a, b, a, b]) expect((await me(gw)).statusCode).toBe(200);

    const revoked = await a.http.inject({
      method: 'DELETE',
      url: `/api/v2/api-keys/${apiKey.id}`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(200);
    const revokedAt = Date.now();
    expect((await me(a)).statusCode).toBe(401);
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 5_000) {
      status = (await me(b)).statusCode;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    // It stays refused everywhere (nothing re-caches the key).
    for (const gw of [a, b]) expect((await me(gw)).statusCode).toBe(401);
  });

  it('keeps other keys of the client cached and working', async () => {
    const admin = headers({ bearer: await token({ client }) }, { client });
    const make = async (name: string) =>
      (
        await a.http.inject({
          method: 'POST',
          url: '/api/v2/api-keys',
          headers: admin,
          payload: { name, roles: ['viewer'] },
        })
      ).json<{ key: string; apiKey: { id: string } }>();
    const [kept, dropped] = [await make('kept'), await make('dropped')];
    const me = (gw: TestGateway, k: string) =>
      gw.http.inject({ method: 'GET', url: '/api/v2/me', headers: headers({ apiKey: k }, { client }) });
    expect((await me(b, kept.key)).statusCode).toBe(200);
    await a.http.inject({ method: 'DELETE', url: `/api/v2/api-keys/${dropped.apiKey.id}`, headers: admin });
    expect((await me(b, kept.key)).statusCode).toBe(200);
  });
});
