import { randomUUID } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { UserError } from '../errors.ts';

/** The tenant every document, query and event is scoped to. */
export interface Tenant {
  clientId: string;
  projectId: string;
  workspaceId: string;
}

/** Who is calling, for which tenant, under which deadline; set by the gateway, passed along by every service. */
export interface CallContext {
  tenant: Tenant;
  userId: string | undefined;
  roles: string[];
  requestId: string;
  /** When the whole call chain must be done; undefined means the caller set no deadline. */
  deadline: Date | undefined;
}

/** Metadata keys of §2 of the architecture. */
export const MetadataKeys = {
  clientId: 'x-client-id',
  projectId: 'x-project-id',
  workspaceId: 'x-workspace-id',
  userId: 'x-user-id',
  roles: 'x-roles',
  requestId: 'x-request-id',
} as const;

/** Tenant and identity fields accept letters, digits, `_`, `-`, `.`, `:` and `@`, up to 128 characters. */
const ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

function single(metadata: Metadata, key: string): string | undefined {
  const values = metadata.get(key);
  const value = values[0];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Reads the call context from incoming metadata; a missing or malformed tenant is refused as UNAUTHENTICATED. */
export function contextFromMetadata(metadata: Metadata, deadline: Date | undefined): CallContext {
  const tenant = {
    clientId: single(metadata, MetadataKeys.clientId),
    projectId: single(metadata, MetadataKeys.projectId),
    workspaceId: single(metadata, MetadataKeys.workspaceId),
  };
  const problems = Object.entries(tenant)
    .filter(([, v]) => v === undefined || !ID_PATTERN.test(v))
    .map(([k]) => ({
      code: 'TENANT_MISSING',
      path: `metadata.${k}`,
      message: `${k} is missing or malformed`,
    }));
  if (problems.length > 0) {
    throw new UserError('unauthenticated', 'TENANT_REQUIRED', 'the call carries no valid tenant', {
      details: problems,
    });
  }
  const userId = single(metadata, MetadataKeys.userId);
  const roles = (single(metadata, MetadataKeys.roles) ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  return {
    tenant: tenant as Tenant,
    userId,
    roles,
    requestId: single(metadata, MetadataKeys.requestId) ?? randomUUID(),
    deadline,
  };
}

/** Writes the call context into outgoing metadata for the next hop. */
export function metadataFromContext(ctx: CallContext): Metadata {
  const metadata = new Metadata();
  metadata.set(MetadataKeys.clientId, ctx.tenant.clientId);
  metadata.set(MetadataKeys.projectId, ctx.tenant.projectId);
  metadata.set(MetadataKeys.workspaceId, ctx.tenant.workspaceId);
  if (ctx.userId !== undefined) metadata.set(MetadataKeys.userId, ctx.userId);
  if (ctx.roles.length > 0) metadata.set(MetadataKeys.roles, ctx.roles.join(','));
  metadata.set(MetadataKeys.requestId, ctx.requestId);
  return metadata;
}

/** Reads grpc-js's deadline (a Date or a number of ms since the epoch) as a Date, if the caller set one. */
export function deadlineOf(value: Date | number): Date | undefined {
  const ms = value instanceof Date ? value.getTime() : value;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
