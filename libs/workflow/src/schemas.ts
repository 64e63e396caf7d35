import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { type TSchema } from 'typebox';
import { type IssueCode, type ValidationIssue, issue, pointer } from './issues.ts';
import { type JsonSchema, LIMITS } from './model.ts';

// Our own schemas are strict so a typo in them fails at start-up; `logger: false` because a pure
// library must not write to the console.
const modelAjv = new Ajv({ allErrors: true, strict: true, logger: false });
const modelValidators = new WeakMap<TSchema, ValidateFunction>();

// User schemas (block and agent input/output) come in draft 2020-12 or draft-07, may carry
// annotation keywords ajv does not know, and use the standard formats.
const userAjv2020 = new Ajv2020({ allErrors: true, strict: false, logger: false });
const userAjv07 = new Ajv({ allErrors: true, strict: false, logger: false });
formats.default(userAjv2020);
formats.default(userAjv07);
const dataValidators = new WeakMap<JsonSchema, ValidateFunction>();

function userAjvFor(schema: JsonSchema): Ajv {
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : '';
  return /draft-0[67]/.test(dialect) ? userAjv07 : userAjv2020;
}

/**
 * Maps ajv errors to issues under `base`, pointing at the offending property rather than its parent.
 * One issue per path: for a failed `anyOf` ajv also reports every branch, and the first concrete
 * branch error (e.g. the allowed values) says more than "must match a schema in anyOf".
 */
export function issuesFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  code: IssueCode,
  base: string,
): ValidationIssue[] {
  const byPath = new Map<string, { message: string; composite: boolean }>();
  for (const error of errors ?? []) {
    let path = base + error.instancePath;
    let message = error.message ?? 'is invalid';
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      path += pointer(params.missingProperty);
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path += pointer(params.additionalProperty);
      message = 'is not an allowed property';
    } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const composite = error.keyword === 'anyOf' || error.keyword === 'oneOf';
    const kept = byPath.get(path);
    if (kept === undefined || (kept.composite && !composite)) byPath.set(path, { message, composite });
  }
  return [...byPath].map(([path, { message }]) => issue(code, path, message));
}

/** Validates a value against one of our TypeBox schemas; issues carry `code` and paths under `base`. */
export function checkModel(schema: TSchema, value: unknown, code: IssueCode, base = ''): ValidationIssue[] {
  let validate = modelValidators.get(schema);
  if (validate === undefined) {
    validate = modelAjv.compile(schema);
    modelValidators.set(schema, validate);
  }
  return validate(value) ? [] : issuesFromAjv(validate.errors, code, base);
}

/** Checks that a user-supplied JSON Schema is itself valid (against its meta-schema), without compiling it. */
export function checkJsonSchema(schema: JsonSchema, base: string): ValidationIssue[] {
  const ajv = userAjvFor(schema);
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (error) {
    // ajv throws for an unknown `$schema` dialect rather than reporting it.
    const reason = error instanceof Error ? error.message : String(error);
    return [issue('INVALID_JSON_SCHEMA', base + pointer('$schema'), `unsupported dialect: ${reason}`)];
  }
  return valid ? [] : issuesFromAjv(ajv.errors, 'INVALID_JSON_SCHEMA', base);
}

/**
 * Validates data (a block's input or output, what a person supplied) against a user JSON Schema.
 * Compiled validators are kept per schema object, so pass the same object for repeated checks.
 * Throws when the schema itself is invalid; `validateGraph` has rejected such graphs already.
 */
export function validateData(schema: JsonSchema, data: unknown, base = ''): ValidationIssue[] {
  let validate = dataValidators.get(schema);
  if (validate === undefined) {
    validate = userAjvFor(schema).compile(schema);
    dataValidators.set(schema, validate);
  }
  return validate(data) ? [] : issuesFromAjv(validate.errors, 'INVALID_DATA', base);
}

/**
 * Refuses input too big or too deep to validate safely, before any schema check walks it.
 * Walks iteratively, so neither deep nesting nor a self-referencing object can exhaust the stack.
 */
export function guardSize(input: unknown): ValidationIssue[] {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() ?? { value: undefined, depth: 0 };
    values++;
    if (typeof value === 'string') chars += value.length;
    if (depth > LIMITS.depth) {
      return [issue('INPUT_TOO_LARGE', '', `nesting deeper than ${LIMITS.depth} levels`)];
    }
    if (values > LIMITS.values) {
      return [issue('INPUT_TOO_LARGE', '', `more than ${LIMITS.values} values`)];
    }
    if (chars > LIMITS.chars) {
      return [issue('INPUT_TOO_LARGE', '', `more than ${LIMITS.chars} characters of text`)];
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        chars += key.length;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return [];
}
