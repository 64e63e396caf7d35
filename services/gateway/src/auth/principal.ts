import type { Tenant } from '@dagwright/kit';

/** `*` in a scope list covers every project (or workspace) of the client. */
export const ANY = '*';

/** Who is calling, established from a verified credential; the only identity the routes see. */
export interface Principal {
  kind: 'jwt' | 'api_key';
  /** The user (`sub`) or the API key's id. */
  subject: string;
  /** The key rate limits count against: the token's subject or the API key's id. */
  credentialId: string;
  clientId: string;
  projectIds: string[];
  workspaceIds: string[];
  roles: string[];
}

/** Tenant and identity fields: letters, digits, `_ . : @ -`, up to 128 characters (as in kit's metadata). */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** Whether the principal's scope covers the tenant (one client, listed or all projects and workspaces). */
export function covers(principal: Principal, tenant: Tenant): boolean {
  const inList = (list: string[], value: string) => list.includes(ANY) || list.includes(value);
  return (
    principal.clientId === tenant.clientId &&
    inList(principal.projectIds, tenant.projectId) &&
    inList(principal.workspaceIds, tenant.workspaceId)
  );
}
