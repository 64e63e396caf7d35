import type { ChatMessage, ModelRegistry } from '@dagwright/llm';
import { Graph, validateGraph, type Agent, type JsonSchema } from '@dagwright/workflow';
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
        `Constraints: ${JSON.stringify(input.constraints)}\nContext: ${JSON.stringify(input.context)}${template}\nOffered agents:\n${describeAgents(input.agents)}`,
    },
  ];
}

/**
 * Drafts with a model through the LLM layer, feeding the workflow validator's errors back a bounded number of
 * times. When the model fails or its graph stays invalid, the local planner drafts instead and says so.
 */
export function modelDrafter(
  registry: ModelRegistry,
  modelId: string,
  reason: string,
  fallback: Drafter,
): Drafter {
  return {
    async draft(input) {
      try {
        const drafted = await draftWithModel(registry, modelId, reason, input);
        if (validateGraph(drafted.graph, input.agents).ok) return drafted;
        const local = await fallback.draft(input);
        return {
          ...local,
          notes: [
            ...local.notes,
            `${modelId} gave no valid workflow after ${MODEL_REPAIRS} repairs; the local planner drafted it`,
          ],
        };
      } catch (error) {
        const local = await fallback.draft(input);
        const why = error instanceof Error ? error.message : String(error);
        return {
          ...local,
          notes: [...local.notes, `${modelId} failed (${why}); the local planner drafted it`],
        };
      }
    },
  };
}

async function draftWithModel(
  registry: ModelRegistry,
  modelId: string,
  reason: string,
  input: DraftInput,
): Promise<Draft> {
  const messages = promptOf(input);
  const usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
  const notes: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const result = await registry.generateStructured<Answer>(modelId, {
      schema: ANSWER_SCHEMA,
      schemaName: 'workflow',
      messages,
    });
    usage.inputTokens += result.usage.inputTokens;
    usage.outputTokens += result.usage.outputTokens;
    usage.costUsd += result.costUsd;
    const answer = result.value;
    const checked = validateGraph(answer.graph, input.agents);
    if (checked.ok || attempt >= MODEL_REPAIRS) {
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
        content: `That workflow is invalid; fix these and answer again:\n${checked.errors
          .slice(0, 20)
          .map((e) => `- ${e.code} at ${e.path}: ${e.message}`)
          .join('\n')}`,
      },
    );
  }
}
