import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis, uniqueName } from '@dagwright/testkit';
import { bucketsFor, RateLimiter } from '../src/rate-limit/rate-limiter.ts';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { simpleGraph } from './support/fixtures.ts';
import { headers, startGateway, testSettings, token, type TestGateway } from './support/gateway.ts';

let engine: RunningEngine;
let gw: TestGateway;
const limits = { windowMs: 60_000, client: 8, credential: 5, aiWeight: 10, executeWeight: 5 };

beforeAll(async () => {
  engine = await startEngine();
  gw = await startGateway(engine.address, { settings: { rateLimit: limits } });
}, 60_000);
afterAll(async () => {
  await gw.close();
  await engine.close();
});

describe('the sliding-window limiter in Redis', () => {
  it('accepts exactly the limit out of many concurrent requests, counting weights', async () => {
    const { redis } = testRedis('limiter');
    try {
      const limiter = new RateLimiter(redis, 5_000);
      const buckets = bucketsFor('c1', 'k1', { client: 1_000, credential: 20 });
      const light = await Promise.all(Array.from({ length: 200 }, () => limiter.consume(buckets, 1)));
      expect(light.filter((d) => d.accepted)).toHaveLength(20);
      const refused = light.find((d) => !d.accepted);
      expect(refused?.retryAfterMs).toBeGreaterThan(0);
      // A request counts until its slot has left the window: at most one slot longer than the window.
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(5_000 + limiter.slotMs);
      const heavy = bucketsFor('c2', 'k2', { client: 1_000, credential: 20 });
      const weighted = await Promise.all(Array.from({ length: 50 }, () => limiter.consume(heavy, 5)));
      expect(weighted.filter((d) => d.accepted)).toHaveLength(4);
    } finally {
      redis.disconnect();
    }
  });

  it('gives the weight back once its slot has left the window, oldest first', async () => {
    const { redis } = testRedis('limiter');
    try {
      const limiter = new RateLimiter(redis, 1_000);
      const buckets = bucketsFor('c3', 'k3', { client: 1_000, credential: 10 });
      expect((await limiter.consume(buckets, 4)).accepted).toBe(true);
      await sleep(300);
      const second = await limiter.consume(buckets, 6);
      expect(second).toMatchObject({ accepted: true, remaining: 0 });
      const refused = await limiter.consume(buckets, 1);
      expect(refused.accepted).toBe(false);
      // The first 4 leave first: the refusal says to come back when they have, not after the later 6.
      expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000 - 300 + limiter.slotMs + 50);
      await sleep(refused.retryAfterMs + 20);
      const back = await limiter.consume(buckets, 4);
      expect(back).toMatchObject({ accepted: true, remaining: 0 });
      expect((await limiter.consume(buckets, 1)).accepted).toBe(false);
    } finally {
      redis.disconnect();
    }
  });
});

describe('rate limits at the gateway', () => {
  it('limits each credential and the client as a whole, with 429, Retry-After and RateLimit-* headers', async () => {
    const client = uniqueName('rl');
    const first = headers({ bearer: await token({ client, sub: 'one' }) }, { client });
    const second = headers({ bearer: await token({ client, sub: 'two' }) }, { client });
    const me = (h: Record<string, string>) =>
      gw.http.inject({ method: 'GET', url: '/api/v2/me', headers: h });
    const firstRun = [];
    for (let i = 0; i < 6; i++) firstRun.push(await me(first));
    expect(firstRun.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(firstRun[0]?.headers).toMatchObject({ 'ratelimit-limit': '5', 'ratelimit-remaining': '4' });
    const limited = firstRun[5];
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The client's bucket (8) has 3 left for the second credential.
    const secondRun = [];
    for (let i = 0; i < 4; i++) secondRun.push((await me(second)).statusCode);
    expect(secondRun).toEqual([200, 200, 200, 429]);
  });

  it('charges a run start its weight', async () => {
    const client = uniqueName('rlw');
    const h = headers({ bearer: await token({ client }) }, { client });
    const created = await gw.http.inject({
      method: 'POST',
      url: '/api/v2/workflows',
      headers: h,
      payload: { name: 'w', graph: simpleGraph },
    });
    const id = created.json<{ id: string }>().id;
    const execute = await gw.http.inject({
      method: 'POST',
      url: `/api/v2/workflows/${id}/execute`,
      headers: h,
    });
    expect(execute.statusCode).toBe(429); // 1 spent on create + 5 > 5
    expect(execute.headers['ratelimit-remaining']).toBe('4');
  });

  it('lets reads through and refuses writes with 503 when Redis is unreachable', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    unreachable.on('error', () => undefined);
    const down = await startGateway(engine.address, { redis: unreachable, settings: testSettings() });
    try {
      const client = uniqueName('rld');
      const h = headers({ bearer: await token({ client }) }, { client });
      expect((await down.http.inject({ method: 'GET', url: '/api/v2/me', headers: h })).statusCode).toBe(200);
      const write = await down.http.inject({
        method: 'POST',
        url: '/api/v2/workflows',
        headers: h,
        payload: { name: 'w', graph: simpleGraph },
      });
      expect(write.statusCode).toBe(503);
      expect(write.json()).toMatchObject({ error: { code: 'RATE_LIMITER_UNAVAILABLE' } });
      expect(write.headers['retry-after']).toBe('5');
    } finally {
      await down.close();
    }
  });
});
