import type { FastifyRequest } from 'fastify';
import { UserError, type Tenant } from '@dagwright/kit';
import type { ApiKeyVerifier } from './api-keys.ts';
import { invalidToken, MAX_TOKEN_LENGTH, type JwtVerifier } from './jwt.ts';
import { covers, ID_PATTERN, type Principal } from './principal.ts';
import { allows, type RouteRequirement } from './rbac.ts';

/** The credential checkers the gateway accepts. */
export interface Authenticators {
  jwt: JwtVerifier;
  apiKeys: ApiKeyVerifier;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Step 1: who is calling (401 when nobody, or when the credential is not valid). */
export async function authenticate(request: FastifyRequest, auth: Authenticators): Promise<Principal> {
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
  const match = /^Bearer ([^\s]+)$/i.exec(authorization);
  if (match?.[1] === undefined) throw invalidToken('not a bearer credential');
  const credential = match[1];
  return credential.startsWith('dwk.') ? auth.apiKeys.verify(credential) : auth.jwt(credential);
}

/** Step 2: which tenant the request is for (400 without valid headers), and that the credential covers it (403). */
export function tenantOf(request: FastifyRequest, principal: Principal): Tenant {
  const fields = {
    clientId: header(request, 'x-client-id'),
    projectId: header(request, 'x-project-id'),
    workspaceId: header(request, 'x-workspace-id'),
  };
  const bad = Object.entries(fields).filter(([, v]) => v === undefined || !ID_PATTERN.test(v));
  if (bad.length > 0) {
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
  const tenant = fields as Tenant;
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
