import jsonata from 'jsonata';

/** Bounds on one evaluation; JSONata checks them at every step it takes. */
export interface ExpressionLimits {
  /** Wall-clock budget of one evaluation. */
  timeoutMs?: number;
  /** Deepest nesting of evaluation steps, which bounds non-tail recursion before the JS stack overflows. */
  maxDepth?: number;
  /** Longest sequence an evaluation may build, which bounds memory. */
  maxSequence?: number;
}

/** The limits used when a caller gives none: generous for data shaping, fatal for runaway expressions. */
export const DEFAULT_EXPRESSION_LIMITS: Required<ExpressionLimits> = {
  timeoutMs: 1000,
  maxDepth: 500,
  maxSequence: 1_000_000,
};

/** Why an expression could not be compiled or evaluated. */
export type ExpressionErrorCode = 'SYNTAX' | 'TIMEOUT' | 'TOO_DEEP' | 'TOO_LARGE' | 'EVALUATION';

/** A failed expression, with the JSONata error code and position when JSONata gave them. */
export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  readonly source: string;
  readonly position: number | undefined;
  readonly jsonataCode: string | undefined;

  constructor(code: ExpressionErrorCode, source: string, message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ExpressionError';
    this.code = code;
    this.source = source;
    const details = isRecord(cause) ? cause : {};
    this.position = typeof details.position === 'number' ? details.position : undefined;
    this.jsonataCode = typeof details.code === 'string' ? details.code : undefined;
  }
}

/** A parsed expression that can be evaluated many times, each evaluation under its own limits. */
export interface CompiledExpression {
  readonly source: string;
  /**
   * Evaluates over `input` (JSON data; it is the expression's `$`), with `bindings` as `$name` variables;
   * `undefined` when nothing matched.
   */
  evaluate(input: unknown, bindings?: Readonly<Record<string, unknown>>): Promise<unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Deepest bracket nesting an expression may have; far beyond hand-written or generated ones. */
export const MAX_EXPRESSION_NESTING = 100;

/** Bracket nesting outside string literals; cheap, unlike letting the recursive parser overflow the stack. */
function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return deepest;
}

function parse(source: string, limits: Required<ExpressionLimits>): jsonata.Expression {
  if (nestingDepth(source) > MAX_EXPRESSION_NESTING) {
    const message = `invalid expression: brackets nested deeper than ${MAX_EXPRESSION_NESTING}`;
    throw new ExpressionError('SYNTAX', source, message, undefined);
  }
  try {
    // JSONata 2.2 implements the documented `__evaluate_entry`/`__evaluate_exit` time-boxing natively
    // (keyed by Symbol.for in 2.x, so `assign('__evaluate_entry')` would silently do nothing); its
    // guardrails reset per evaluation, so one compiled expression can serve concurrent runs.
    return jsonata(source, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence,
    });
  } catch (error) {
    const message = isRecord(error) && typeof error.message === 'string' ? error.message : String(error);
    throw new ExpressionError('SYNTAX', source, `invalid expression: ${message}`, error);
  }
}

function disabledEval(): never {
  // `$eval` would turn input data into code; expressions are fixed when the graph is validated.
  throw new Error('$eval is disabled in workflow expressions');
}

function evaluationError(source: string, error: unknown): ExpressionError {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : String(error);
  if (code === 'D1012')
    return new ExpressionError('TIMEOUT', source, `expression timed out: ${message}`, error);
  if (code === 'D1011' || error instanceof RangeError) {
    return new ExpressionError('TOO_DEEP', source, `expression recursed too deeply: ${message}`, error);
  }
  if (code === 'D2014' || code === 'D2015') {
    return new ExpressionError('TOO_LARGE', source, `expression built too much data: ${message}`, error);
  }
  return new ExpressionError('EVALUATION', source, `expression failed: ${message}`, error);
}

