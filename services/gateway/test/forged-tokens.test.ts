import { createHmac, createPublicKey } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWTHeaderParameters } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { AUDIENCE, ISSUER, startGateway, TEST_SECRET, token, type TestGateway } from './support/gateway.ts';
import { startIdp, type TestIdp } from './support/jwks.ts';

let engine: RunningEngine;
let dev: TestGateway;
let prod: TestGateway;
let idp: TestIdp;

const CLIENT = 'forge-client';
const TENANT = { 'x-client-id': CLIENT, 'x-project-id': 'p1', 'x-workspace-id': 'w1' };
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'mallory',
  iss: ISSUER,
  aud: AUDIENCE,
  exp: now() + 600,
  tenant: { clientId: CLIENT, projectIds: ['p1'], workspaceIds: ['w1'] },
  roles: ['admin'],
  ...extra,
});
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const enc = (s: string) => new TextEncoder().encode(s);
const sign = (payload: object, header: JWTHeaderParameters, key: Parameters<SignJWT['sign']>[0]) =>
  new SignJWT(payload as Record<string, unknown>).setProtectedHeader(header).sign(key);
const hs = (payload: object, header: Partial<JWTHeaderParameters> = {}, secret = TEST_SECRET) =>
  sign(payload, { alg: 'HS256', ...header }, enc(secret));
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
/** An HS256 token built by hand, for headers a JWT library refuses to produce. */
const rawHs = (header: object, payload: object) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', TEST_SECRET).update(input).digest('base64url')}`;
};

async function me(gw: TestGateway, credential: Record<string, string>) {
  return gw.http.inject({ method: 'GET', url: '/api/v2/me', headers: { ...TENANT, ...credential } });
}

