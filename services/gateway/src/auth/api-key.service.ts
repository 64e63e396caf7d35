import { UserError, ValidationError, type Tenant } from '@dagwright/kit';
import { timeOrderedId } from '../ids.ts';
import type { CreateApiKeyBodyT, ApiKeyT } from '../schemas/admin.schemas.ts';
import type { ApiKeyDoc, ApiKeyRepository } from './api-key.repository.ts';
import { hashKey, newKey } from './api-keys.ts';
import { ANY, type Principal } from './principal.ts';
import { permissionsOf } from './rbac.ts';
import type { Revocations } from './revocations.ts';

/** The admin view of a stored key. */
export function toApiKey(doc: ApiKeyDoc): ApiKeyT {
  return {
    id: doc.keyId,
    name: doc.name,
    clientId: doc.clientId,
    projectIds: doc.projectIds,
    workspaceIds: doc.workspaceIds,
    roles: doc.roles,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt?.toISOString() ?? null,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
  };
}

const within = (wanted: string[], held: string[]) =>
  held.includes(ANY) || (!wanted.includes(ANY) && wanted.every((w) => held.includes(w)));

/** Creating, listing and revoking keys; a key never grants more than its creator holds. */
export class ApiKeyService {
  private readonly repository: ApiKeyRepository;
  private readonly revocations: Pick<Revocations, 'revoked'>;

  constructor(repository: ApiKeyRepository, revocations: Pick<Revocations, 'revoked'>) {
    this.repository = repository;
    this.revocations = revocations;
  }

  /** Creates a key in the caller's client and returns it with the secret, which is not stored. */
  async create(
    creator: Principal,
    tenant: Tenant,
    body: CreateApiKeyBodyT,
  ): Promise<{ apiKey: ApiKeyT; key: string }> {
    const projectIds = body.projectIds ?? [tenant.projectId];
    const workspaceIds = body.workspaceIds ?? [tenant.workspaceId];
    if (!within(projectIds, creator.projectIds) || !within(workspaceIds, creator.workspaceIds))
      throw new UserError('permission_denied', 'SCOPE_EXCEEDED', 'a key cannot cover more than its creator');
    const held = permissionsOf(creator.roles);
    if ([...permissionsOf(body.roles)].some((p) => !held.has(p)))
      throw new UserError('permission_denied', 'ROLE_EXCEEDED', 'a key cannot hold more than its creator');
    const expiresAt = body.expiresAt === undefined ? null : new Date(body.expiresAt);
    if (expiresAt !== null && expiresAt.getTime() <= Date.now())
      throw new ValidationError('expiresAt must be in the future', [
        { code: 'IN_THE_PAST', path: 'body.expiresAt', message: 'must be in the future' },
      ]);
    const keyId = timeOrderedId('key');
    const key = newKey(creator.clientId, keyId);
    const doc: ApiKeyDoc = {
      ...tenant,
      clientId: creator.clientId,
      keyId,
      name: body.name,
      hash: hashKey(key),
      projectIds,
      workspaceIds,
      roles: body.roles,
      createdBy: creator.subject,
      createdAt: new Date(),
      expiresAt,
      revokedAt: null,
      revokedBy: null,
    };
    await this.repository.insert(doc);
    return { apiKey: toApiKey(doc), key };
  }

  /** One page of the client's keys. */
  async list(clientId: string, page: { size: number; after: string | undefined }): Promise<ApiKeyDoc[]> {
    return this.repository.list(clientId, page);
  }

  /** Revokes a key of the client; this replica stops accepting it at once, the others when they hear of it. */
  async revoke(clientId: string, keyId: string, by: string): Promise<ApiKeyT> {
    const doc = await this.repository.revoke(clientId, keyId, by);
    await this.revocations.revoked(keyId);
    return toApiKey(doc);
  }
}
