import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ID_PATTERN, type Principal } from './principal.ts';
import type { ApiKeyDoc, ApiKeyRepository } from './api-key.repository.ts';
import { invalidToken } from './jwt.ts';

/** Every key starts with this, so secret scanners and people recognise it. */
export const KEY_PREFIX = 'dwk';

const KEY_PATTERN = /^dwk\.([A-Za-z0-9_-]{1,200})\.(key_[0-9a-z]{9}[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** SHA-256 of a key: keys are 256 random bits, so a fast hash is enough (nothing to brute-force). */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key for a client: `dwk.<client, base64url>.<key id>.<256 random bits>`; shown once, stored hashed. */
export function newKey(clientId: string, keyId: string): string {
  const client = Buffer.from(clientId, 'utf8').toString('base64url');
  return `${KEY_PREFIX}.${client}.${keyId}.${randomBytes(32).toString('base64url')}`;
}

/** The client and key id a key names, or undefined when it is not one of ours. */
export function parseKey(key: string): { clientId: string; keyId: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const clientId = Buffer.from(match[1], 'base64url').toString('utf8');
  return ID_PATTERN.test(clientId) ? { clientId, keyId: match[2] } : undefined;
}

/** Checks API keys against the store, trusting a looked-up key for `cacheMs` (the revocation delay of other replicas). */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, { doc: ApiKeyDoc; until: number }>();

  private readonly repository: ApiKeyRepository;
  private readonly cacheMs: number;
  private readonly maxCached: number;

  constructor(repository: ApiKeyRepository, cacheMs: number, maxCached = 10_000) {
    this.repository = repository;
    this.cacheMs = cacheMs;
    this.maxCached = maxCached;
  }

  /** The principal of a valid key; a 401 for anything else, with one message whatever the reason. */
  async verify(key: string): Promise<Principal> {
    const parsed = parseKey(key);
    if (parsed === undefined) throw invalidToken('malformed api key');
    const doc = await this.lookup(parsed.clientId, parsed.keyId);
    if (doc === null) throw invalidToken('unknown api key');
    const given = Buffer.from(hashKey(key), 'hex');
    const stored = Buffer.from(doc.hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored))
      throw invalidToken('wrong api key');
    if (doc.revokedAt !== null) throw invalidToken('revoked api key');
    if (doc.expiresAt !== null && doc.expiresAt.getTime() <= Date.now())
      throw invalidToken('expired api key');
    return {
      kind: 'api_key',
      subject: doc.keyId,
      credentialId: `key:${doc.keyId}`,
      clientId: doc.clientId,
      projectIds: doc.projectIds,
      workspaceIds: doc.workspaceIds,
      roles: doc.roles,
    };
  }

  /** Forgets a key at once on this replica (after revocation). */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private async lookup(clientId: string, keyId: string): Promise<ApiKeyDoc | null> {
    const hit = this.cache.get(keyId);
    if (hit !== undefined && hit.until > Date.now() && hit.doc.clientId === clientId) return hit.doc;
    const doc = await this.repository.find(clientId, keyId);
    if (doc !== null && this.cacheMs > 0) {
      if (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.set(keyId, { doc, until: Date.now() + this.cacheMs });
    }
    return doc;
  }
}
