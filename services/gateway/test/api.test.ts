import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, uniqueName } from '@dagwright/testkit';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { humanGraph, simpleGraph, summarizer } from './support/fixtures.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';
import { readEvents } from './support/sse.ts';

let engine: RunningEngine;
let gw: TestGateway;
let port: number;
const client = uniqueName('api');
let h: Record<string, string>;

beforeAll(async () => {
  engine = await startEngine();
  gw = await startGateway(engine.address);
  await gw.http.listen({ host: '127.0.0.1', port: 0 });
  port = (gw.http.server.address() as AddressInfo).port;
  h = headers({ bearer: await token({ client }) }, { client });
  await gw.http.inject({ method: 'PUT', url: '/api/v2/agents/summarizer', headers: h, payload: summarizer });
}, 60_000);
afterAll(async () => {
  await gw.close();
  await engine.close();
});

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, hdrs = h) =>
  gw.http.inject({ method, url, headers: hdrs, ...(payload === undefined ? {} : { payload }) });

const events = async (url: string, extra: Record<string, string> = {}) =>
  (await readEvents(port, url, { ...h, ...extra })).events;

describe('workflows, versions and runs through the gateway', () => {
  it('creates, versions, runs to completion, streams and logs a workflow', async () => {
    const created = await call('POST', '/api/v2/workflows', {
      name: 'Summary',
      graph: simpleGraph,
      tags: ['t'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const updated = await call('PUT', `/api/v2/workflows/${id}`, {
      name: 'Summary 2',
      graph: simpleGraph,
      expectedVersion: 1,
    });
    expect(updated.json()).toMatchObject({ version: 2, name: 'Summary 2' });
    const stale = await call('PUT', `/api/v2/workflows/${id}`, {
      name: 'x',
      graph: simpleGraph,
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('GET', `/api/v2/workflows/${id}?version=1`)).json()).toMatchObject({
      name: 'Summary',
    });
    expect(
      (await call('GET', `/api/v2/workflows/${id}/versions`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(2);
    expect(
      (await call('GET', '/api/v2/workflows')).json<{ items: { id: string }[] }>().items.map((w) => w.id),
    ).toContain(id);

    const started = await call('POST', `/api/v2/workflows/${id}/execute`, { input: { topic: 'x' } });
    expect(started.statusCode).toBe(202);
    const runId = started.json<{ id: string }>().id;
    const received = await events(`/api/v2/runs/${runId}/events`);
    expect(received.at(-1)?.event).toBe('end');
    const transitions = received.filter((e) => e.event === 'run' || e.event === 'block');
    expect(transitions.map((e) => Number(e.id))).toEqual([...transitions.keys()].map((i) => i + 1));
    expect(transitions.some((e) => e.event === 'run' && e.data?.includes('"succeeded"'))).toBe(true);
    // Resuming after the third event replays only what came after it.
    const resumed = await events(`/api/v2/runs/${runId}/events`, { 'last-event-id': '3' });
    expect(resumed.filter((e) => e.id !== undefined).map((e) => e.id)).toEqual(
      transitions.slice(3).map((e) => e.id),
    );

    const run = await call('GET', `/api/v2/runs/${runId}`);
    expect(run.json()).toMatchObject({ status: 'succeeded', input: { topic: 'x' } });
    const logs = (await call('GET', `/api/v2/runs/${runId}/logs`)).json<{ blocks: { blockId: string }[] }>();
    expect(logs.blocks.map((b) => b.blockId)).toEqual(['make', 'summarize']);
    expect(
      (await call('GET', `/api/v2/runs?workflowId=${id}`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    expect((await call('DELETE', `/api/v2/workflows/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v2/workflows/${id}`)).statusCode).toBe(404);
  });

  it('answers a human block: invalid input is 400, approval resumes, a second answer conflicts', async () => {
    const id = (await call('POST', '/api/v2/workflows', { name: 'Review', graph: humanGraph })).json<{
      id: string;
    }>().id;
    const runId = (await call('POST', `/api/v2/workflows/${id}/execute`)).json<{ id: string }>().id;
    await eventually(
      async () =>
        (await call('GET', `/api/v2/runs/${runId}`)).json<{ status: string }>().status === 'waiting_human'
          ? true
          : undefined,
      20_000,
    );
    const bad = await call('POST', `/api/v2/runs/${runId}/resume`, {
      blockId: 'review',
      decision: 'approve',
      input: { editor: 7 },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await call('POST', `/api/v2/runs/${runId}/resume`, {
      blockId: 'review',
      decision: 'approve',
      input: { editor: 'ann' },
    });
    expect(ok.statusCode).toBe(200);
    const again = await call('POST', `/api/v2/runs/${runId}/resume`, {
      blockId: 'review',
      decision: 'reject',
    });
    expect([409, 422]).toContain(again.statusCode);
  });

  it('cancels a waiting run', async () => {
    const id = (await call('POST', '/api/v2/workflows', { name: 'Cancel me', graph: humanGraph })).json<{
      id: string;
    }>().id;
    const runId = (await call('POST', `/api/v2/workflows/${id}/execute`)).json<{ id: string }>().id;
    const cancelled = await call('POST', `/api/v2/runs/${runId}/cancel`, { reason: 'test' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });

  it('refuses invalid graphs with the engine’s structured details', async () => {
    const response = await call('POST', '/api/v2/workflows', {
      name: 'bad',
      graph: { nodes: [], edges: [{ from: 'a', to: 'b' }], executionMode: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; details: { path: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.length).toBeGreaterThan(0);
  });
});

describe('API keys and the audit log', () => {
  it('shows a key once, stores only its hash, and stops accepting it once revoked', async () => {
    const created = await call('POST', '/api/v2/api-keys', { name: 'ci', roles: ['viewer'] });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json<{ key: string; apiKey: { id: string } }>();
    const stored = await gw.mongo.db?.collection('api_keys').findOne({ keyId: apiKey.id });
    expect(JSON.stringify(stored)).not.toContain(key.split('.').at(-1));
    expect(JSON.stringify((await call('GET', '/api/v2/api-keys')).json())).not.toContain(
      key.split('.').at(-1),
    );
    const asKey = headers({ apiKey: key }, { client });
    expect((await call('GET', '/api/v2/workflows', undefined, asKey)).statusCode).toBe(200);
    expect(
      (await call('POST', '/api/v2/workflows', { name: 'n', graph: simpleGraph }, asKey)).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `/api/v2/api-keys/${apiKey.id}`)).json()).toMatchObject({
      revokedAt: expect.any(String) as string,
    });
    expect((await call('GET', '/api/v2/workflows', undefined, asKey)).statusCode).toBe(401);
  });

  it('refuses keys wider than their creator', async () => {
    const dev = headers(
      { bearer: await token({ client, roles: ['operator', 'admin'], projects: ['p1'] }) },
      { client },
    );
    const wider = await call(
      'POST',
      '/api/v2/api-keys',
      { name: 'x', roles: ['viewer'], projectIds: ['*'] },
      dev,
    );
    expect(wider.json()).toMatchObject({ error: { code: 'SCOPE_EXCEEDED' } });
  });

  it('records every mutating call with who, what and how it ended', async () => {
    const viewer = headers({ bearer: await token({ client, roles: ['viewer'], sub: 'vic' }) }, { client });
    await call('POST', '/api/v2/workflows', { name: 'n', graph: simpleGraph }, viewer);
    type Log = { items: { actor: { subject: string }; outcome: string; action: string }[] };
    // The entry is written once the response is out, so it may trail the response by a moment.
    const log = await eventually(async () => {
      const page = (await call('GET', '/api/v2/audit-log')).json<Log>();
      return page.items[0]?.actor.subject === 'vic' ? page : undefined;
    }, 5000);
    expect(log.items[0]).toMatchObject({
      actor: { subject: 'vic' },
      outcome: 'denied',
      action: 'POST /api/v2/workflows',
    });
    expect(log.items.some((e) => e.outcome === 'success' && e.action === 'POST /api/v2/api-keys')).toBe(true);
  });
});

describe('the HTTP surface', () => {
  it('answers unknown routes 404 without authentication, and serves the OpenAPI document and UI', async () => {
    const missing = await gw.http.inject({ method: 'GET', url: '/api/v2/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: { code: 'NOT_FOUND', requestId: expect.any(String) as string },
    });
    expect((await gw.http.inject({ method: 'GET', url: '/docs/json' })).json()).toMatchObject({
      openapi: '3.1.0',
    });
    expect((await gw.http.inject({ method: 'GET', url: '/docs/' })).statusCode).toBeLessThan(400);
  });

  it('keeps internals to itself when the engine is down (503, no addresses or stacks)', async () => {
    const down = await startGateway('127.0.0.1:1');
    try {
      const response = await down.http.inject({ method: 'GET', url: '/api/v2/workflows', headers: h });
      expect(response.statusCode).toBe(503);
      expect(response.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|at \w+ \(/);
    } finally {
      await down.close();
    }
  });

  it('keeps a well-formed request id and replaces a malformed one', async () => {
    const kept = await call('GET', '/api/v2/me', undefined, { ...h, 'x-request-id': 'trace-12345678' });
    expect(kept.headers['x-request-id']).toBe('trace-12345678');
    const replaced = await call('GET', '/api/v2/me', undefined, { ...h, 'x-request-id': 'bad id\u0001' });
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });
});
