import { ValidationError } from './errors.ts';

/** Parses user JSON from a request field; an empty field gives `fallback`. */
export function parseJsonField(text: string | undefined, path: string, fallback: unknown): unknown {
  if (text === undefined || text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ValidationError(
      `${path} is not valid JSON`,
      [{ code: 'INVALID_JSON', path, message: (cause as Error).message }],
      cause,
    );
  }
}

/** A JSON object from a request field, or a validation error naming the field. */
export function parseJsonObject(text: string | undefined, path: string): Record<string, unknown> {
  const value = parseJsonField(text, path, {});
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${path} must be a JSON object`, [
      { code: 'NOT_AN_OBJECT', path, message: 'expected a JSON object' },
    ]);
  }
  return value as Record<string, unknown>;
}
