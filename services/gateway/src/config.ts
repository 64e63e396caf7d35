import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** The HS256 secret development tokens are signed with; production refuses to start with it. */
export const DEV_JWT_SECRET = 'dagwright-development-secret-do-not-use-in-production';

/** Environment of the gateway: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('gateway', 9080),
  HTTP_PORT: env.port(8080, 'port of the public REST API'),
  ...mongoConfig('gateway'),
  REDIS_URL: env.url('redis://127.0.0.1:16379', ['redis', 'rediss'], 'Redis for rate limits'),
  ENGINE_URL: env.string('127.0.0.1:50051', 'gRPC address of the workflow-engine (dns:/// for many pods)'),
  GENERATOR_URL: env.string('127.0.0.1:50052', 'gRPC address of the generator (dns:/// for many pods)'),
  DAGWRIGHT_ENV: env.oneOf(['development', 'production'], 'development', 'production forbids dev secrets'),
  NODE_ENV: env.string('development', '`production` counts as DAGWRIGHT_ENV=production'),
  JWT_ISSUER: env.string('dagwright-dev', 'the only accepted `iss` of tokens'),
  JWT_AUDIENCE: env.string('dagwright-api', 'the only accepted `aud` of tokens'),
  JWT_SECRET: env.optional(
    'HS256 secret (development); the built-in dev secret when unset outside production',
  ),
  JWT_JWKS_URL: env.optional('JWKS URL of the identity provider (RS256/ES256); required in production'),
  JWT_ALGORITHMS: env.list('RS256,ES256', 'algorithms accepted from the JWKS; HS256 only with JWT_SECRET'),
  JWT_CLOCK_SKEW_S: env.int(30, 'tolerated clock skew for exp and nbf, at most 60 seconds'),
  JWT_CACHE_MS: env.int(
    30_000,
    'longest a replica trusts a verified JWT without checking it again (0 = never)',
  ),
  API_KEY_CACHE_MS: env.int(
    5_000,
    'longest a replica trusts a verified API key; bounds revocation delay when a replica misses the notice',
  ),
  CREDENTIAL_CACHE_MAX: env.int(
    10_000,
    'most verified JWTs and API keys each cache holds (least recently used go)',
  ),
  RATE_LIMIT_WINDOW_MS: env.int(60_000, 'length of the sliding rate-limit window'),
  RATE_LIMIT_CLIENT: env.int(1_200, 'request weight one client may spend per window (all credentials)'),
  RATE_LIMIT_CREDENTIAL: env.int(600, 'request weight one credential may spend per window'),
  RATE_LIMIT_AI_WEIGHT: env.int(10, 'weight of an AI route (a plain route weighs 1)'),
  RATE_LIMIT_EXECUTE_WEIGHT: env.int(5, 'weight of starting a run'),
  ACCESS_LOG: env.oneOf(
    ['all', 'failures', 'off'],
    'failures',
    'access lines: every request, only those answered 4xx/5xx, or none (RED metrics and traces cover all)',
  ),
  CORS_ORIGINS: env.list('', 'origins allowed to call from browsers, comma-separated; empty = none'),
  BODY_LIMIT_BYTES: env.int(1_048_576, 'largest accepted request body'),
  JSON_MAX_DEPTH: env.int(64, 'deepest accepted nesting of a JSON body'),
  REQUEST_TIMEOUT_MS: env.int(10_000, 'deadline of a request, passed on to the services it calls'),
  SSE_MAX_MS: env.int(1_800_000, 'longest a run event stream stays open; clients resume with Last-Event-ID'),
  STREAM_TICKET_MS: env.int(
    60_000,
    'how long a single-use run event stream ticket (for EventSource) is valid',
  ),
  MAX_EVENT_LOOP_DELAY_MS: env.int(1_000, 'shed load (503) while the event loop lags more than this'),
};

/** The parsed configuration of the gateway. */
export type GatewayConfig = ConfigOf<typeof configShape>;

/** Rules across keys that a per-key schema cannot express; every problem at once. */
export function configProblems(config: GatewayConfig): string[] {
  const problems: string[] = [];
  const production = isProduction(config);
  if (config.JWT_CLOCK_SKEW_S > 60) problems.push('JWT_CLOCK_SKEW_S: must be at most 60');
  if (production && config.JWT_JWKS_URL === undefined)
    problems.push('JWT_JWKS_URL: required in production (asymmetric keys only)');
  if (production && config.JWT_SECRET !== undefined)
    problems.push('JWT_SECRET: shared secrets are refused in production');
  if (config.JWT_SECRET === DEV_JWT_SECRET && production)
    problems.push('JWT_SECRET: the development secret is refused in production');
  if (config.JWT_SECRET !== undefined && config.JWT_SECRET.length < 32)
    problems.push('JWT_SECRET: use at least 32 characters');
  const allowed = new Set(['RS256', 'ES256']);
  for (const alg of config.JWT_ALGORITHMS)
    if (!allowed.has(alg)) problems.push(`JWT_ALGORITHMS: ${alg} is not one of RS256, ES256`);
  if (config.RATE_LIMIT_WINDOW_MS < 1000) problems.push('RATE_LIMIT_WINDOW_MS: at least 1000');
  if (config.JWT_CACHE_MS > 300_000) problems.push('JWT_CACHE_MS: at most 300000 (5 minutes)');
  if (config.API_KEY_CACHE_MS > 60_000) problems.push('API_KEY_CACHE_MS: at most 60000 (1 minute)');
  if (config.CREDENTIAL_CACHE_MAX < 1) problems.push('CREDENTIAL_CACHE_MAX: at least 1');
  if (config.STREAM_TICKET_MS < 1000 || config.STREAM_TICKET_MS > 300_000)
    problems.push('STREAM_TICKET_MS: between 1000 and 300000');
  return problems;
}

/** Whether this process runs in production mode (no dev secret, no token minting). */
export function isProduction(config: Pick<GatewayConfig, 'DAGWRIGHT_ENV' | 'NODE_ENV'>): boolean {
  return config.DAGWRIGHT_ENV === 'production' || config.NODE_ENV === 'production';
}
