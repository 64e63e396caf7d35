import type { FastifyInstance, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { type CallContext } from '@dagwright/kit';
import {
  authenticate,
  authorize,
  redeemTicket,
  tenantOf,
  type Authenticators,
} from '../auth/authenticate.ts';
import type { Principal } from '../auth/principal.ts';
import type { RouteRequirement } from '../auth/rbac.ts';
import '../http/types.ts';

/** Routes of pre-v2 clients kept outside /api/ (authenticated and limited like the API). */
export const LEGACY_ROUTES: ReadonlySet<string> = new Set(['/generate']);

/** Whether a route is part of the API, where authentication is never optional. */
export const isApiRoute = (url: string | undefined): boolean =>
  url !== undefined && (url.startsWith('/api/') || LEGACY_ROUTES.has(url));

/** Adds a route-level hook to a route's own hooks, after the ones it declares. */
export function appendHook(
  route: { onRequest?: onRequestHookHandler | onRequestHookHandler[] },
  hook: onRequestHookHandler,
): void {
  const own = route.onRequest;
  route.onRequest = own === undefined ? [hook] : [...(Array.isArray(own) ? own : [own]), hook];
}

function admit(
  request: FastifyRequest,
  principal: Principal,
  permission: RouteRequirement,
  done: HookHandlerDoneFunction,
): void {
  try {
    request.principal = principal;
    request.tenant = tenantOf(request, principal);
    authorize(principal, permission);
  } catch (error) {
    done(error as Error);
    return;
  }
  done();
}

/**
 * The one place that decides who may do what: every /api route authenticates (401), checks the tenant headers
 * against the credential (400/403) and the route's permission (403), in that order, before its body is read.
 * The check is attached to each API route when it is declared (with its permission), so a request pays for no
 * lookups of its route, and a cached credential is admitted without waiting for a promise.
 */
export const authPlugin = fp(
  (app: FastifyInstance, options: { auth: Authenticators; requestTimeoutMs: number }) => {
    const { auth, requestTimeoutMs } = options;
    app.decorateRequest('principal', null);
    app.decorateRequest('tenant', null);
    app.decorateRequest('deadline', 0);
    // Deny by default: an API route that names no permission is a bug caught at start-up, not at run time.
    app.addHook('onRoute', (route) => {
      if (!isApiRoute(route.url)) return;
      const permission = route.config?.permission;
      if (permission === undefined)
        throw new Error(`route ${route.method.toString()} ${route.url} declares no permission`);
      // Routes that take a stream ticket in place of a credential (see StreamTickets).
      const ticketed = route.config?.streamTicket === true;
      appendHook(route, (request, _reply, done) => {
        request.deadline = Date.now() + requestTimeoutMs;
        if (ticketed && (request.query as { ticket?: unknown }).ticket !== undefined) {
          redeemTicket(request as Parameters<typeof redeemTicket>[0], auth.tickets).then((grant) => {
            request.principal = grant.principal;
            request.tenant = grant.tenant;
            try {
              authorize(grant.principal, permission);
            } catch (error) {
              done(error as Error);
              return;
            }
            done();
          }, done);
          return;
        }
        let found: Principal | Promise<Principal>;
        try {
          found = authenticate(request, auth);
        } catch (error) {
          done(error as Error);
          return;
        }
        if (found instanceof Promise)
          found.then(
            (principal) => admit(request, principal, permission, done),
            (error: unknown) => done(error as Error),
          );
        else admit(request, found, permission, done);
      });
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
