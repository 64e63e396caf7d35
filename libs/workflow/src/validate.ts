import {
  BLOCK_CONFIG_SCHEMAS,
  type HumanConfig,
  type ToolConfig,
  type TransformConfig,
} from './block-config.ts';
import { expressionSyntaxError } from './expressions.ts';
import { topologicalWaves } from './graph.ts';
import { type ValidationIssue, issue, pointer } from './issues.ts';
import { Agent, type Block, Graph, type JsonSchema } from './model.ts';
import { matchSchemas } from './schema-match.ts';
import { checkJsonSchema, checkModel, guardSize } from './schemas.ts';
import { checkTopology } from './topology-check.ts';

/** The outcome of `validateGraph`: the typed graph, or every problem found. */
export type ValidationResult = { ok: true; graph: Graph } | { ok: false; errors: ValidationIssue[] };

/** Knobs of `validateGraph` beyond the agent catalog. */
export interface ValidateOptions {
  /** Names of the engine's built-in tools; when given, `tool` blocks must name one of them. */
  tools?: Iterable<string>;
  /** Issues reported at most, so a hopeless graph still gets a short answer (default 500). */
  maxIssues?: number;
}

// Block types that call something: only they may name a catalog agent. `tool` and `http` blocks
// are deterministic, so the agent they name must be a tool too.
const CALLERS = new Set<Block['type']>(['agent', 'tool', 'http']);

/**
 * Validates an untrusted graph against the model and the tenant's agent catalog.
 * Structure is checked first: if the input is not shaped like a graph, only those problems are
 * reported, because every later message would be a guess. On a well-shaped graph all remaining
 * checks run and every problem is reported, each with a stable code and a JSON pointer.
 */
export function validateGraph(
  input: unknown,
  catalog: ReadonlyMap<string, Agent> | readonly Agent[],
  options: ValidateOptions = {},
): ValidationResult {
  const maxIssues = options.maxIssues ?? 500;
  const finish = (issues: ValidationIssue[]): ValidationResult => {
    if (issues.length <= maxIssues) return { ok: false, errors: issues };
    const more = issue('TOO_MANY_ISSUES', '', `${issues.length - maxIssues} more issues not shown`);
    return { ok: false, errors: [...issues.slice(0, maxIssues), more] };
  };

  // 1. Size, then shape: nothing else may look at the input before both pass.
  const oversize = guardSize(input);
  if (oversize.length > 0) return finish(oversize);
  const structural = checkModel(Graph, input, 'INVALID_STRUCTURE');
  if (structural.length > 0) return finish(structural);
  const graph = input as Graph;
  const agents =
    catalog instanceof Map ? catalog : new Map((catalog as readonly Agent[]).map((a) => [a.id, a]));
  const tools = options.tools === undefined ? undefined : new Set(options.tools);

  // 2. Each block on its own: config, embedded schemas, agent, fallback, transform expression.
  const invalidSchemas = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const [index, block] of graph.nodes.entries()) {
    issues.push(...checkBlock(block, index, agents, tools, invalidSchemas));
  }
  const ids = new Set(graph.nodes.map((block) => block.id));
  for (const [index, block] of graph.nodes.entries()) {
    if (block.fallback === undefined) continue;
    const at = pointer('nodes', index, 'fallback');
    if (block.fallback === block.id) {
      issues.push(issue('SELF_FALLBACK', at, 'a block cannot be its own fallback'));
    } else if (!ids.has(block.fallback)) {
      issues.push(issue('UNKNOWN_FALLBACK', at, `no block "${block.fallback}"`));
    }
  }

  // 3. The graph as a whole: ids, edges, cycles, reachability.
  const topology = checkTopology(graph);
  issues.push(...topology.issues);

  // 4. Edge expressions, and conditions only where a branch is declared.
  for (const [index, edge] of graph.edges.entries()) {
    if (edge.condition !== undefined) {
      issues.push(...expressionIssues(edge.condition, pointer('edges', index, 'condition')));
      const source = topology.blocks.get(edge.from)?.block;
      if (source !== undefined && source.type !== 'condition') {
        const message = `only edges leaving a condition block may carry a condition; "${edge.from}" is of type ${source.type}`;
        issues.push(issue('CONDITION_NOT_ALLOWED', pointer('edges', index, 'condition'), message));
      }
    }
    for (const [field, expression] of Object.entries(edge.mapping ?? {})) {
      issues.push(...expressionIssues(expression, pointer('edges', index, 'mapping', field)));
    }
  }

  // 5. Data flow, which only means something on a DAG.
  if (topology.acyclic) {
    const ordered = topologicalWaves(topology.clean).flatMap((wave) =>
      wave.flatMap((id) => topology.blocks.get(id) ?? []),
    );
    issues.push(...matchSchemas({ ordered, edges: topology.edges, agents, invalidSchemas }));
  }

  return issues.length === 0 ? { ok: true, graph } : finish(issues);
}

