import type { FastifySchemaCompiler } from 'fastify';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Two validators: bodies are checked strictly (no type coercion, unknown fields refused rather than dropped,
 * so a typo is an error and not a silent no-op); query strings, params and headers are text on the wire and
 * are coerced to the schema's types. Both stop at the first error, which bounds the work a bad request causes.
 */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false } as const;
  const strict = new Ajv({ ...options, coerceTypes: false });
  const coercing = new Ajv({ ...options, coerceTypes: 'array' });
  for (const ajv of [strict, coercing]) addFormats.default(ajv);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
