import { Type, type Static } from 'typebox';
import { Id, JsonObject, PageQuery, Timestamp } from './common.ts';

/** Where a workflow came from and what the AI services learnt about it. */
export const AiMetadata = Type.Object(
  {
    generationMethod: Type.Union([
      Type.Literal('manual'),
      Type.Literal('ai_generated'),
      Type.Literal('template'),
      Type.Literal('legacy'),
    ]),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    optimizationHistory: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 1000 })),
    testResults: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 1000 })),
    feedbackData: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 4000 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 });

/** A workflow version: its graph is the canonical workflow model (nodes, edges, executionMode, ...). */
export const Workflow = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  version: Type.Integer(),
  graph: JsonObject,
  aiMetadata: Type.Union([AiMetadata, Type.Null()]),
  tags: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Body of POST /workflows. */
export const CreateWorkflowBody = Type.Object(
  {
    id: Type.Optional(Id),
    name: Name,
    description: Type.Optional(Description),
    graph: JsonObject,
    tags: Type.Optional(Tags),
    aiMetadata: Type.Optional(AiMetadata),
  },
  { additionalProperties: false },
);

/** Body of PUT /workflows/{id}: stores a new version. */
export const UpdateWorkflowBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    graph: JsonObject,
    tags: Type.Optional(Tags),
    aiMetadata: Type.Optional(AiMetadata),
    expectedVersion: Type.Optional(
      Type.Integer({ minimum: 1, description: 'apply only if this is still the latest version (else 409)' }),
    ),
  },
  { additionalProperties: false },
);

/** Query of GET /workflows. */
export const ListWorkflowsQuery = Type.Object(
  { ...PageQuery, tag: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

/** Query of GET /workflows/{id}. */
export const GetWorkflowQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the latest' })) },
  { additionalProperties: false },
);

/** Types of the bodies. */
export type CreateWorkflowBodyT = Static<typeof CreateWorkflowBody>;
export type UpdateWorkflowBodyT = Static<typeof UpdateWorkflowBody>;
export type AiMetadataT = Static<typeof AiMetadata>;
export type WorkflowT = Static<typeof Workflow>;
