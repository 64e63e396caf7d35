import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';

let engine: RunningEngine;
let gw: TestGateway;
let port: number;
const client = uniqueName('malformed');
let auth: Record<string, string>;
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

beforeAll(async () => {
  engine = await startEngine();
  gw = await startGateway(engine.address);
  await gw.http.listen({ host: '127.0.0.1', port: 0 });
  port = (gw.http.server.address() as AddressInfo).port;
  auth = headers({ bearer: await token({ client }) }, { client });
}, 60_000);
afterAll(async () => {
  agent.destroy();
  await gw.close();
  await engine.close();
});

interface Bad {
  method: string;
  path: string;
  body?: Buffer;
  headers?: Record<string, string>;
}
const json = (text: string) => Buffer.from(text, 'utf8');
const KINDS: ((i: number) => Bad)[] = [
  () => ({ method: 'POST', path: '/api/v2/workflows', body: json('{"name": "x", "graph": ') }),
  () => ({ method: 'POST', path: '/api/v2/workflows', body: json(`${'['.repeat(5000)}${']'.repeat(5000)}`) }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json(`{"name":"x","graph":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json('{"name": 123, "graph": "not an object"}'),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json('{"__proto__": {"admin": true}, "name": "x", "graph": {}}'),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json('{"constructor": {"prototype": {"admin": true}}, "name": "x", "graph": {}}'),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json('{"name": "x", "graph": {}, "unknownField": 1}'),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: json('{"name":"x","graph":{}}'),
    headers: { 'content-type': 'text/plain' },
  }),
  () => ({
    method: 'POST',
    path: '/api/v2/runs/x/resume',
    body: json('{"blockId": "../../etc", "decision": "maybe"}'),
  }),
  () => ({
    method: 'PUT',
    path: '/api/v2/agents/a',
    body: json('{"name": "", "kind": "robot", "costPerCall": -1}'),
  }),
  () => ({ method: 'GET', path: '/api/v2/runs?pageSize=-1&status=exploded' }),
  () => ({ method: 'GET', path: '/api/v2/workflows?pageSize=abc&pageToken=%FF%FE' }),
  () => ({ method: 'GET', path: `/api/v2/workflows/${'x'.repeat(300)}` }),
  () => ({ method: 'GET', path: '/api/v2/workflows/%E0%A4%A' }),
  () => ({ method: 'GET', path: '/api/v2/runs/r1/events', headers: { 'last-event-id': '-1; DROP' } }),
  () => ({ method: 'POST', path: '/api/v2/workflows', body: json('null') }),
  () => ({ method: 'POST', path: '/api/v2/workflows', body: json('"just a string"') }),
  () => ({ method: 'DELETE', path: '/api/v2/api-keys/not-a-key' }),
  (i) => ({
    method: 'GET',
    path: '/api/v2/workflows',
    headers: { authorization: `Bearer ${'a'.repeat(i % 100)}.${'b'.repeat(10)}` },
  }),
  () => ({ method: 'GET', path: '/api/v2/workflows', headers: { 'x-client-id': '../other' } }),
  (i) => ({
    method: 'POST',
    path: '/api/v2/workflows',
    body: i % 100 === 0 ? Buffer.alloc(1_200_000, 0x20) : json('{}'),
  }),
];

function send(bad: Bad): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: bad.method,
        path: bad.path,
        headers: { 'content-type': 'application/json', ...auth, ...bad.headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(bad.body);
  });
}

async function fire(count: number, statuses: Map<number, number>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const i = next++;
        const kind = KINDS[i % KINDS.length];
        if (kind === undefined) continue;
        const status = await send(kind(i)).catch(() => -1);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('5,000 malformed requests', () => {
  it('answers every one with a 4xx, stays up, and does not grow its heap', async () => {
    await fire(500, new Map());
    const before = heapAfterGc();
    const statuses = new Map<number, number>();
    await fire(5_000, statuses);
    const after = heapAfterGc();
    const codes = [...statuses.keys()];
    expect(
      codes.filter((c) => c < 400 || c >= 500),
      JSON.stringify([...statuses]),
    ).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(5_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(after - before).toBeLessThan(32 * 1024 * 1024);
  });
});
