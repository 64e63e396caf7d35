import { SignJWT } from 'jose';

/** What a development token says: who, which tenant scope, which roles, for how long. */
export interface DevTokenRequest {
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  clientId: string;
  projectIds: string[];
  workspaceIds: string[];
  roles: string[];
  ttlSeconds: number;
}

/** Signs an HS256 token in the shape the gateway accepts; for development and tests only. */
export async function mintDevToken(request: DevTokenRequest): Promise<string> {
  return new SignJWT({
    tenant: {
      clientId: request.clientId,
      projectIds: request.projectIds,
      workspaceIds: request.workspaceIds,
    },
    roles: request.roles,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds}s`)
    .sign(new TextEncoder().encode(request.secret));
}
