import type { FastifySchema } from 'fastify';
import { ERROR_RESPONSES, TenantHeaders } from '../schemas/common.ts';

/** A route's OpenAPI schema with what every /api/v2 route shares: tenant headers and error responses. */
export function apiSchema<S extends FastifySchema & { response: Record<number, unknown> }>(
  tag: string,
  summary: string,
  schema: S,
) {
  return {
    tags: [tag],
    summary,
    headers: TenantHeaders,
    ...schema,
    response: { ...ERROR_RESPONSES, ...schema.response },
  };
}
