import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.ts';

/** How long and how much a replica may remember verified credentials. */
export interface CredentialCacheOptions {
  /** Longest an entry is trusted, whatever the credential's own expiry (0 turns the cache off). */
  ttlMs: number;
  /** Most entries kept; the least recently used leave first. */
  maxEntries: number;
  /** A clock for tests; `performance` by default (monotonic, as lru-cache uses it). */
  clock?: { now(): number };
}

/** Entries are also bounded by the characters of their keys, so a flood of 8 KiB tokens cannot take much memory. */
const MAX_KEY_CHARS = 32 * 1024 * 1024;

/**
 * Principals of credentials that were fully verified, keyed by the exact credential string (a tampered or
 * different token is a different key, so it is always verified afresh). An entry lives until the earlier of
 * the credential's own expiry and `ttlMs`; only successes are remembered. Principals are frozen, because one
 * object now serves many requests.
 */
export class CredentialCache {
  private readonly lru: LRUCache<string, Principal> | undefined;
  private readonly ttlMs: number;

  constructor(options: CredentialCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.lru =
      options.ttlMs <= 0
        ? undefined
        : new LRUCache<string, Principal>({
            max: options.maxEntries,
            maxSize: MAX_KEY_CHARS,
            sizeCalculation: (_principal, key) => key.length + 1,
            ttl: options.ttlMs,
            // Read the clock on every lookup (lru-cache otherwise reuses one reading for a millisecond).
            ttlResolution: 0,
            ...(options.clock === undefined ? {} : { perf: options.clock }),
          });
  }

  /** The principal of a credential verified earlier and still within its lifetime. */
  get(credential: string): Principal | undefined {
    return this.lru?.get(credential);
  }

  /** Remembers a verified credential until `expiresAtMs` (epoch ms; null = no expiry of its own) or the TTL. */
  remember(credential: string, principal: Principal, expiresAtMs: number | null): Principal {
    const frozen = freezePrincipal(principal);
    if (this.lru === undefined) return frozen;
    const ttl = expiresAtMs === null ? this.ttlMs : Math.min(this.ttlMs, expiresAtMs - Date.now());
    if (ttl > 0) this.lru.set(credential, frozen, { ttl });
    return frozen;
  }

  /** Forgets every entry whose principal matches (e.g. all cached uses of a revoked API key). */
  forgetWhere(matches: (principal: Principal) => boolean): void {
    if (this.lru === undefined) return;
    for (const [credential, principal] of this.lru.entries())
      if (matches(principal)) this.lru.delete(credential);
  }

  /** Forgets everything (e.g. after missing revocation notices). */
  clear(): void {
    this.lru?.clear();
  }
}

function freezePrincipal(principal: Principal): Principal {
  Object.freeze(principal.projectIds);
  Object.freeze(principal.workspaceIds);
  Object.freeze(principal.roles);
  return Object.freeze(principal);
}
