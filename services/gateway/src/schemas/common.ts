import { Type, type Static, type TSchema } from 'typebox';

/** Ids of workflows, agents, runs and blocks (the engine's pattern). */
export const Id = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,128}$', examples: ['support-triage'] });

/** A tenant field as the headers carry it. */
const TenantId = Type.String({ pattern: '^[A-Za-z0-9_.:@-]{1,128}$' });

/** Any JSON object (graphs, schemas, inputs): validated by the engine against the workflow model. */
export const JsonObject = Type.Object({}, { additionalProperties: true });

/** Any JSON value. */
export const JsonValue = Type.Unknown();

/** A timestamp, or null when the moment has not come (e.g. a run that has not finished). */
export const Timestamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** The tenant headers every /api/v2 route requires; they must lie within the credential's scope. */
export const TenantHeaders = Type.Object({
  'x-client-id': TenantId,
  'x-project-id': TenantId,
  'x-workspace-id': TenantId,
});

/** Cursor pagination of list routes. */
export const PageQuery = {
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'default 50' })),
  pageToken: Type.Optional(
    Type.String({ maxLength: 512, description: 'nextPageToken of the previous page' }),
  ),
};

/** A page of items and the token of the next page (null on the last page). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextPageToken: Type.Union([Type.String(), Type.Null()]) });
}

/** One problem in a request. */
export const ErrorDetail = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

/** The body of every error response. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ examples: ['NOT_FOUND'] }),
    message: Type.String(),
    details: Type.Array(ErrorDetail),
    requestId: Type.String(),
  }),
});

/** The error responses every authenticated route may give. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
  504: ErrorBody,
};

/** Path parameter `{id}`. */
export const IdParams = Type.Object({ id: Id });

/** Types of the shared schemas. */
export type TenantHeadersT = Static<typeof TenantHeaders>;
