import { Type, type Static } from 'typebox';
import { ErrorDetail, Id, JsonObject, Timestamp } from './common.ts';

const Capability = Type.String({ minLength: 1, maxLength: 100 });

/** The seed's GenerateRequest (§7.1): a problem statement and what shapes the workflow. */
export const GenerateBody = Type.Object(
  {
    problemStatement: Type.String({ minLength: 1, maxLength: 10_000 }),
    agentIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 500,
        description: 'agents the generator may use; default: the whole catalog',
      }),
    ),
    constraints: Type.Optional(
      Type.Object(
        {
          maxExecutionTime: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'milliseconds' })),
          maxCost: Type.Optional(Type.Number({ minimum: 0 })),
          requiredCapabilities: Type.Optional(Type.Array(Capability, { maxItems: 50 })),
          excludedAgents: Type.Optional(Type.Array(Id, { maxItems: 500 })),
        },
        { additionalProperties: false },
      ),
    ),
    preferences: Type.Optional(
      Type.Object(
        {
          optimizeFor: Type.Optional(Type.Enum(['speed', 'cost', 'reliability', 'accuracy'])),
          executionMode: Type.Optional(Type.Enum(['sequential', 'parallel', 'hybrid'])),
          errorHandling: Type.Optional(Type.Enum(['strict', 'lenient', 'adaptive'])),
        },
        { additionalProperties: false },
      ),
    ),
    context: Type.Optional(JsonObject),
    save: Type.Optional(Type.Boolean({ description: 'store the workflow (fires workflow.created)' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
/** A generation request body. */
export type GenerateBodyT = Static<typeof GenerateBody>;

/** The seed's GeneratedWorkflow, plus where it was stored when `save` was set. */
export const GeneratedWorkflow = Type.Object(
  {
    graph: JsonObject,
    metadata: JsonObject,
    alternatives: Type.Array(JsonObject),
    explanation: JsonObject,
    generation: JsonObject,
    workflowId: Type.Union([Id, Type.Null()]),
    workflowVersion: Type.Union([Type.Integer(), Type.Null()]),
  },
  {
    description:
      'graph, metadata {confidence, estimatedCost, estimatedDuration, ...}, alternatives, explanation',
  },
);

/** Body of POST /workflows/generate/batch. */
export const BatchBody = Type.Object(
  {
    requests: Type.Array(GenerateBody, { minItems: 1, maxItems: 50 }),
    parallel: Type.Optional(Type.Boolean()),
    maxConcurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
  },
  { additionalProperties: false },
);
/** A batch request body. */
export type BatchBodyT = Static<typeof BatchBody>;

/** Answer of POST /workflows/generate/batch: one item per request, in order, and a summary. */
export const BatchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      index: Type.Integer(),
      result: Type.Union([GeneratedWorkflow, Type.Null()]),
      error: Type.Union([
        Type.Object({ code: Type.String(), message: Type.String(), details: Type.Array(ErrorDetail) }),
        Type.Null(),
      ]),
    }),
  ),
  summary: Type.Object({ successful: Type.Integer(), failed: Type.Integer(), totalTime: Type.Integer() }),
});

/** Body of the legacy POST /generate (pre-v2 clients). */
export const LegacyGenerateBody = Type.Object(
  {
    problemStatement: Type.String({ minLength: 1, maxLength: 10_000 }),
    agentIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    save: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: true, description: 'other fields of older clients are accepted and ignored' },
);

/** Answer of the legacy POST /generate. */
export const LegacyGenerated = Type.Object({
  workflow: JsonObject,
  confidence: Type.Number(),
  estimatedCost: Type.Number(),
  estimatedDuration: Type.Number(),
  explanation: JsonObject,
  workflowId: Type.Union([Id, Type.Null()]),
});

const Words = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });

const TemplateFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
  domains: Words,
  keywords: Words,
  phases: Type.Array(JsonObject, { maxItems: 30, description: '[{name, description, capabilities[]}]' }),
  patterns: Words,
  validationRules: Type.Array(JsonObject, {
    maxItems: 50,
    description: "[{rule: 'approval-before'|'order'|'requires', ...}] (docs/api.md)",
  }),
  requiredAgentTypes: Words,
};

/** A workflow template and its record of use. */
export const Template = Type.Object({
  id: Id,
  ...TemplateFields,
  builtin: Type.Boolean(),
  uses: Type.Integer(),
  successRate: Type.Number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Body of POST /templates. */
export const CreateTemplateBody = Type.Object({ id: Id, ...TemplateFields }, { additionalProperties: false });
/** Body of PUT /templates/{templateId}. */
export const PutTemplateBody = Type.Object(TemplateFields, { additionalProperties: false });
/** Path of template routes. */
export const TemplateParams = Type.Object({ templateId: Id });
/** Query of GET /templates. */
export const TemplateQuery = { domain: Type.Optional(Type.String({ maxLength: 100 })) };

/** Types of the template schemas. */
export type CreateTemplateBodyT = Static<typeof CreateTemplateBody>;
export type PutTemplateBodyT = Static<typeof PutTemplateBody>;
