import { describe, expect, it } from 'vitest';
import { parseConfig } from '@dagwright/kit';
import { configProblems, configShape, DEV_JWT_SECRET, type GatewayConfig } from './config.ts';
import { settingsFromConfig } from './settings.ts';

const parse = (env: Record<string, string>): GatewayConfig => {
  const result = parseConfig(configShape, env);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};

describe('gateway configuration', () => {
  it('uses the development secret only outside production', () => {
    expect(configProblems(parse({}))).toEqual([]);
    expect(settingsFromConfig(parse({})).jwt.secret).toBe(DEV_JWT_SECRET);
  });

  it('refuses to start in production with the dev secret, any shared secret, or no JWKS', () => {
    expect(configProblems(parse({ DAGWRIGHT_ENV: 'production' }))).toContain(
      'JWT_JWKS_URL: required in production (asymmetric keys only)',
    );
    const withSecret = configProblems(
      parse({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, JWT_JWKS_URL: 'https://idp/jwks' }),
    );
    expect(withSecret).toContain('JWT_SECRET: the development secret is refused in production');
    const ok = parse({ DAGWRIGHT_ENV: 'production', JWT_JWKS_URL: 'https://idp/jwks' });
    expect(configProblems(ok)).toEqual([]);
    expect(settingsFromConfig(ok).jwt.secret).toBeUndefined();
  });

  it('caps clock skew at 60 s and pins asymmetric algorithms', () => {
    expect(configProblems(parse({ JWT_CLOCK_SKEW_S: '120', JWT_ALGORITHMS: 'RS256,none' }))).toEqual([
      'JWT_CLOCK_SKEW_S: must be at most 60',
      'JWT_ALGORITHMS: none is not one of RS256, ES256',
    ]);
  });
});
