import Type, { type Static } from 'typebox';
import { parseJsonObject, ValidationError, type ErrorDetail } from '@dagwright/kit';
import type { GenerateWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowRequest';
import { ID_PATTERN, validateData, type JsonSchema } from '@dagwright/workflow';

/** Limits of the seed's GenerateRequest (§7.1). */
export const LIMITS = { statementLength: 10_000, agentIds: 500, nameLength: 200 } as const;

/** What the workflow must respect. */
export const Constraints = Type.Object(
  {
    maxExecutionTime: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'milliseconds' })),
    maxCost: Type.Optional(Type.Number({ minimum: 0, description: 'currency units per run' })),
    requiredCapabilities: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
    ),
    excludedAgents: Type.Optional(Type.Array(Type.String({ pattern: ID_PATTERN }), { maxItems: 500 })),
  },
  { additionalProperties: false },
);
/** Parsed constraints. */
export type Constraints = Static<typeof Constraints>;

/** What the workflow should favour. */
export const Preferences = Type.Object(
  {
    optimizeFor: Type.Optional(Type.Enum(['speed', 'cost', 'reliability', 'accuracy'])),
    executionMode: Type.Optional(Type.Enum(['sequential', 'parallel', 'hybrid'])),
    errorHandling: Type.Optional(Type.Enum(['strict', 'lenient', 'adaptive'])),
  },
  { additionalProperties: false },
);
/** Parsed preferences. */
export type Preferences = Static<typeof Preferences>;

/** A generation request after validation. */
export interface GenerationRequest {
  problemStatement: string;
  agentIds: string[];
  constraints: Constraints;
  preferences: Preferences;
  context: Record<string, unknown>;
  save: boolean;
  name: string;
}

const idPattern = new RegExp(ID_PATTERN);

/** Parses a JSON object field and checks it against `schema`, collecting problems instead of stopping at one. */
function objectField<T>(
  text: string,
  schema: JsonSchema | undefined,
  path: string,
  problems: ErrorDetail[],
): T {
  let value: Record<string, unknown>;
  try {
    value = parseJsonObject(text, path);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.details);
    return {} as T;
  }
  if (schema !== undefined) problems.push(...validateData(schema, value, path));
  return value as T;
}

/** Validates a request; every problem at once, with a path into the request. */
export function readRequest(req: GenerateWorkflowRequest__Output, base = ''): GenerationRequest {
  const problems: ErrorDetail[] = [];
  const statement = req.problemStatement.trim();
  if (statement === '')
    problems.push({
      code: 'REQUIRED',
      path: `${base}/problemStatement`,
      message: 'describe the problem to solve',
    });
  if (statement.length > LIMITS.statementLength)
    problems.push({
      code: 'TOO_LONG',
      path: `${base}/problemStatement`,
      message: `at most ${LIMITS.statementLength} characters`,
    });
  if (req.agentIds.length > LIMITS.agentIds)
    problems.push({
      code: 'TOO_MANY',
      path: `${base}/agentIds`,
      message: `at most ${LIMITS.agentIds} agents`,
    });
  req.agentIds.forEach((id, i) => {
    if (!idPattern.test(id))
      problems.push({
        code: 'INVALID_ID',
        path: `${base}/agentIds/${i}`,
        message: `'${id}' is not a valid agent id`,
      });
  });
  if (req.name.length > LIMITS.nameLength)
    problems.push({
      code: 'TOO_LONG',
      path: `${base}/name`,
      message: `at most ${LIMITS.nameLength} characters`,
    });
  const constraints = objectField<Constraints>(
    req.constraintsJson,
    Constraints as unknown as JsonSchema,
    `${base}/constraints`,
    problems,
  );
  const preferences = objectField<Preferences>(
    req.preferencesJson,
    Preferences as unknown as JsonSchema,
    `${base}/preferences`,
    problems,
  );
  const context = objectField<Record<string, unknown>>(
    req.contextJson,
    undefined,
    `${base}/context`,
    problems,
  );
  if (problems.length > 0) throw new ValidationError('the generation request is invalid', problems);
  return {
    problemStatement: statement,
    agentIds: [...new Set(req.agentIds)],
    constraints,
    preferences,
    context,
    save: req.save,
    name: req.name.trim(),
  };
}
