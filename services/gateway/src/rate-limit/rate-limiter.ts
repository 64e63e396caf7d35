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

/** Slots per window: requests count for at most one slot (1/60 of the window) longer than the window. */
export const SLOTS_PER_WINDOW = 60;

type ScriptRedis = Redis & {
  dwRateWindow(...args: (string | number)[]): Promise<number[]>;
};

/**
 * Rate limiting shared by every replica through Redis: one EVALSHA per request spends the weight from all of
 * its buckets at once (see the script for the algorithm and its guarantee).
 */
export class RateLimiter {
  private readonly redis: ScriptRedis;
  readonly windowMs: number;
  readonly slotMs: number;
  /** ARGV of the script per weight: the same few strings for every request, built once. */
  private readonly argsByWeight = new Map<number, string[]>();

  constructor(redis: Redis, windowMs: number) {
    this.windowMs = windowMs;
    this.slotMs = Math.max(1, Math.ceil(windowMs / SLOTS_PER_WINDOW));
    // ioredis sends EVALSHA, and EVAL once when Redis does not know the script yet (e.g. after a restart).
    if (!('dwRateWindow' in redis)) redis.defineCommand('dwRateWindow', { lua: SLIDING_WINDOW_SCRIPT });
    this.redis = redis as ScriptRedis;
  }

  /** Spends `weight` from every bucket at once, or from none when any of them lacks room. */
  async consume(buckets: readonly Bucket[], weight: number): Promise<RateDecision> {
    const args = [...this.argsFor(weight)];
    for (const bucket of buckets) args.push(String(bucket.limit));
    const keys = buckets.map((b) => b.key);
    const reply = await this.redis.dwRateWindow(keys.length, ...keys, ...args);
    let tightest = 0;
    let remaining = Number.POSITIVE_INFINITY;
    for (let i = 0; i < buckets.length; i++) {
      const left = Math.max(0, (buckets[i]?.limit ?? 0) - Number(reply[2 + 2 * i]));
      if (left < remaining) {
        remaining = left;
        tightest = i;
      }
    }
    return {
      accepted: reply[0] === 1,
      retryAfterMs: Number(reply[1]),
      limit: buckets[tightest]?.limit ?? 0,
      remaining,
      resetMs: Number(reply[3 + 2 * tightest]),
      bucket: buckets[tightest]?.name ?? '',
    };
  }

  private argsFor(weight: number): string[] {
    let args = this.argsByWeight.get(weight);
    if (args === undefined) {
      args = [String(this.windowMs), String(this.slotMs), String(weight)];
      this.argsByWeight.set(weight, args);
    }
    return args;
  }
}

/** The buckets of one credential: its client's and its own (one Redis Cluster hash tag, so one slot). */
export function bucketsFor(
  clientId: string,
  credentialId: string,
  limits: { client: number; credential: number },
): Bucket[] {
  const tag = `rate:{${clientId}}`;
  return [
    { name: 'client', key: `${tag}:client`, limit: limits.client },
    { name: 'credential', key: `${tag}:cred:${credentialId}`, limit: limits.credential },
  ];
}