function expressionIssues(source: string, at: string): ValidationIssue[] {
  const error = expressionSyntaxError(source);
  return error === undefined ? [] : [issue('INVALID_EXPRESSION', at, error)];
}

function schemaIssues(schema: JsonSchema | undefined, at: string, invalid: Set<string>): ValidationIssue[] {
  if (schema === undefined) return [];
  const found = checkJsonSchema(schema, at);
  if (found.length > 0) invalid.add(at);
  return found;
}

function checkBlock(
  block: Block,
  index: number,
  agents: ReadonlyMap<string, Agent>,
  tools: ReadonlySet<string> | undefined,
  invalidSchemas: Set<string>,
): ValidationIssue[] {
  const at = (...rest: string[]): string => pointer('nodes', index, ...rest);
  const issues = checkModel(
    BLOCK_CONFIG_SCHEMAS[block.type],
    block.config ?? {},
    'INVALID_BLOCK_CONFIG',
    at('config'),
  );
  const configValid = issues.length === 0;
  issues.push(...schemaIssues(block.inputSchema, at('inputSchema'), invalidSchemas));
  issues.push(...schemaIssues(block.outputSchema, at('outputSchema'), invalidSchemas));

  if (configValid && block.type === 'human') {
    const config = block.config as HumanConfig | undefined;
    issues.push(...schemaIssues(config?.inputSchema, at('config', 'inputSchema'), invalidSchemas));
  }
  if (configValid && block.type === 'transform') {
    const config = block.config as TransformConfig;
    issues.push(...expressionIssues(config.expression, at('config', 'expression')));
  }
  if (configValid && block.type === 'tool' && tools !== undefined) {
    const { tool } = block.config as ToolConfig;
    if (!tools.has(tool)) {
      const known = [...tools].sort().join(', ');
      issues.push(
        issue('UNKNOWN_TOOL', at('config', 'tool'), `no built-in tool "${tool}" (known: ${known})`),
      );
    }
  }

  if (block.agentId === undefined) {
    if (block.type === 'agent') {
      issues.push(issue('MISSING_AGENT_ID', at('agentId'), 'an agent block must name a catalog agent'));
    }
    return issues;
  }
  if (!CALLERS.has(block.type)) {
    const message = `${block.type} blocks do not call agents; remove agentId`;
    issues.push(issue('AGENT_NOT_ALLOWED', at('agentId'), message));
    return issues;
  }
  const agent = agents.get(block.agentId);
  if (agent === undefined) {
    issues.push(issue('UNKNOWN_AGENT', at('agentId'), `no agent "${block.agentId}" in the catalog`));
  } else if (block.type !== 'agent' && agent.kind !== 'tool') {
    const message = `${block.type} blocks run deterministic tools, but agent "${agent.id}" is ${agent.kind}; use an agent block`;
    issues.push(issue('AGENT_KIND_MISMATCH', at('agentId'), message));
  }
  return issues;
}

/** The outcome of `validateAgent`: the typed agent, or every problem found. */
export type AgentValidationResult = { ok: true; agent: Agent } | { ok: false; errors: ValidationIssue[] };

/** Validates an untrusted catalog agent: its shape, then that its input and output schemas are JSON Schemas. */
export function validateAgent(input: unknown): AgentValidationResult {
  const oversize = guardSize(input);
  if (oversize.length > 0) return { ok: false, errors: oversize };
  const structural = checkModel(Agent, input, 'INVALID_STRUCTURE');
  if (structural.length > 0) return { ok: false, errors: structural };
  const agent = input as Agent;
  const errors = [
    ...checkJsonSchema(agent.inputSchema, '/inputSchema'),
    ...checkJsonSchema(agent.outputSchema, '/outputSchema'),
  ];
  return errors.length === 0 ? { ok: true, agent } : { ok: false, errors };
}