beforeAll(async () => {
  engine = await startEngine();
  idp = await startIdp();
  dev = await startGateway(engine.address);
  prod = await startGateway(engine.address, {
    settings: {
      production: true,
      jwt: {
        issuer: ISSUER,
        audience: AUDIENCE,
        clockSkewSeconds: 60,
        secret: undefined,
        jwks: { url: idp.url, algorithms: ['RS256', 'ES256'] },
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all([dev.close(), prod.close()]);
  await idp.close();
  await engine.close();
});

type Case = [name: string, gateway: 'dev' | 'prod', credential: () => Promise<Record<string, string>>];

const attacker = generateKeyPair('RS256', { extractable: true });
const attackerEc = generateKeyPair('ES256', { extractable: true });
const rsaPem = async () => exportSPKI(createPublicKey({ key: idp.rsa.publicJwk, format: 'jwk' }));

const FORGED: Case[] = [
  ['alg none', 'dev', () => Promise.resolve(bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`))],
  [
    'alg None (case variant)',
    'dev',
    () => Promise.resolve(bearer(`${b64({ alg: 'None' })}.${b64(claims())}.`)),
  ],
  [
    'alg none on the JWKS gateway',
    'prod',
    () => Promise.resolve(bearer(`${b64({ alg: 'none' })}.${b64(claims())}.`)),
  ],
  [
    'HS256 header with the signature stripped',
    'dev',
    async () => bearer(`${(await hs(claims())).split('.').slice(0, 2).join('.')}.`),
  ],
  [
    'HS256 signed with a wrong secret',
    'dev',
    async () => bearer(await hs(claims(), {}, 'not-the-secret-not-the-secret-not-the')),
  ],
  [
    'HS256 signed with the secret plus one character',
    'dev',
    async () => bearer(await hs(claims(), {}, `${TEST_SECRET}x`)),
  ],
  [
    'HS512 with the right secret (algorithm not pinned)',
    'dev',
    async () => bearer(await sign(claims(), { alg: 'HS512' }, enc(TEST_SECRET))),
  ],
  [
    'HS384 with the right secret',
    'dev',
    async () => bearer(await sign(claims(), { alg: 'HS384' }, enc(TEST_SECRET))),
  ],
  [
    'RS256 by an attacker key on the HS gateway',
    'dev',
    async () => bearer(await sign(claims(), { alg: 'RS256' }, (await attacker).privateKey)),
  ],
  [
    'expired two minutes ago (beyond 60 s skew)',
    'dev',
    async () => bearer(await hs(claims({ exp: now() - 120 }))),
  ],
  ['not valid for two more minutes (nbf)', 'dev', async () => bearer(await hs(claims({ nbf: now() + 120 })))],
  ['wrong issuer', 'dev', async () => bearer(await hs(claims({ iss: 'https://evil.example' })))],
  ['wrong audience', 'dev', async () => bearer(await hs(claims({ aud: 'another-api' })))],
  ['audience list without ours', 'dev', async () => bearer(await hs(claims({ aud: ['a', 'b'] })))],
  ['no exp', 'dev', async () => bearer(await hs(claims({ exp: undefined })))],
  ['no iss', 'dev', async () => bearer(await hs(claims({ iss: undefined })))],
  ['no sub', 'dev', async () => bearer(await hs(claims({ sub: undefined })))],
  [
    'payload tampered after signing (viewer → admin)',
    'dev',
    async () => {
      const [h, , s] = (await hs(claims({ roles: ['viewer'] }))).split('.');
      return bearer(`${h ?? ''}.${b64(claims({ roles: ['admin'] }))}.${s ?? ''}`);
    },
  ],
  [
    'header tampered after signing (kid added)',
    'dev',
    async () => {
      const [, p, s] = (await hs(claims())).split('.');
      return bearer(`${b64({ alg: 'HS256', kid: 'x' })}.${p ?? ''}.${s ?? ''}`);
    },
  ],
  [
    'kid path injection with an attacker secret',
    'dev',
    async () => bearer(await hs(claims(), { kid: '../../../../dev/null' }, 'x'.repeat(32))),
  ],
  [
    'kid SQL injection with an attacker secret',
    'dev',
    async () => bearer(await hs(claims(), { kid: "' OR '1'='1" }, 'y'.repeat(32))),
  ],
  [
    'oversized but correctly signed token',
    'dev',
    async () => bearer(await hs(claims({ pad: 'a'.repeat(12_000) }))),
  ],
  ['four segments', 'dev', async () => bearer(`${await hs(claims())}.extra`)],
  ['not a token', 'dev', () => Promise.resolve(bearer('not-a-token'))],
  ['empty bearer', 'dev', () => Promise.resolve({ authorization: 'Bearer ' })],
  ['Basic scheme', 'dev', () => Promise.resolve({ authorization: 'Basic bWFsbG9yeTpwYXNz' })],
  ['signed, but no tenant claim', 'dev', async () => bearer(await hs(claims({ tenant: undefined })))],
  ['signed, roles not a list', 'dev', async () => bearer(await hs(claims({ roles: 'admin' })))],
  [
    'signed, malformed client id',
    'dev',
    async () =>
      bearer(await hs(claims({ tenant: { clientId: 'a/../b', projectIds: ['p1'], workspaceIds: ['w1'] } }))),
  ],
  [
    'b64:false with crit',
    'dev',
    () =>
      Promise.resolve(bearer(`${b64({ alg: 'HS256', b64: false, crit: ['b64'] })}.${b64(claims())}.AAAA`)),
  ],
  [
    'unknown crit header, right secret',
    'dev',
    () => Promise.resolve(bearer(rawHs({ alg: 'HS256', crit: ['x-ext'], 'x-ext': 1 }, claims()))),
  ],
  [
    'HS256 keyed with the RSA public key PEM (key confusion)',
    'prod',
    async () => bearer(await hs(claims(), {}, await rsaPem())),
  ],
  [
    'HS256 keyed with the JWK text (key confusion)',
    'prod',
    async () => bearer(await hs(claims(), { kid: 'rsa-1' }, JSON.stringify(idp.rsa.publicJwk))),
  ],
  [
    'RS256 by an attacker reusing the real kid',
    'prod',
    async () => bearer(await sign(claims(), { alg: 'RS256', kid: 'rsa-1' }, (await attacker).privateKey)),
  ],
  [
    'RS256 with a kid not in the JWKS',
    'prod',
    async () => bearer(await sign(claims(), { alg: 'RS256', kid: 'evil' }, (await attacker).privateKey)),
  ],
  [
    'ES256 by an attacker reusing the real kid',
    'prod',
    async () => bearer(await sign(claims(), { alg: 'ES256', kid: 'ec-1' }, (await attackerEc).privateKey)),
  ],
  [
    'embedded jwk header with the attacker key',
    'prod',
    async () => {
      const { privateKey, publicKey } = await attacker;
      return bearer(await sign(claims(), { alg: 'RS256', jwk: await exportJWK(publicKey) }, privateKey));
    },
  ],
  [
    'jku header pointing elsewhere',
    'prod',
    async () =>
      bearer(
        await sign(
          claims(),
          { alg: 'RS256', kid: 'rsa-1', jku: 'http://127.0.0.1:1/jwks' },
          (await attacker).privateKey,
        ),
      ),
  ],
  [
    'PS256 with the real private key (algorithm not pinned)',
    'prod',
    async () => {
      const pss = await importJWK({ ...(await exportJWK(idp.rsa.privateKey)), alg: 'PS256' }, 'PS256');
      return bearer(await sign(claims(), { alg: 'PS256', kid: 'rsa-1' }, pss));
    },
  ],
  [
    'real RS256 key, expired',
    'prod',
    async () =>
      bearer(await sign(claims({ exp: now() - 3600 }), { alg: 'RS256', kid: 'rsa-1' }, idp.rsa.privateKey)),
  ],
  [
    'real RS256 key, wrong audience',
    'prod',
    async () => bearer(await sign(claims({ aud: 'x' }), { alg: 'RS256', kid: 'rsa-1' }, idp.rsa.privateKey)),
  ],
  [
    'the development token on the production gateway',
    'prod',
    async () => bearer(await token({ client: CLIENT })),
  ],
];

describe('forged and broken credentials', () => {
  it('covers at least 25 kinds of forgery', () => {
    expect(FORGED.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FORGED)('refuses %s with 401', async (_name, which, credential) => {
    const response = await me(which === 'dev' ? dev : prod, await credential());
    expect(response.statusCode).toBe(401);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN', 'TOKEN_EXPIRED']).toContain(body.error.code);
    expect(response.body).not.toMatch(/stack|at \w+ \(|jose|JWS|signature verification/i);
    expect(response.headers['www-authenticate']).toContain('Bearer');
  });

  it('accepts the genuine tokens the forgeries imitate (the checks are not simply closed)', async () => {
    expect((await me(dev, bearer(await token({ client: CLIENT })))).statusCode).toBe(200);
    expect(await me(dev, bearer(await hs(claims({ exp: now() - 30 }))))).toMatchObject({ statusCode: 200 });
    expect(await me(dev, bearer(await hs(claims({ nbf: now() + 30 }))))).toMatchObject({ statusCode: 200 });
    const rs = await sign(claims(), { alg: 'RS256', kid: 'rsa-1' }, idp.rsa.privateKey);
    expect((await me(prod, bearer(rs))).statusCode).toBe(200);
    const es = await sign(claims(), { alg: 'ES256', kid: 'ec-1' }, idp.ec.privateKey);
    expect((await me(prod, bearer(es))).statusCode).toBe(200);
  });

  it('answers 401 without a credential and 401 with two', async () => {
    expect((await me(dev, {})).json()).toMatchObject({ error: { code: 'AUTHENTICATION_REQUIRED' } });
    const both = { ...bearer(await token({ client: CLIENT })), 'x-api-key': 'dwk.x.y.z' };
    expect((await me(dev, both)).statusCode).toBe(401);
  });
});
