import Type, { type Static } from 'typebox';

/**
 * Upper bounds that keep validation cheap on hostile input; generated graphs stay far below them.
 * Free-form parts (JSON Schemas, request bodies, implementations) are bounded by `guardSize` instead.
 */
export const LIMITS = {
  nodes: 500,
  edges: 2000,
  idLength: 128,
  nameLength: 200,
  descriptionLength: 4000,
  expressionLength: 4096,
  transformLength: 16_384,
  promptLength: 32_000,
  mappingFields: 100,
  listItems: 100,
  /** Nesting depth of the whole input, counting every object and array. */
  depth: 48,
  /** Objects, arrays and primitives in the whole input. */
  values: 200_000,
  /** Characters in all strings and keys of the whole input. */
  chars: 4_000_000,
} as const;

/** Block and agent ids: short, printable, safe in URLs, logs, metric labels and idempotency keys. */
export const ID_PATTERN = '^[A-Za-z0-9_.:-]{1,128}$';

/** A block or agent id (`[A-Za-z0-9_.:-]{1,128}`). */
export const Id = Type.String({ pattern: ID_PATTERN, minLength: 1, maxLength: LIMITS.idLength });

/** A JSON Schema describing a block's or agent's input or output; validated against its meta-schema. */
export const JsonSchema = Type.Unsafe<JsonSchema>({ type: 'object' });
/** A JSON Schema object (draft 2020-12 or draft-07 keywords). */
export type JsonSchema = Record<string, unknown>;

/** A JSONata expression, parsed during validation. */
export const Expression = Type.String({ minLength: 1, maxLength: LIMITS.expressionLength });

/** The kinds of block a graph can contain. */
export const BLOCK_TYPES = ['agent', 'tool', 'http', 'transform', 'condition', 'human', 'delay'] as const;
/** The kind of a block. */
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Retry policy of one block: attempts include the first one. */
export const RetryPolicy = Type.Object(
  {
    maxAttempts: Type.Integer({ minimum: 1, maximum: 10 }),
    backoffMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  },
  { additionalProperties: false },
);
/** Retry policy of one block. */
export type RetryPolicy = Static<typeof RetryPolicy>;

/** A step of the workflow. `config` is checked against the schema of its `type` (see block-config.ts). */
export const Block = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
    type: Type.Enum([...BLOCK_TYPES]),
    agentId: Type.Optional(Id),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    inputSchema: Type.Optional(JsonSchema),
    outputSchema: Type.Optional(JsonSchema),
    retry: Type.Optional(RetryPolicy),
    timeoutMs: Type.Optional(Type.Integer({ exclusiveMinimum: 0, maximum: 86_400_000 })),
    cache: Type.Optional(
      Type.Object({ ttlSeconds: Type.Integer({ exclusiveMinimum: 0 }) }, { additionalProperties: false }),
    ),
    /** The block that runs in place of this one when it keeps failing under `errorHandling: adaptive`. */
    fallback: Type.Optional(Id),
  },
  { additionalProperties: false },
);
/** A step of the workflow. */
export type Block = Static<typeof Block>;

/** A dependency: `to` starts after `from`; `mapping` shapes what `to` receives from `from`. */
export const Edge = Type.Object(
  {
    from: Id,
    to: Id,
    condition: Type.Optional(Expression),
    mapping: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: LIMITS.idLength }), Expression, {
        maxProperties: LIMITS.mappingFields,
      }),
    ),
  },
  { additionalProperties: false },
);
/** A dependency between two blocks. */
export type Edge = Static<typeof Edge>;

/** A workflow: blocks, the edges between them, and how the engine schedules and handles failures. */
export const Graph = Type.Object(
  {
    nodes: Type.Array(Block, { maxItems: LIMITS.nodes }),
    edges: Type.Array(Edge, { maxItems: LIMITS.edges }),
    executionMode: Type.Enum(['sequential', 'parallel', 'hybrid']),
    maxConcurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    errorHandling: Type.Optional(Type.Enum(['strict', 'lenient', 'adaptive'])),
  },
  { additionalProperties: false },
);
/** A workflow graph. */
export type Graph = Static<typeof Graph>;

const ShortList = Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.nameLength }), {
  maxItems: LIMITS.listItems,
});

/** An entry of a tenant's agent catalog that `agent` (and `tool`/`http`) blocks refer to by id. */
export const Agent = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
    description: Type.String({ maxLength: LIMITS.descriptionLength }),
    kind: Type.Enum(['agentic', 'tool']),
    capabilities: ShortList,
    domains: ShortList,
    inputSchema: JsonSchema,
    outputSchema: JsonSchema,
    costPerCall: Type.Number({ minimum: 0 }),
    avgLatencyMs: Type.Number({ minimum: 0 }),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.nameLength })),
    implementation: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
/** A catalog agent. */
export type Agent = Static<typeof Agent>;
