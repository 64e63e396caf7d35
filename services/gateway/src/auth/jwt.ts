import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UserError } from '@dagwright/kit';
import type { CredentialCache } from './credential-cache.ts';
import { ANY, ID_PATTERN, type Principal } from './principal.ts';

/** Tokens longer than this are refused before any parsing: no legitimate token comes close. */
export const MAX_TOKEN_LENGTH = 8192;

/** How tokens are checked. Algorithms are pinned per key source, so a token cannot pick its own. */
export interface JwtSettings {
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  /** HS256 secret (development only). */
  secret: string | undefined;
  /** The identity provider's JWKS, with the asymmetric algorithms it signs with. */
  jwks: { url: string; algorithms: string[] } | undefined;
}

/** Checks a bearer token and returns who it names: at once when it was verified recently, else after verifying it. */
export type JwtVerifier = (token: string) => Principal | Promise<Principal>;

/** Refused token: one code for callers, the reason for our logs only. */
export function invalidToken(reason: string, code = 'INVALID_TOKEN'): UserError {
  return new UserError('unauthenticated', code, 'the credential is not valid', {
    details: [{ code, path: 'authorization', message: code === 'TOKEN_EXPIRED' ? 'expired' : 'rejected' }],
    cause: new Error(reason),
  });
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === 'string');

/** Reads Dagwright's claims (`tenant`, `roles`) strictly: any malformed field refuses the whole token. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const tenant: unknown = payload.tenant;
  const { sub } = payload;
  const roles = payload.roles;
  if (typeof sub !== 'string' || !ID_PATTERN.test(sub)) throw invalidToken('bad sub');
  if (typeof tenant !== 'object' || tenant === null) throw invalidToken('no tenant claim');
  const { clientId, projectIds, workspaceIds } = tenant as Record<string, unknown>;
  const scoped = (list: unknown): list is string[] =>
    isStringList(list) && list.length > 0 && list.every((v) => v === ANY || ID_PATTERN.test(v));
  if (typeof clientId !== 'string' || !ID_PATTERN.test(clientId)) throw invalidToken('bad clientId');
  if (!scoped(projectIds) || !scoped(workspaceIds)) throw invalidToken('bad project or workspace scope');
  if (!isStringList(roles)) throw invalidToken('bad roles');
  return { kind: 'jwt', subject: sub, credentialId: `jwt:${sub}`, clientId, projectIds, workspaceIds, roles };
}

/**
 * Builds the verifier: HS256 with the secret and/or the JWKS's algorithms, `iss`, `aud`, `exp`, `nbf` checked.
 * A verified token is remembered in `cache` until its `exp` (never past the cache's TTL), so a client reusing
 * its token pays for the signature check once; a key withdrawn from the JWKS stops counting within that TTL.
 */
export function createJwtVerifier(settings: JwtSettings, cache: CredentialCache): JwtVerifier {
  // A KeyObject made once: jose would otherwise import the raw secret into WebCrypto on every verification.
  const secret =
    settings.secret === undefined ? undefined : createSecretKey(Buffer.from(settings.secret, 'utf8'));
  const remote = settings.jwks === undefined ? undefined : createRemoteJWKSet(new URL(settings.jwks.url));
  const asymmetric = settings.jwks?.algorithms ?? [];
  const algorithms = [...(secret === undefined ? [] : ['HS256']), ...asymmetric];
  if (algorithms.length === 0) throw new Error('no JWT key source configured');
  // The key follows from the algorithm, never from anything else in the header (kid, jku, jwk, x5u): an HS
  // token is checked only against the secret, an RS/ES token only against the provider's published keys.
  const keyFor: JwtVerifyGetKeyish = async (header, token) => {
    if (header.alg === 'HS256' && secret !== undefined) return secret;
    if (remote !== undefined && asymmetric.includes(header.alg)) return remote(header, token);
    throw invalidToken(`algorithm ${header.alg} not accepted`);
  };
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms,
    clockTolerance: Math.min(settings.clockSkewSeconds, 60),
    requiredClaims: ['exp', 'iss', 'aud', 'sub'],
  };
  const verify = async (token: string): Promise<Principal> => {
    if (token.length > MAX_TOKEN_LENGTH) throw invalidToken('token too long');
    try {
      const { payload } = await jwtVerify(token, keyFor as JWTVerifyGetKey, options);
      // `exp` is required above; the entry ends at `exp` itself, not at `exp` plus the tolerated skew.
      return cache.remember(token, principalFromClaims(payload), (payload.exp ?? 0) * 1000);
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (error instanceof errors.JWTExpired) throw invalidToken('expired', 'TOKEN_EXPIRED');
      throw invalidToken(error instanceof Error ? `${error.name}: ${error.message}` : 'unknown');
    }
  };
  return (token) => cache.get(token) ?? verify(token);
}

type JwtVerifyGetKeyish = (
  header: Parameters<JWTVerifyGetKey>[0],
  token: Parameters<JWTVerifyGetKey>[1],
) => Promise<KeyObject | Awaited<ReturnType<JWTVerifyGetKey>>>;
