import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ID_PATTERN, type Principal } from './principal.ts';
import type { ApiKeyDoc, ApiKeyRepository } from './api-key.repository.ts';
import type { CredentialCache } from './credential-cache.ts';
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

/**
 * Checks API keys against the store. A key that checked out is remembered (see CredentialCache) until the
 * earlier of its expiry and the cache TTL; revoking it forgets it at once on the revoking replica, and the
 * others hear of it through `forget` (the revocation channel), with the TTL as the bound when they miss that.
 */
export class ApiKeyVerifier {
  private readonly repository: ApiKeyRepository;
  private readonly cache: CredentialCache;
  /** Counts revocations heard, so a lookup that raced one does not cache what it read before it. */
  private revocations = 0;

  constructor(repository: ApiKeyRepository, cache: CredentialCache) {
    this.repository = repository;
    this.cache = cache;
  }

  /** The principal of a valid key; a 401 for anything else, with one message whatever the reason. */
  verify(key: string): Principal | Promise<Principal> {
    return this.cache.get(key) ?? this.lookup(key);
  }

  /** Forgets a key at once on this replica (after its revocation here or on another replica). */
  forget(keyId: string): void {
    this.revocations++;
    this.cache.forgetWhere((principal) => principal.kind === 'api_key' && principal.subject === keyId);
  }

  /** Forgets every key (when revocation notices may have been missed). */
  forgetAll(): void {
    this.revocations++;
    this.cache.clear();
  }

  private async lookup(key: string): Promise<Principal> {
    const heard = this.revocations;
    const parsed = parseKey(key);
    if (parsed === undefined) throw invalidToken('malformed api key');
    const doc = await this.repository.find(parsed.clientId, parsed.keyId);
    if (doc === null) throw invalidToken('unknown api key');
    const given = Buffer.from(hashKey(key), 'hex');
    const stored = Buffer.from(doc.hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored))
      throw invalidToken('wrong api key');
    if (doc.revokedAt !== null) throw invalidToken('revoked api key');
    const expiresAt = doc.expiresAt?.getTime() ?? null;
    if (expiresAt !== null && expiresAt <= Date.now()) throw invalidToken('expired api key');
    const principal = principalOf(doc);
    return heard === this.revocations ? this.cache.remember(key, principal, expiresAt) : principal;
  }
}

function principalOf(doc: ApiKeyDoc): Principal {
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
