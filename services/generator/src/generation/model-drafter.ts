import { AppError, type Logger } from '@dagwright/kit';
import { StructuredOutputError, type ChatMessage, type ModelRegistry } from '@dagwright/llm';
import { Graph, validateGraph, type Agent, type JsonSchema, type ValidationIssue } from '@dagwright/workflow';
import type { Draft, Drafter, DraftInput } from './draft.ts';

/** Repairs of a model's graph after its first answer (each feeds the validation errors back). */
export const MODEL_REPAIRS = 2;

/** The answer a model gives: a graph plus its own account of it. */
const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    graph: Graph as unknown as JsonSchema,
    reasoning: { type: 'string' },
    designDecisions: { type: 'array', items: { type: 'string' } },
    missingCapabilities: { type: 'array', items: { type: 'string' } },
  },
  required: ['graph', 'reasoning', 'designDecisions', 'missingCapabilities'],
} as JsonSchema;

interface Answer {
  graph: Graph;
  reasoning: string;
  designDecisions: string[];
  missingCapabilities: string[];
}

/** The offered agents as the model sees them: what each does and which fields it reads and writes. */
function describeAgents(agents: readonly Agent[]): string {
  const fields = (schema: Agent['inputSchema']) =>
    Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}).join(', ');
  return agents
    .map(
      (a) =>
        `- ${a.id} (${a.kind}): ${a.description} capabilities: ${a.capabilities.join(', ')}; ` +
        `input: {${fields(a.inputSchema)}} required [${((a.inputSchema.required as string[] | undefined) ?? []).join(', ')}]; ` +
        `output: {${fields(a.outputSchema)}}; cost ${a.costPerCall}; latency ${a.avgLatencyMs} ms`,
    )
    .join('\n');
}

function promptOf(input: DraftInput): ChatMessage[] {
  const template =
    input.template === undefined
      ? ''
      : `\nA template fits: "${input.template.name}". Its phases, in order: ${input.template.phases
          .map((p) => `${p.name} (${p.capabilities.join('/')})`)
          .join(' → ')}.`;
  return [
    {
      role: 'system',
      content:
        'You design workflows as DAGs for Dagwright. Use only the offered agents (type "agent" blocks with their ' +
        'agentId), "human" blocks (config.prompt) where the statement asks for review, approval or sign-off before ' +
        'the steps it guards, and edges that follow data dependencies; independent steps must not depend on each ' +
        'other. Leave out agents the statement rules out. An edge mapping {targetField: JSONata over the source ' +
        'output} may read the run input as $input. If the statement needs something no agent can do, list it in ' +
        'missingCapabilities instead of inventing an agent.',
    },
    {
      role: 'user',
      content:
        `Statement: ${input.problemStatement}\nDomain: ${input.domain}\nPreferences: ${JSON.stringify(input.preferences)}\n` +
        `Constraints: ${JSON.stringify(input.constraints)}\nContext: ${JSON.stringify(input.context)}${template}\nOffered agents:\n${describeAgents(input.agents.slice(0, MAX_PROMPT_AGENTS))}`,
    },
  ];
}

/** Most offered agents described to a model; a larger catalog is cut to the first ones (give `agentIds`). */
export const MAX_PROMPT_AGENTS = 200;

/** Block types a model may use: the ones that call nothing outside the catalog (no `http`, no `tool`). */
const MODEL_BLOCK_TYPES = new Set(['agent', 'human', 'condition', 'transform', 'delay']);

/** Problems of a model's graph: the workflow validator's, plus block types a model may not introduce. */
function problemsOf(graph: Graph, agents: readonly Agent[]): ValidationIssue[] {
  const checked = validateGraph(graph, agents);
  const issues: ValidationIssue[] = checked.ok ? [] : [...checked.errors];
  (Array.isArray(graph.nodes) ? graph.nodes : []).forEach((node, i) => {
    if (!MODEL_BLOCK_TYPES.has(node.type))
      issues.push({
        code: 'INVALID_STRUCTURE',
        path: `/nodes/${i}/type`,
        message: `use only ${[...MODEL_BLOCK_TYPES].join(', ')} blocks`,
      });
  });
  return issues;
}

/** What a failed model call is called in answers: its error code, never its text (it may name hosts or keys). */
function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : 'MODEL_ERROR';
}

/**
 * Drafts with a model through the LLM layer, feeding the workflow validator's errors back a bounded number of
 * times. When the model fails or its graph stays invalid, the local planner drafts instead and says so; what
 * the model calls cost is reported either way.
 */
export function modelDrafter(
  registry: ModelRegistry,
  modelId: string,
  reason: string,
  fallback: Drafter,
  logger: Logger,
): Drafter {
  return {
    async draft(input) {
      const spent = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
      let note: string;
      try {
        const drafted = await draftWithModel(registry, modelId, reason, input, spent);
        if (problemsOf(drafted.graph, input.agents).length === 0) return drafted;
        note = `${modelId} gave no valid workflow after ${MODEL_REPAIRS} repairs; the local planner drafted it`;
      } catch (error) {
        if (error instanceof StructuredOutputError) {
          spent.inputTokens += error.usage.inputTokens;
          spent.outputTokens += error.usage.outputTokens;
          spent.costUsd += error.costUsd;
        }
        logger.warn({ err: error, model: modelId }, 'model drafting failed; the local planner drafts');
        note = `${modelId} failed (${codeOf(error)}); the local planner drafted it`;
      }
      input.signal?.throwIfAborted();
      const local = await fallback.draft(input);
      return { ...local, usage: spent, notes: [...local.notes, note] };
    },
  };
}

async function draftWithModel(
  registry: ModelRegistry,
  modelId: string,
  reason: string,
  input: DraftInput,
  usage: { inputTokens: number; outputTokens: number; costUsd: number },
): Promise<Draft> {
  const messages = promptOf(input);
  const notes: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const result = await registry.generateStructured<Answer>(modelId, {
      schema: ANSWER_SCHEMA,
      schemaName: 'workflow',
      messages,
      ...(input.signal === undefined ? {} : { signal: input.signal }),
    });
    usage.inputTokens += result.usage.inputTokens;
    usage.outputTokens += result.usage.outputTokens;
    usage.costUsd += result.costUsd;
    const answer = result.value;
    const problems = problemsOf(answer.graph, input.agents);
    if (problems.length === 0 || attempt >= MODEL_REPAIRS) {
      if (attempt > 0) notes.push(`the model's graph needed ${attempt} repair round(s)`);
      return {
        graph: answer.graph,
        method: 'model',
        model: { provider: result.provider, model: result.model, reason },
        usage,
        reasoning: [answer.reasoning],
        designDecisions: answer.designDecisions,
        missingCapabilities: answer.missingCapabilities,
        ruledOut: [],
        suggestedInput: {},
        requiredInputs: [],
        notes,
      } satisfies Draft;
    }
    messages.push(
      { role: 'assistant', content: JSON.stringify(answer) },
      {
        role: 'user',
        content: `That workflow is invalid; fix these and answer again:\n${problems
          .slice(0, 20)
          .map((e) => `- ${e.code} at ${e.path}: ${e.message}`)
          .join('\n')}`,
      },
    );
  }
}
