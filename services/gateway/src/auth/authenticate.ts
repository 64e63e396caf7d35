import type { FastifyRequest } from 'fastify';
import { UserError, type Tenant } from '@dagwright/kit';
import type { ApiKeyVerifier } from './api-keys.ts';
import { invalidToken, MAX_TOKEN_LENGTH, type JwtVerifier } from './jwt.ts';
import { covers, ID_PATTERN, type Principal } from './principal.ts';
import { allows, type RouteRequirement } from './rbac.ts';
import type { StreamGrant, StreamTickets } from './stream-tickets.ts';

/** The credential checkers the gateway accepts. */
export interface Authenticators {
  jwt: JwtVerifier;
  apiKeys: ApiKeyVerifier;
  tickets: StreamTickets;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const BEARER = /^Bearer ([^\s]+)$/i;

/** Step 1: who is calling (401 when nobody, or when the credential is not valid); at once for a cached credential. */
export function authenticate(request: FastifyRequest, auth: Authenticators): Principal | Promise<Principal> {
  const authorization = header(request, 'authorization');
  const apiKey = header(request, 'x-api-key');
  if (authorization !== undefined && apiKey !== undefined) throw invalidToken('two credentials');
  if (apiKey !== undefined) {
    if (apiKey.length > MAX_TOKEN_LENGTH) throw invalidToken('api key too long');
    return auth.apiKeys.verify(apiKey);
  }
  if (authorization === undefined) {
    throw new UserError('unauthenticated', 'AUTHENTICATION_REQUIRED', 'send a Bearer token or an X-API-Key');
  }
  const match = BEARER.exec(authorization);
  if (match?.[1] === undefined) throw invalidToken('not a bearer credential');
  const credential = match[1];
  return credential.startsWith('dwk.') ? auth.apiKeys.verify(credential) : auth.jwt(credential);
}

const valid = (value: string | undefined): value is string => value !== undefined && ID_PATTERN.test(value);

/** Step 2: which tenant the request is for (400 without valid headers), and that the credential covers it (403). */
export function tenantOf(request: FastifyRequest, principal: Principal): Tenant {
  const clientId = header(request, 'x-client-id');
  const projectId = header(request, 'x-project-id');
  const workspaceId = header(request, 'x-workspace-id');
  if (!valid(clientId) || !valid(projectId) || !valid(workspaceId)) {
    const fields = { clientId, projectId, workspaceId };
    const bad = Object.entries(fields).filter(([, v]) => !valid(v));
    throw new UserError(
      'invalid_argument',
      'TENANT_HEADERS_REQUIRED',
      'the tenant headers are missing or malformed',
      {
        details: bad.map(([k]) => ({
          code: 'TENANT_HEADER',
          path: `headers.${k}`,
          message: 'required, 1-128 of A-Z a-z 0-9 _ . : @ -',
        })),
      },
    );
  }
  const tenant: Tenant = { clientId, projectId, workspaceId };
  if (!covers(principal, tenant)) {
    throw new UserError('permission_denied', 'TENANT_FORBIDDEN', 'the credential does not cover this tenant');
  }
  return tenant;
}

/** Step 3: whether the credential's roles allow the route (403). */
export function authorize(principal: Principal, requirement: RouteRequirement): void {
  if (!allows(principal.roles, requirement)) {
    throw new UserError('permission_denied', 'PERMISSION_DENIED', `this needs the permission ${requirement}`);
  }
}

/**
 * Steps 1 and 2 for a stream ticket (`?ticket=`): the ticket replaces both the credential and the tenant
 * headers, which a browser's EventSource cannot send. It must not come with another credential, and tenant
 * headers, when sent anyway, must name the ticket's tenant.
 */
export async function redeemTicket(
  request: FastifyRequest<{ Params: { id?: string }; Querystring: { ticket?: unknown } }>,
  tickets: StreamTickets,
): Promise<StreamGrant> {
  if (header(request, 'authorization') !== undefined || header(request, 'x-api-key') !== undefined)
    throw invalidToken('a ticket and another credential');
  const grant = await tickets.redeem(request.query.ticket, request.params.id ?? '');
  const named = [
    header(request, 'x-client-id'),
    header(request, 'x-project-id'),
    header(request, 'x-workspace-id'),
  ];
  const { clientId, projectId, workspaceId } = grant.tenant;
  if (
    named.some((h) => h !== undefined) &&
    (named[0] !== clientId || named[1] !== projectId || named[2] !== workspaceId)
  )
    throw new UserError('permission_denied', 'TENANT_FORBIDDEN', 'the ticket does not cover this tenant');
  return grant;
}
