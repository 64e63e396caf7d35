import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { observeRequest, type Metrics } from '@dagwright/kit';

/** RED metrics of every route, labelled by route pattern (never by raw URL, which would explode labels). */
export const metricsPlugin = fp(
  (app: FastifyInstance, options: { metrics: Metrics }) => {
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const startedAt = process.hrtime.bigint() - BigInt(Math.round(reply.elapsedTime * 1e6));
      observeRequest(
        options.metrics,
        { transport: 'http', method: `${request.method} ${route}`, code: String(reply.statusCode) },
        startedAt,
      );
      done();
    });
  },
  { name: 'metrics' },
);
