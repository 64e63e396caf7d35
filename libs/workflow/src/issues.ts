/** One problem found in a graph: a stable UPPER_SNAKE code, a JSON pointer into the input, and prose. */
export interface ValidationIssue {
  code: IssueCode;
  path: string;
  message: string;
}

/** Every code this library reports; a generator repairs by code, so codes never change meaning. */
export const ISSUE_CODES = [
  'INPUT_TOO_LARGE',
  'INVALID_STRUCTURE',
  'INVALID_BLOCK_CONFIG',
  'INVALID_JSON_SCHEMA',
  'EMPTY_GRAPH',
  'DUPLICATE_BLOCK_ID',
  'UNKNOWN_EDGE_SOURCE',
  'UNKNOWN_EDGE_TARGET',
  'SELF_LOOP',
  'DUPLICATE_EDGE',
  'CYCLE',
  'NO_ROOT',
  'UNREACHABLE_BLOCK',
  'MISSING_AGENT_ID',
  'UNKNOWN_AGENT',
  'AGENT_KIND_MISMATCH',
  'AGENT_NOT_ALLOWED',
  'UNKNOWN_TOOL',
  'INVALID_EXPRESSION',
  'CONDITION_NOT_ALLOWED',
  'UNKNOWN_FALLBACK',
  'SELF_FALLBACK',
  'SCHEMA_MISMATCH',
  'TOO_MANY_ISSUES',
  'INVALID_DATA',
] as const;

/** A validation issue code. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A JSON pointer (RFC 6901) from path segments, escaping `~` and `/` inside keys. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Builds an issue; a helper so call sites read as one line each. */
export function issue(code: IssueCode, path: string, message: string): ValidationIssue {
  return { code, path, message };
}
