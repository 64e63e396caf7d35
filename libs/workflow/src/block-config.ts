import Type, { type Static, type TSchema } from 'typebox';
import { type Block, type BlockType, JsonSchema, LIMITS } from './model.ts';

const Params = Type.Record(Type.String(), Type.Unknown());
const Prompt = Type.String({ minLength: 1, maxLength: LIMITS.promptLength });

/** `agent` blocks: an optional prompt that frames the call to the catalog agent. */
export const AgentConfig = Type.Object({ prompt: Type.Optional(Prompt) }, { additionalProperties: false });
/** Config of an `agent` block. */
export type AgentConfig = Static<typeof AgentConfig>;

/** `tool` blocks: the name of a built-in tool of the engine and its fixed parameters. */
export const ToolConfig = Type.Object(
  {
    tool: Type.String({ minLength: 1, maxLength: LIMITS.idLength }),
    params: Type.Optional(Params),
  },
  { additionalProperties: false },
);
/** Config of a `tool` block. */
export type ToolConfig = Static<typeof ToolConfig>;

/** HTTP methods an `http` block may use. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** `http` blocks: one request; the engine decides which hosts are reachable (§8). */
export const HttpConfig = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    method: Type.Enum([...HTTP_METHODS]),
    headers: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 256 }), Type.String({ maxLength: 8192 }), {
        maxProperties: 64,
      }),
    ),
    body: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
/** Config of an `http` block. */
export type HttpConfig = Static<typeof HttpConfig>;

/** `transform` blocks: a JSONata expression evaluated over the block's input; its value is the output. */
export const TransformConfig = Type.Object(
  { expression: Type.String({ minLength: 1, maxLength: LIMITS.transformLength }) },
  { additionalProperties: false },
);
/** Config of a `transform` block. */
export type TransformConfig = Static<typeof TransformConfig>;

/** `condition` blocks have no config: the conditions sit on their outgoing edges. */
export const ConditionConfig = Type.Object({}, { additionalProperties: false });
/** Config of a `condition` block. */
export type ConditionConfig = Static<typeof ConditionConfig>;

/** `human` blocks: what the person is asked, what they must supply, and what happens if nobody answers. */
export const HumanConfig = Type.Object(
  {
    prompt: Prompt,
    inputSchema: Type.Optional(JsonSchema),
    timeoutMs: Type.Optional(Type.Integer({ exclusiveMinimum: 0, maximum: 30 * 86_400_000 })),
    onTimeout: Type.Optional(Type.Enum(['approve', 'reject', 'fail'])),
  },
  { additionalProperties: false },
);
/** Config of a `human` block. */
export type HumanConfig = Static<typeof HumanConfig>;

/** `delay` blocks: wait this long, at most a day. */
export const DelayConfig = Type.Object(
  { ms: Type.Integer({ minimum: 0, maximum: 86_400_000 }) },
  { additionalProperties: false },
);
/** Config of a `delay` block. */
export type DelayConfig = Static<typeof DelayConfig>;

/** The config schema of each block type; a block without `config` is checked as `{}`. */
export const BLOCK_CONFIG_SCHEMAS: Readonly<Record<BlockType, TSchema>> = {
  agent: AgentConfig,
  tool: ToolConfig,
  http: HttpConfig,
  transform: TransformConfig,
  condition: ConditionConfig,
  human: HumanConfig,
  delay: DelayConfig,
};

/** The config type of each block type, for code that has already validated the graph. */
export interface BlockConfigs {
  agent: AgentConfig;
  tool: ToolConfig;
  http: HttpConfig;
  transform: TransformConfig;
  condition: ConditionConfig;
  human: HumanConfig;
  delay: DelayConfig;
}

/** The config of a block of a validated graph, typed by its block type. */
export function configOf<T extends BlockType>(block: Block & { type: T }): BlockConfigs[T] {
  return (block.config ?? {}) as BlockConfigs[T];
}
