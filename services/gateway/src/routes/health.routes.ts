import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/** Liveness on the public port for load balancers; readiness and metrics stay on the admin port. */
export const healthRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get('/healthz', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'The process is alive',
      response: { 200: Type.Object({ status: Type.String() }) },
    },
    handler: () => ({ status: 'ok' }),
  });
  done();
};
