/** What providers need of a JSON Schema for structured output, and how replies are read back. */
import type { JsonSchema } from '@dagwright/workflow';

/** Providers want an object at the root; other roots travel as `{ value }`. */
export interface WireSchema {
  schema: JsonSchema;
  wrapped: boolean;
}

const ROOT_ONLY = ['$schema', '$id', '$defs', 'definitions'];

/** The schema to send: the caller's, or an object wrapper around it whose `value` holds the answer. */
export function wireSchema(schema: JsonSchema): WireSchema {
  if (schema.type === 'object') return { schema, wrapped: false };
  // Root-level keywords move to the wrapper so `#/$defs/...` references keep resolving.
  const inner = Object.fromEntries(Object.entries(schema).filter(([k]) => !ROOT_ONLY.includes(k)));
  const root = Object.fromEntries(Object.entries(schema).filter(([k]) => ROOT_ONLY.includes(k)));
  return {
    schema: {
      ...root,
      type: 'object',
      properties: { value: inner },
      required: ['value'],
      additionalProperties: false,
    },
    wrapped: true,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The JSON Schema keywords OpenAI's strict mode accepts; a schema using any other one (minLength,
// uniqueItems, if/then, ...) is sent non-strict and left to validation and repair.
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  '$defs',
  'definitions',
  '$ref',
  'title',
  'description',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);
const NAMED = new Set(['properties', '$defs', 'definitions']);

/**
 * Whether OpenAI's strict mode accepts `schema`: only keywords it supports, and every object closed
 * (`additionalProperties: false`) with every property required, all the way down.
 */
export function strictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(strictCompatible);
  if (!isObject(schema)) return typeof schema !== 'boolean';
  if (!Object.keys(schema).every((k) => STRICT_KEYWORDS.has(k))) return false;
  const properties = schema.properties;
  if (schema.type === 'object' || isObject(properties)) {
    const keys = isObject(properties) ? Object.keys(properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (schema.additionalProperties !== false || !keys.every((k) => required.includes(k))) return false;
  }
  return Object.entries(schema).every(([keyword, value]) => {
    if (NAMED.has(keyword)) return isObject(value) && Object.values(value).every(strictCompatible);
    if (keyword === 'items' || keyword === 'anyOf') return strictCompatible(value);
    return true;
  });
}

/** Parses a JSON reply; tolerates one surrounding Markdown code fence, which some servers add. */
export function parseJsonReply(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced?.[1] ?? text) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
