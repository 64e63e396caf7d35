import type { Tenant } from '@dagwright/kit';

/** The tenant fields every document carries and every query filters on (in index order). */
export function byTenant(tenant: Tenant): { clientId: string; projectId: string; workspaceId: string } {
  return { clientId: tenant.clientId, projectId: tenant.projectId, workspaceId: tenant.workspaceId };
}

/** Whether a Mongo error is a unique-index violation. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
