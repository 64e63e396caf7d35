import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { sendError } from './errors.plugin.ts';

/** Options of the security plugin. */
export interface SecurityOptions {
  corsOrigins: string[];
  maxEventLoopDelayMs: number;
}

/**
 * The headers helmet sets for these options. They do not depend on the request, so they are worked out once:
 * running helmet's middleware per request (as @fastify/helmet does) rebuilt them, CSP parsing included, every time.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error as Error;
  });
  return headers;
}

/** Security headers, CORS for the configured origins only, and load shedding (503) under pressure. */
export const securityPlugin = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    const headers = securityHeaders({
      // The API serves JSON only; /docs relaxes this for its own page (swagger-ui's static CSP).
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'same-site' },
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
    await app.register(cors, {
      origin: options.corsOrigins.length === 0 ? false : options.corsOrigins,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'x-api-key',
        'x-client-id',
        'x-project-id',
        'x-workspace-id',
        'x-request-id',
        'last-event-id',
      ],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'ratelimit-policy',
      ],
      maxAge: 600,
    });
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      // Only event-loop delay: utilisation near 1 is normal under a burst and says nothing about latency.
      retryAfter: 5,
      pressureHandler: (request, reply) => {
        reply.header('retry-after', '5');
        void sendError(reply, request, 503, {
          code: 'OVERLOADED',
          message: 'the gateway is overloaded; retry later',
          details: [],
        });
      },
    });
  },
  { name: 'security', dependencies: ['errors'] },
);
