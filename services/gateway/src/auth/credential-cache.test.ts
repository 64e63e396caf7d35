import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { UserError } from '@dagwright/kit';
import { CredentialCache } from './credential-cache.ts';
import { mintDevToken } from './dev-tokens.ts';
import { createJwtVerifier } from './jwt.ts';
import type { Principal } from './principal.ts';

const principal = (subject: string): Principal => ({
  kind: 'api_key',
  subject,
  credentialId: `key:${subject}`,
  clientId: 'c',
  projectIds: ['p'],
  workspaceIds: ['w'],
  roles: ['viewer'],
});

/** A clock the test moves by hand. */
const manualClock = () => {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('CredentialCache', () => {
  it('keeps an entry until the credential expires, never past the TTL', () => {
    const clock = manualClock();
    const cache = new CredentialCache({ ttlMs: 10_000, maxEntries: 10, clock });
    cache.remember('soon', principal('a'), Date.now() + 2_000);
    cache.remember('later', principal('b'), Date.now() + 60_000);
    cache.remember('never', principal('c'), null);
    clock.advance(1_900);
    expect(cache.get('soon')?.subject).toBe('a');
    clock.advance(200);
    expect(cache.get('soon')).toBeUndefined();
    expect(cache.get('later')?.subject).toBe('b');
    clock.advance(8_000);
    expect(cache.get('later')).toBeUndefined();
    expect(cache.get('never')).toBeUndefined();
  });

  it('does not keep what has already expired, and keeps nothing when turned off', () => {
    const cache = new CredentialCache({ ttlMs: 10_000, maxEntries: 10 });
    cache.remember('gone', principal('a'), Date.now() - 1);
    expect(cache.get('gone')).toBeUndefined();
    const off = new CredentialCache({ ttlMs: 0, maxEntries: 10 });
    expect(Object.isFrozen(off.remember('x', principal('a'), null))).toBe(true);
    expect(off.get('x')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new CredentialCache({ ttlMs: 10_000, maxEntries: 2 });
    cache.remember('one', principal('1'), null);
    cache.remember('two', principal('2'), null);
    cache.get('one');
    cache.remember('three', principal('3'), null);
    expect(cache.get('two')).toBeUndefined();
    expect(cache.get('one')?.subject).toBe('1');
    expect(cache.get('three')?.subject).toBe('3');
  });

  it('forgets every cached use of one key and nothing else', () => {
    const cache = new CredentialCache({ ttlMs: 10_000, maxEntries: 10 });
    cache.remember('k1-a', principal('k1'), null);
    cache.remember('k1-b', principal('k1'), null);
    cache.remember('k2', principal('k2'), null);
    cache.forgetWhere((p) => p.subject === 'k1');
    expect([cache.get('k1-a'), cache.get('k1-b')]).toEqual([undefined, undefined]);
    expect(cache.get('k2')?.subject).toBe('k2');
  });
});

describe('the JWT verifier with its cache', () => {
  const settings = {
    issuer: 'iss',
    audience: 'aud',
    clockSkewSeconds: 0,
    secret: 'a-secret-of-at-least-thirty-two-characters',
    jwks: undefined,
  };
  const mint = (ttlSeconds: number) =>
    mintDevToken({
      ...settings,
      subject: 'u',
      clientId: 'c',
      projectIds: ['p'],
      workspaceIds: ['w'],
      roles: ['viewer'],
      ttlSeconds,
    });

  it('answers a repeated token from the cache, and refuses it once its exp has passed', async () => {
    const verify = createJwtVerifier(settings, new CredentialCache({ ttlMs: 60_000, maxEntries: 10 }));
    const token = await mint(2);
    const first = await verify(token);
    expect(verify(token)).toBe(first); // the same object, at once: no second signature check
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
    };
    await sleep(exp * 1000 - Date.now() + 50);
    await expect(Promise.resolve().then(() => verify(token))).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
  });

  it('never lets a cached token vouch for a tampered one', async () => {
    const verify = createJwtVerifier(settings, new CredentialCache({ ttlMs: 60_000, maxEntries: 10 }));
    const token = await mint(600);
    await verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    await expect(Promise.resolve().then(() => verify(forged))).rejects.toBeInstanceOf(UserError);
    await expect(Promise.resolve().then(() => verify(`${token}x`))).rejects.toBeInstanceOf(UserError);
  });
});
