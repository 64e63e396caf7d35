/**
 * A Redis cache of identical model requests. The key is a SHA-256 over the provider, model, messages,
 * schema and parameters (object keys sorted, so key order does not matter); entries expire after a TTL.
 * Redis is never the only copy of anything: a cache failure is reported and the call goes to the model.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Completion, CompletionRequest, LlmProvider } from './types.ts';

/** Stores answers to identical requests for a while. */
export interface ResponseCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** JSON with object keys sorted, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  // JSON.stringify gives undefined for undefined and functions, whatever its declared type says.
  return value === undefined || typeof value === 'function' ? 'null' : JSON.stringify(value);
}

/** The cache key of a request to `provider` running `model`; `kind` separates plain from structured answers. */
export function requestKey(
  kind: 'completion' | 'structured',
  provider: string,
  model: string,
  request: CompletionRequest,
  extra: Record<string, unknown> = {},
): string {
  const identity = {
    kind,
    provider,
    model: request.model ?? model,
    messages: request.messages,
    schema: request.outputSchema,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    localTask: request.localTask,
    ...extra,
  };
  return createHash('sha256').update(stableJson(identity)).digest('hex');
}

/** Options of the Redis cache. */
export interface RedisCacheOptions {
  ttlSeconds: number;
  /** Prepended to every key. */
  prefix?: string;
  /** Told about Redis failures, which never fail a model call (e.g. the service logger's warn). */
  onError: (error: Error, operation: 'get' | 'set') => void;
}

/** The response cache in Redis, entries as JSON with a TTL. */
export class RedisResponseCache implements ResponseCache {
  readonly #redis: Redis;
  readonly #options: RedisCacheOptions;

  constructor(redis: Redis, options: RedisCacheOptions) {
    this.#redis = redis;
    this.#options = options;
  }

  /** The cached value, or undefined on a miss, an unreadable entry or a Redis failure. */
  async get(key: string): Promise<unknown> {
    try {
      const text = await this.#redis.get(this.#key(key));
      return text === null ? undefined : (JSON.parse(text) as unknown);
    } catch (error) {
      this.#options.onError(error as Error, 'get');
      return undefined;
    }
  }

  /** Stores `value` for the configured TTL. */
  async set(key: string, value: unknown): Promise<void> {
    try {
      await this.#redis.set(this.#key(key), JSON.stringify(value), 'EX', this.#options.ttlSeconds);
    } catch (error) {
      this.#options.onError(error as Error, 'set');
    }
  }

  #key(key: string): string {
    return `${this.#options.prefix ?? 'llm:cache:'}${key}`;
  }
}

// What comes back from Redis is checked before it is trusted, like any other input.
const CachedCompletion = z.object({
  text: z.string(),
  output: z.unknown().optional(),
  model: z.string(),
  provider: z.string(),
});

/**
 * Serves identical requests from `cache` (no tokens, no cost, `cached: true`) and stores fresh answers.
 * Requests with `cache: false` always go to the provider.
 */
export function cachedProvider(provider: LlmProvider, cache: ResponseCache): LlmProvider {
  return {
    id: provider.id,
    type: provider.type,
    model: provider.model,
    async complete(request: CompletionRequest): Promise<Completion> {
      if (request.cache === false) return provider.complete(request);
      const key = requestKey('completion', provider.id, provider.model, request);
      const hit = CachedCompletion.safeParse(await cache.get(key));
      if (hit.success) {
        return { ...hit.data, usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, cached: true };
      }
      const completion = await provider.complete(request);
      await cache.set(key, completion);
      return completion;
    },
  };
}
