import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { pingMongo, pingRedis, type Logger, type Metrics, type ReadinessCheck } from '@dagwright/kit';
import { AuditRepository } from './audit/audit.repository.ts';
import { ApiKeyRepository } from './auth/api-key.repository.ts';
import { ApiKeyService } from './auth/api-key.service.ts';
import { ApiKeyVerifier } from './auth/api-keys.ts';
import { CredentialCache } from './auth/credential-cache.ts';
import { createJwtVerifier } from './auth/jwt.ts';
import { listenForRevocations } from './auth/revocations.ts';
import { StreamTickets } from './auth/stream-tickets.ts';
import type { EngineClient } from './engine/engine-client.ts';
import type { GeneratorClient } from './generator/generator-client.ts';
import { AccessLog, accessLogger } from './http/access-log.ts';
import { lazyRequestLogger } from './http/request-logger.ts';
import { validatorCompiler } from './http/validation.ts';
import { auditPlugin } from './plugins/audit.plugin.ts';
import { authPlugin } from './plugins/auth.plugin.ts';
import { errorsPlugin } from './plugins/errors.plugin.ts';
import { jsonBodyPlugin } from './plugins/json-body.plugin.ts';
import { metricsPlugin } from './plugins/metrics.plugin.ts';
import { openApiPlugin } from './plugins/openapi.plugin.ts';
import { rateLimitPlugin } from './plugins/rate-limit.plugin.ts';
import { securityPlugin } from './plugins/security.plugin.ts';
import { RateLimiter } from './rate-limit/rate-limiter.ts';
import { ownConnection } from './redis-connection.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { agentRoutes } from './routes/agents.routes.ts';
import { generationRoutes, legacyGenerationRoutes } from './routes/generation.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { runEventRoutes } from './routes/run-events.routes.ts';
import { runRoutes } from './routes/runs.routes.ts';
import { templateRoutes } from './routes/templates.routes.ts';
import { workflowRoutes } from './routes/workflows.routes.ts';
import type { GatewaySettings } from './settings.ts';

/** What the gateway app needs from the outside world. */
export interface GatewayDeps {
  logger: Logger;
  metrics: Metrics;
  mongo: Connection;
  redis: Redis;
  engine: EngineClient;
  generator: GeneratorClient;
  settings: GatewaySettings;
}

/** The app as a plugin: infrastructure plugins, then app plugins (auth, limits, audit), then the routes. */
export const gatewayApp = fp(
  async (app: FastifyInstance, deps: GatewayDeps) => {
    const { settings, engine, generator } = deps;
    const db = deps.mongo.db as Db;
    const apiKeys = new ApiKeyRepository(db);
    const audit = new AuditRepository(db);
    await apiKeys.ensureIndexes();
    await audit.ensureIndexes();
    const maxEntries = settings.credentialCacheMax;
    const verifier = new ApiKeyVerifier(
      apiKeys,
      new CredentialCache({ ttlMs: settings.apiKeyCacheMs, maxEntries }),
    );
    const revocations = await listenForRevocations(deps.redis, verifier, deps.logger);
    app.addHook('onClose', (_instance, done) => {
      revocations.close();
      done();
    });

    // 1. Infrastructure.
    await app.register(errorsPlugin);
    await app.register(securityPlugin, settings);
    await app.register(jsonBodyPlugin, { maxDepth: settings.jsonMaxDepth });
    await app.register(metricsPlugin, { metrics: deps.metrics });
    await app.register(openApiPlugin);
    // 2. Who may do what, how often, and the record of it.
    const jwtCache = new CredentialCache({ ttlMs: settings.jwtCacheMs, maxEntries });
    const tickets = new StreamTickets(deps.redis, settings.streamTicketMs);
    const auth = { jwt: createJwtVerifier(settings.jwt, jwtCache), apiKeys: verifier, tickets };
    await app.register(authPlugin, { auth, requestTimeoutMs: settings.requestTimeoutMs });
    // The limiter's own connection, auto-pipelined: the scripts of requests that arrive together leave in one write.
    const limiterRedis = await ownConnection(deps.redis, deps.logger, 'rate limits', {
      enableAutoPipelining: true,
    });
    app.addHook('onClose', (_instance, done) => {
      limiterRedis.disconnect();
      done();
    });
    const limiter = new RateLimiter(limiterRedis, settings.rateLimit.windowMs);
    await app.register(rateLimitPlugin, { limiter, limits: settings.rateLimit });
    await app.register(auditPlugin, { audit });
    // 3. Routes.
    await app.register(healthRoutes);
    const aiWeight = settings.rateLimit.aiWeight;
    await app.register(legacyGenerationRoutes, { generator, aiWeight });
    await app.register(
      async (api) => {
        await api.register(workflowRoutes, { engine, executeWeight: settings.rateLimit.executeWeight });
        await api.register(generationRoutes, { generator, aiWeight });
        await api.register(templateRoutes, { generator });
        await api.register(agentRoutes, { engine });
        await api.register(runRoutes, { engine });
        await api.register(runEventRoutes, { engine, tickets, sseMaxMs: settings.sseMaxMs });
        await api.register(adminRoutes, { keys: new ApiKeyService(apiKeys, revocations), audit });
      },
      { prefix: '/api/v2' },
    );
  },
  { name: 'gateway' },
);

const REQUEST_ID = /^[A-Za-z0-9_.:-]{8,128}$/;

/** A caller's well-formed x-request-id is kept (to follow a call across systems); anything else is replaced. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds the gateway: the HTTP app (not yet listening) and the checks behind /readyz. */
export async function buildApp(deps: GatewayDeps) {
  const http = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: deps.settings.bodyLimit,
    logController: new AccessLog(accessLogger(deps.logger), deps.settings.accessLog),
    childLoggerFactory: lazyRequestLogger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: 30_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  http.setValidatorCompiler(validatorCompiler());
  http.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  await http.register(gatewayApp, deps);
  const checks: ReadinessCheck[] = [
    { name: 'mongo', check: () => pingMongo(deps.mongo) },
    { name: 'redis', check: () => pingRedis(deps.redis) },
  ];
  return { http, checks };
}

/** The gateway's HTTP app. */
export type GatewayHttp = Awaited<ReturnType<typeof buildApp>>['http'];
