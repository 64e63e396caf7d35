import { type Agent, type Block, type Edge, type Graph, type JsonSchema } from '../src/index.ts';

// Small builders so each test shows only what it is about.

const DEFAULT_CONFIG: Record<Block['type'], Record<string, unknown> | undefined> = {
  agent: undefined,
  tool: { tool: 'noop' },
  http: { url: 'https://example.com/api', method: 'GET' },
  transform: { expression: '$' },
  condition: undefined,
  human: { prompt: 'Approve?' },
  delay: { ms: 10 },
};

/** A valid block of `type` (default `tool`), with `extra` merged over the defaults. */
export function block(id: string, type: Block['type'] = 'tool', extra: Partial<Block> = {}): Block {
  const config = DEFAULT_CONFIG[type];
  return { id, name: id.toUpperCase(), type, ...(config === undefined ? {} : { config }), ...extra };
}

/** An edge, with optional condition and mapping. */
export function edge(from: string, to: string, extra: Partial<Edge> = {}): Edge {
  return { from, to, ...extra };
}

/** A graph in parallel mode. */
export function graph(nodes: Block[], edges: Edge[] = [], extra: Partial<Graph> = {}): Graph {
  return { nodes, edges, executionMode: 'parallel', ...extra };
}

/** An object schema whose properties all have the given types and are all required. */
export function objectSchema(
  properties: Record<string, string>,
  required = Object.keys(properties),
): JsonSchema {
  return {
    type: 'object',
    required,
    properties: Object.fromEntries(Object.entries(properties).map(([k, type]) => [k, { type }])),
  };
}

/** A catalog agent; agentic unless said otherwise, accepting and returning any object. */
export function agent(id: string, extra: Partial<Agent> = {}): Agent {
  return {
    id,
    name: id,
    description: `agent ${id}`,
    kind: 'agentic',
    capabilities: ['summarize'],
    domains: ['general'],
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    costPerCall: 0.01,
    avgLatencyMs: 100,
    implementation: {},
    ...extra,
  };
}
