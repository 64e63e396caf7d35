import type { Redis } from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { createLogger, createMetrics } from '@dagwright/kit';
import { infra, testRedis, uniqueName } from '@dagwright/testkit';
import { buildApp, type GatewayHttp } from '../../src/app.ts';
import { mintDevToken } from '../../src/auth/dev-tokens.ts';
import { createEngineClient, type EngineClient } from '../../src/engine/engine-client.ts';
import { createGeneratorClient } from '../../src/generator/generator-client.ts';
import type { GatewaySettings } from '../../src/settings.ts';

/** The HS256 secret of test gateways. */
export const TEST_SECRET = 'gateway-test-secret-0123456789abcdef-0123456789';
export const ISSUER = 'dagwright-test';
export const AUDIENCE = 'dagwright-api';

/** Settings of a test gateway: generous rate limits unless a test lowers them. */
export function testSettings(overrides: Partial<GatewaySettings> = {}): GatewaySettings {
  return {
    production: false,
    jwt: { issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 60, secret: TEST_SECRET, jwks: undefined },
    jwtCacheMs: 30_000,
    apiKeyCacheMs: 5_000,
    credentialCacheMax: 10_000,
    rateLimit: { windowMs: 60_000, client: 1_000_000, credential: 1_000_000, aiWeight: 10, executeWeight: 5 },
    accessLog: 'failures',
    corsOrigins: ['https://app.example.com'],
    bodyLimit: 1_048_576,
    jsonMaxDepth: 64,
    requestTimeoutMs: 10_000,
    sseMaxMs: 60_000,
    streamTicketMs: 60_000,
    maxEventLoopDelayMs: 5_000,
    ...overrides,
  };
}

/** A gateway built in-process on its own database and Redis key prefix, talking to a real engine. */
export interface TestGateway {
  http: GatewayHttp;
  mongo: Connection;
  redis: Redis;
  engine: EngineClient;
  close(): Promise<void>;
}

/**
 * Builds a gateway for tests; `redis` replaces the real one (e.g. with an unreachable server), and `dbName`
 * lets replicas share one database. Without `generatorAddress`, generation routes answer 503 (nothing listens).
 */
export async function startGateway(
  engineAddress: string,
  options: {
    settings?: Partial<GatewaySettings>;
    redis?: Redis;
    dbName?: string;
    generatorAddress?: string;
  } = {},
): Promise<TestGateway> {
  const logger = createLogger({ service: 'gateway-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const mongo = await mongoose
    .createConnection(infra().mongoUrl, { dbName: options.dbName ?? uniqueName('gateway') })
    .asPromise();
  const redis = options.redis ?? testRedis('gateway').redis;
  const engine = createEngineClient(engineAddress);
  const generator = createGeneratorClient(options.generatorAddress ?? '127.0.0.1:1');
  const settings = testSettings(options.settings);
  const { http } = await buildApp({
    logger,
    metrics: createMetrics('gateway-test'),
    mongo,
    redis,
    engine,
    generator,
    settings,
  });
  await http.ready();
  return {
    http,
    mongo,
    redis,
    engine,
    close: async () => {
      await http.close();
      engine.close();
      generator.close();
      redis.disconnect();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}

/** What a test token says; defaults give one project and workspace. */
export interface TokenClaims {
  client: string;
  projects?: string[];
  workspaces?: string[];
  roles?: string[];
  sub?: string;
}

/** A valid test token. */
export function token(claims: TokenClaims): Promise<string> {
  return mintDevToken({
    secret: TEST_SECRET,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: claims.sub ?? 'tester',
    clientId: claims.client,
    projectIds: claims.projects ?? ['p1'],
    workspaceIds: claims.workspaces ?? ['w1'],
    roles: claims.roles ?? ['admin'],
    ttlSeconds: 600,
  });
}

/** Headers of an authenticated request to a tenant. */
export function headers(
  credential: { bearer: string } | { apiKey: string },
  tenant: { client: string; project?: string; workspace?: string },
): Record<string, string> {
  return {
    ...('bearer' in credential
      ? { authorization: `Bearer ${credential.bearer}` }
      : { 'x-api-key': credential.apiKey }),
    'x-client-id': tenant.client,
    'x-project-id': tenant.project ?? 'p1',
    'x-workspace-id': tenant.workspace ?? 'w1',
  };
}
