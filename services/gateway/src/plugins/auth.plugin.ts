import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CallContext } from '@dagwright/kit';
import { authenticate, authorize, tenantOf, type Authenticators } from '../auth/authenticate.ts';
import '../http/types.ts';

/** Whether a route is part of the API, where authentication is never optional. */
export const isApiRoute = (url: string | undefined): boolean => url?.startsWith('/api/') === true;

/**
 * The one place that decides who may do what: every /api route authenticates (401), checks the tenant headers
 * against the credential (400/403) and the route's permission (403), in that order, before its body is read.
 */
export const authPlugin = fp(
  (app: FastifyInstance, options: { auth: Authenticators; requestTimeoutMs: number }) => {
    app.decorateRequest('principal', null);
    app.decorateRequest('tenant', null);
    app.decorateRequest('deadline', 0);
    // Deny by default: an API route that names no permission is a bug caught at start-up, not at run time.
    app.addHook('onRoute', (route) => {
      if (isApiRoute(route.url) && route.config?.permission === undefined)
        throw new Error(`route ${route.method.toString()} ${route.url} declares no permission`);
    });
    app.addHook('onRequest', async (request) => {
      request.deadline = Date.now() + options.requestTimeoutMs;
      const permission = request.routeOptions.config.permission;
      if (!isApiRoute(request.routeOptions.url) || permission === undefined) return;
      const principal = await authenticate(request, options.auth);
      request.principal = principal;
      request.tenant = tenantOf(request, principal);
      authorize(principal, permission);
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);

/** The gRPC call context of an authorised request: its tenant, identity, roles, request id and deadline. */
export function callContext(request: {
  principal: { subject: string; roles: string[] } | null;
  tenant: CallContext['tenant'] | null;
  id: string;
  deadline: number;
}): CallContext {
  if (request.principal === null || request.tenant === null) throw new Error('callContext before auth');
  return {
    tenant: request.tenant,
    userId: request.principal.subject,
    roles: request.principal.roles,
    requestId: request.id,
    deadline: new Date(request.deadline),
  };
}
