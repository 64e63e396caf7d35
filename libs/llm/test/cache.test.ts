/** The response cache on the real Redis of this run: identical requests are answered without a model call. */
import { randomUUID } from 'node:crypto';
import { testRedis, chatCompletion, useWireServer } from '@dagwright/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisResponseCache, redisCache } from '../src/index.ts';
import { KEYS } from './fixtures.ts';
import { TICKET_SCHEMA, registryFromEnv } from './helpers.ts';

const { redis, keyPrefix } = testRedis('llm-cache');

/** Our cache entries; KEYS patterns and results carry the client's key prefix, other commands add it. */
async function cacheEntries(): Promise<string[]> {
  const keys = await redis.keys(`${keyPrefix}llm:cache:*`);
  return keys.map((k) => k.slice(keyPrefix.length));
}
const cacheErrors: Error[] = [];
const server = useWireServer();

beforeEach(() => {
  cacheErrors.length = 0;
});
afterAll(async () => {
  const keys = await cacheEntries();
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const MODEL = 'gpt-4o-mini-2024-07-18';
const TICKET = { title: 'Login broken after 2.3', priority: 1 };

function cachedRegistry(ttlSeconds = 120) {
  const cache = redisCache(redis, { cacheTtlSeconds: ttlSeconds }, (error) => cacheErrors.push(error));
  const env = { OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1` };
  return registryFromEnv(env, cache === undefined ? {} : { cache });
}

/** A conversation no other test (or earlier run) has sent, so entries never collide. */
function messages(tag: string) {
  return [
    { role: 'system' as const, content: `You triage support tickets into JSON. [${tag}-${randomUUID()}]` },
    { role: 'user' as const, content: 'Customers cannot log in since the 2.3 release.' },
  ];
}

describe('response cache', () => {
  it('answers an identical structured request from Redis without a second HTTP request, at no cost', async () => {
    const registry = cachedRegistry();
    const conversation = messages('structured');
    server.reply({ body: chatCompletion(JSON.stringify(TICKET), MODEL, { prompt: 120, completion: 30 }) });

    const first = await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: conversation,
    });
    const second = await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: conversation,
    });

    expect(server.requests).toHaveLength(1);
    expect(first).toMatchObject({ value: TICKET, cached: false });
    expect(first.costUsd).toBeGreaterThan(0);
    expect(second).toMatchObject({
      value: TICKET,
      cached: true,
      costUsd: 0,
      usage: { inputTokens: 0, outputTokens: 0 },
      model: MODEL,
    });

    const keys = await cacheEntries();
    expect(keys.length).toBeGreaterThan(0);
    const ttls = await Promise.all(keys.map((k) => redis.ttl(k)));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120);
    }
  });

  it('misses when anything in the request differs: messages, schema, parameters', async () => {
    const registry = cachedRegistry();
    const conversation = messages('miss');
    for (let i = 0; i < 3; i++) server.reply({ body: chatCompletion(JSON.stringify(TICKET), MODEL) });
    await registry.generateStructured('openai', { schema: TICKET_SCHEMA, messages: conversation });
    await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: conversation,
      temperature: 0.2,
    });
    await registry.generateStructured('openai', {
      schema: { ...TICKET_SCHEMA, properties: { ...TICKET_SCHEMA.properties, title: { type: 'string' } } },
      messages: conversation,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('never caches an answer that failed validation', async () => {
    const registry = cachedRegistry();
    const conversation = messages('invalid');
    server.reply(
      { body: chatCompletion('{"title":"x"}', MODEL) },
      { body: chatCompletion(JSON.stringify(TICKET), MODEL) },
    );
    await expect(
      registry.generateStructured('openai', { schema: TICKET_SCHEMA, messages: conversation, maxRepairs: 0 }),
    ).rejects.toMatchObject({ code: 'LLM_OUTPUT_INVALID' });
    const retried = await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: conversation,
      maxRepairs: 0,
    });
    expect(retried).toMatchObject({ value: TICKET, cached: false });
    expect(server.requests).toHaveLength(2);
  });

  it('caches plain completions too, unless the request opts out', async () => {
    const registry = cachedRegistry();
    const conversation = messages('plain');
    server.reply(
      { body: chatCompletion('Logins fail.', MODEL) },
      { body: chatCompletion('Logins fail.', MODEL) },
    );
    const first = await registry.complete('openai', { messages: conversation });
    const second = await registry.complete('openai', { messages: conversation });
    const bypass = await registry.complete('openai', { messages: conversation, cache: false });
    expect([first.cached, second.cached, bypass.cached]).toEqual([undefined, true, undefined]);
    expect(second).toMatchObject({ text: 'Logins fail.', costUsd: 0 });
    expect(server.requests).toHaveLength(2);
  });

  it('is off with a TTL of 0, and a Redis outage reaches the model instead of failing the call', async () => {
    expect(redisCache(redis, { cacheTtlSeconds: 0 }, () => undefined)).toBeUndefined();
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    down.on('error', () => undefined);
    const cache = new RedisResponseCache(down, {
      ttlSeconds: 60,
      onError: (error) => cacheErrors.push(error),
    });
    const registry = registryFromEnv(
      { OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1` },
      { cache },
    );
    server.reply({ body: chatCompletion(JSON.stringify(TICKET), MODEL) });
    const result = await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: messages('down'),
    });
    expect(result.value).toEqual(TICKET);
    expect(cacheErrors.length).toBe(2);
    down.disconnect();
  });
});
