import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The OpenAPI 3 document (from the routes' TypeBox schemas) at /docs/json and its UI at /docs. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Dagwright API',
          version: '2.0.0',
          description:
            'Every /api/v2 route needs a credential (Bearer JWT or X-API-Key) and the tenant headers ' +
            'x-client-id, x-project-id and x-workspace-id, which must lie within the credential. See docs/api.md.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
            streamTicket: {
              type: 'apiKey',
              in: 'query',
              name: 'ticket',
              description: 'single-use run event stream ticket (POST /api/v2/runs/{id}/events/ticket)',
            },
          },
        },
        security: [{ bearer: [] }, { apiKey: [] }],
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { deepLinking: false },
      uiHooks: {},
    });
  },
  { name: 'openapi', dependencies: ['security'] },
);
