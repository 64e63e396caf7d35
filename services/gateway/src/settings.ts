import type { JwtSettings } from './auth/jwt.ts';
import type { AccessLogMode } from './http/access-log.ts';
import { DEV_JWT_SECRET, isProduction, type GatewayConfig } from './config.ts';

/** Everything the app's behaviour depends on, derived once from the configuration (tests build it directly). */
export interface GatewaySettings {
  production: boolean;
  jwt: JwtSettings;
  /** Credential caches: how long a verified JWT / API key is trusted, and how many of each are kept. */
  jwtCacheMs: number;
  apiKeyCacheMs: number;
  credentialCacheMax: number;
  rateLimit: {
    windowMs: number;
    client: number;
    credential: number;
    aiWeight: number;
    executeWeight: number;
  };
  accessLog: AccessLogMode;
  corsOrigins: string[];
  bodyLimit: number;
  jsonMaxDepth: number;
  requestTimeoutMs: number;
  sseMaxMs: number;
  streamTicketMs: number;
  maxEventLoopDelayMs: number;
}

/** The app settings of a parsed configuration; the dev secret applies only outside production. */
export function settingsFromConfig(config: GatewayConfig): GatewaySettings {
  const production = isProduction(config);
  const secret = config.JWT_SECRET ?? (production ? undefined : DEV_JWT_SECRET);
  return {
    production,
    jwt: {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockSkewSeconds: config.JWT_CLOCK_SKEW_S,
      secret: production ? undefined : secret,
      jwks:
        config.JWT_JWKS_URL === undefined
          ? undefined
          : { url: config.JWT_JWKS_URL, algorithms: config.JWT_ALGORITHMS },
    },
    jwtCacheMs: config.JWT_CACHE_MS,
    apiKeyCacheMs: config.API_KEY_CACHE_MS,
    credentialCacheMax: config.CREDENTIAL_CACHE_MAX,
    rateLimit: {
      windowMs: config.RATE_LIMIT_WINDOW_MS,
      client: config.RATE_LIMIT_CLIENT,
      credential: config.RATE_LIMIT_CREDENTIAL,
      aiWeight: config.RATE_LIMIT_AI_WEIGHT,
      executeWeight: config.RATE_LIMIT_EXECUTE_WEIGHT,
    },
    accessLog: config.ACCESS_LOG,
    corsOrigins: config.CORS_ORIGINS,
    bodyLimit: config.BODY_LIMIT_BYTES,
    jsonMaxDepth: config.JSON_MAX_DEPTH,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    sseMaxMs: config.SSE_MAX_MS,
    streamTicketMs: config.STREAM_TICKET_MS,
    maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
  };
}
