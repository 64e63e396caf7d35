import { Type, type Static } from 'typebox';
import { Id, JsonObject, Timestamp } from './common.ts';

const Words = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 });

const AgentFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  kind: Type.Union([Type.Literal('agentic'), Type.Literal('tool')]),
  capabilities: Words,
  domains: Words,
  inputSchema: JsonObject,
  outputSchema: JsonObject,
  costPerCall: Type.Number({ minimum: 0 }),
  avgLatencyMs: Type.Integer({ minimum: 0 }),
  model: Type.Optional(Type.String({ maxLength: 200 })),
  implementation: JsonObject,
};

const { implementation, ...required } = AgentFields;

/** An agent of the tenant's catalog: what `agent` blocks may call. */
export const Agent = Type.Object({ id: Id, ...AgentFields, updatedAt: Timestamp });

/**
 * Body of PUT /agents/{agentId}: the whole agent (creates or replaces it). `id` may repeat the path's (catalog
 * files carry it); `implementation` defaults to `{}` (an agentic agent the local engine cannot serve needs a model).
 */
export const PutAgentBody = Type.Object(
  { id: Type.Optional(Id), ...required, implementation: Type.Optional(implementation) },
  { additionalProperties: false },
);

/** Path of agent routes. */
export const AgentParams = Type.Object({ agentId: Id });

/** Types of the agent schemas. */
export type AgentT = Static<typeof Agent>;
export type PutAgentBodyT = Static<typeof PutAgentBody>;
