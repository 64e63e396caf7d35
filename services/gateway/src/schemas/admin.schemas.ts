import { Type, type Static } from 'typebox';
import { Timestamp } from './common.ts';

const Scope = Type.Array(Type.String({ pattern: '^(\\*|[A-Za-z0-9_.:@-]{1,128})$' }), {
  minItems: 1,
  maxItems: 100,
});
const RoleName = Type.Union([
  Type.Literal('viewer'),
  Type.Literal('developer'),
  Type.Literal('operator'),
  Type.Literal('admin'),
]);

/** An API key as admins see it: never the key, which is shown once at creation. */
export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  clientId: Type.String(),
  projectIds: Type.Array(Type.String()),
  workspaceIds: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp,
});

/** Body of POST /api-keys; scope defaults to the tenant of the request's headers. */
export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleName, { minItems: 1, maxItems: 4, uniqueItems: true }),
    projectIds: Type.Optional(Scope),
    workspaceIds: Type.Optional(Scope),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

/** The answer to POST /api-keys: the key, shown this once. */
export const CreatedApiKey = Type.Object({ apiKey: ApiKey, key: Type.String() });

/** Path of key routes. */
export const KeyParams = Type.Object({ keyId: Type.String({ pattern: '^key_[0-9a-z]{9}[0-9a-f]{12}$' }) });

/** One audit log entry. */
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: Type.String(), subject: Type.String() }),
  action: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Integer(),
  outcome: Type.String(),
  requestId: Type.String(),
});

/** Who the caller is, as the gateway understood the credential. */
export const Me = Type.Object({
  kind: Type.String(),
  subject: Type.String(),
  clientId: Type.String(),
  projectIds: Type.Array(Type.String()),
  workspaceIds: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  tenant: Type.Object({ clientId: Type.String(), projectId: Type.String(), workspaceId: Type.String() }),
});

/** Types of the admin schemas. */
export type ApiKeyT = Static<typeof ApiKey>;
export type CreateApiKeyBodyT = Static<typeof CreateApiKeyBody>;
