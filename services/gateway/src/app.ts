import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import {
  NotFoundError,
  pingMongo,
  pingRedis,
  publicView,
  toAppError,
  type Logger,
  type ReadinessCheck,
} from '@dagwright/kit';

/** What the gateway app needs from the outside world. */
export interface GatewayDeps {
  logger: Logger;
  mongo: Connection;
  redis: Redis;
  bodyLimit: number;
}

/** The HTTP app and the checks that say whether it can serve. */
export interface GatewayApp {
  http: FastifyInstance<Server, IncomingMessage, ServerResponse, Logger>;
  checks: ReadinessCheck[];
}

/**
 * Builds the gateway. Its routes (auth, RBAC, rate limits, the v2 API) come with the gateway issue; until
 * then every path answers a structured 404, and errors of any kind keep their internals to themselves.
 */
export function buildApp(deps: GatewayDeps): GatewayApp {
  const http = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: deps.bodyLimit,
    requestIdHeader: 'x-request-id',
    disableRequestLogging: false,
  });

  http.setNotFoundHandler((request) => {
    throw new NotFoundError('route', `${request.method} ${request.url.split('?')[0] ?? ''}`);
  });

  http.setErrorHandler((thrown, request, reply) => {
    const error = toAppError(thrown);
    if (error.mapping.blame === 'bug') request.log.error({ err: thrown }, 'request failed');
    return reply.status(error.mapping.http).send({ error: { ...publicView(error), requestId: request.id } });
  });

  return {
    http,
    checks: [
      { name: 'mongo', check: () => pingMongo(deps.mongo) },
      { name: 'redis', check: () => pingRedis(deps.redis) },
    ],
  };
}