/**
 * Parses a JSONata expression into an evaluator. JSONata has no access to the host (no `eval`,
 * `require`, globals or prototype chains: paths only read own properties); we bind no host
 * functions and disable `$eval`, so an expression sees nothing but its input.
 * Throws `ExpressionError` with code `SYNTAX` when the source does not parse.
 */
export function compileExpression(source: string, limits: ExpressionLimits = {}): CompiledExpression {
  const effective = { ...DEFAULT_EXPRESSION_LIMITS, ...limits };
  const expression = parse(source, effective);
  expression.assign('eval', disabledEval);
  return {
    source,
    async evaluate(input: unknown, bindings?: Readonly<Record<string, unknown>>): Promise<unknown> {
      try {
        return (await expression.evaluate(
          input,
          bindings === undefined ? undefined : { ...bindings },
        )) as unknown;
      } catch (error) {
        throw evaluationError(source, error);
      }
    },
  };
}

/** The parser's message when `source` is not a valid expression, otherwise `undefined`. */
export function expressionSyntaxError(source: string): string | undefined {
  try {
    parse(source, DEFAULT_EXPRESSION_LIMITS);
    return undefined;
  } catch (error) {
    return error instanceof ExpressionError ? error.message : String(error);
  }
}

/**
 * JSONata's `$boolean` cast, the truthiness of conditions: `false`, `0`, `""`, `null`, no match,
 * empty arrays and objects, and functions are false; an array is true when any member is.
 */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((member) => truthy(member));
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value !== 0 && !Number.isNaN(value);
    case 'string':
      return value.length > 0;
    case 'object':
      return value !== null && Object.keys(value).length > 0;
    case 'undefined':
    case 'function':
    case 'bigint':
    case 'symbol':
      return false;
  }
}

/** Evaluates an edge condition over the condition block's output and casts the result with `truthy`. */
export async function evaluateCondition(
  source: string,
  input: unknown,
  limits: ExpressionLimits = {},
): Promise<boolean> {
  return truthy(await compileExpression(source, limits).evaluate(input));
}

/** Variables a mapping expression may read besides its source output: `$input` is the run's input. */
export interface MappingBindings {
  input?: unknown;
}

/**
 * Evaluates each `targetField: expression` of an edge mapping over the source block's output, with
 * `$input` bound to the run's input (so a later step can take a value the run was started with).
 * Fields whose expression matched nothing are left out rather than set to `undefined`.
 */
export async function applyMapping(
  mapping: Readonly<Record<string, string>>,
  sourceOutput: unknown,
  limits: ExpressionLimits = {},
  bindings: MappingBindings = {},
): Promise<Record<string, unknown>> {
  const target: Record<string, unknown> = {};
  const variables = { input: bindings.input ?? {} };
  for (const [field, source] of Object.entries(mapping)) {
    const value = await compileExpression(source, limits).evaluate(sourceOutput, variables);
    if (value !== undefined) setField(target, field, value);
  }
  return target;
}

/** Sets an own data property even for names like `__proto__`, which plain assignment would misread. */
export function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The property names a simple path expression (`a.b.c`, `$.a.b`) reads from its input, or
 * `undefined` when the expression computes something else (operators, functions, filters).
 */
export function simplePath(source: string): string[] | undefined {
  let ast: jsonata.ExprNode;
  try {
    ast = jsonata(source).ast();
  } catch {
    // Not an expression at all: the caller reports syntax errors separately.
    return undefined;
  }
  if (ast.type !== ('path' as jsonata.ExprNode['type']) || ast.steps === undefined) return undefined;
  const names: string[] = [];
  for (const [index, step] of ast.steps.entries()) {
    const plain =
      step.stages === undefined && !('predicate' in step) && !('group' in step) && !('keepArray' in step);
    if (!plain) return undefined;
    // `$` and `$$` in front mean the input itself.
    if (index === 0 && step.type === 'variable' && (step.value === '' || step.value === '$')) continue;
    if (step.type !== 'name' || typeof step.value !== 'string') return undefined;
    names.push(step.value);
  }
  return names.length > 0 ? names : undefined;
}
