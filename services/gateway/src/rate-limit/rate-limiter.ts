import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SLIDING_WINDOW_SCRIPT } from './sliding-window.lua.ts';

/** One bucket a request spends from: its Redis key and how much weight it holds per window. */
export interface Bucket {
  name: string;
  key: string;
  limit: number;
}

/** The decision on one request and what the RateLimit-* headers say. */
export interface RateDecision {
  accepted: boolean;
  /** Milliseconds until the request would fit (0 when accepted). */
  retryAfterMs: number;
  /** The tightest bucket: its limit, what is left of it and when its oldest entry leaves. */
  limit: number;
  remaining: number;
  resetMs: number;
  /** The name of the tightest bucket, for the RateLimit-Policy header. */
  bucket: string;
}

type ScriptRedis = Redis & {
  dwSlidingWindow(...args: (string | number)[]): Promise<number[]>;
};

/** Rate limiting shared by every replica through Redis (a weighted sliding-window log, exact per window). */
export class RateLimiter {
  private readonly redis: ScriptRedis;
  readonly windowMs: number;

  constructor(redis: Redis, windowMs: number) {
    this.windowMs = windowMs;
    if (!('dwSlidingWindow' in redis)) redis.defineCommand('dwSlidingWindow', { lua: SLIDING_WINDOW_SCRIPT });
    this.redis = redis as ScriptRedis;
  }

  /** Spends `weight` from every bucket at once, or from none when any of them lacks room. */
  async consume(buckets: Bucket[], weight: number): Promise<RateDecision> {
    const keys = buckets.flatMap((b) => [b.key, `${b.key}:sum`]);
    const args = [
      String(this.windowMs),
      String(weight),
      randomUUID(),
      ...buckets.map((b) => String(b.limit)),
    ];
    const reply = await this.redis.dwSlidingWindow(keys.length, ...keys, ...args);
    const accepted = reply[0] === 1;
    let tightest = { remaining: Number.POSITIVE_INFINITY, limit: 0, resetMs: 0, bucket: '' };
    buckets.forEach((bucket, i) => {
      const used = Number(reply[2 + 2 * i]);
      const remaining = Math.max(0, bucket.limit - used);
      if (remaining < tightest.remaining)
        tightest = { remaining, limit: bucket.limit, resetMs: Number(reply[3 + 2 * i]), bucket: bucket.name };
    });
    return { accepted, retryAfterMs: Number(reply[1]), ...tightest };
  }
}

/** The buckets of one credential: its client's (with a Redis Cluster hash tag) and its own. */
export function bucketsFor(
  clientId: string,
  credentialId: string,
  limits: { client: number; credential: number },
): Bucket[] {
  const tag = `rl:{${clientId}}`;
  return [
    { name: 'client', key: `${tag}:client`, limit: limits.client },
    { name: 'credential', key: `${tag}:cred:${credentialId}`, limit: limits.credential },
  ];
}
