import { renderTemplate, type ModelRegistry } from '@dagwright/llm';
import { compileExpression, configOf, type Block } from '@dagwright/workflow';
import { callAgent } from './agent-call.ts';
import { BlockError, sleep, type BlockHandler } from './block-handler.ts';
import { httpCall, type HttpPolicy } from './http-call.ts';
import { builtInTools, type Tool } from './tools.ts';

/** Handlers of the block types that do work; `condition` and `human` are the executor's own. */
export type WorkingBlockType = Exclude<Block['type'], 'condition' | 'human'>;

function tool(tools: ReadonlyMap<string, Tool>, name: string): Tool {
  const found = tools.get(name);
  if (found === undefined)
    throw new BlockError(`unknown tool '${name}'; built-in tools are ${[...tools.keys()].join(', ')}`, false);
  return found;
}

/** Builds the handler of every working block type; agentic agents run on `models` (see agent-call.ts). */
export function blockHandlers(
  httpPolicy: HttpPolicy,
  models: ModelRegistry,
): Record<WorkingBlockType, BlockHandler> {
  const tools = builtInTools(httpPolicy);
  return {
    tool: async (ctx) => {
      const config = configOf(ctx.block as Block & { type: 'tool' });
      const output = await tool(
        tools,
        config.tool,
      )({
        params: config.params ?? {},
        input: ctx.input,
        idempotencyKey: ctx.idempotencyKey,
        signal: ctx.signal,
      });
      return { output };
    },

    agent: async (ctx) => {
      const agent = ctx.agent;
      if (agent === undefined)
        throw new BlockError(`agent '${ctx.block.agentId ?? ''}' is not in the catalog`, false);
      const impl = agent.implementation;
      if (agent.kind === 'tool') {
        const name = typeof impl.tool === 'string' ? impl.tool : '';
        const params = (impl.params ?? {}) as Record<string, unknown>;
        const output = await tool(
          tools,
          name,
        )({ params, input: ctx.input, idempotencyKey: ctx.idempotencyKey, signal: ctx.signal });
        return { output, cost: agent.costPerCall };
      }
      return callAgent(models, agent, ctx);
    },

    http: async (ctx) => {
      const config = configOf(ctx.block as Block & { type: 'http' });
      const response = await httpCall(
        httpPolicy,
        {
          url: renderTemplate(config.url, ctx.input),
          method: config.method,
          headers: config.headers,
          body: config.body ?? (config.method === 'GET' || config.method === 'HEAD' ? undefined : ctx.input),
        },
        ctx.idempotencyKey,
        ctx.signal,
      );
      return { output: { status: response.status, body: response.body } };
    },

    transform: async (ctx) => {
      const config = configOf(ctx.block as Block & { type: 'transform' });
      try {
        return { output: await compileExpression(config.expression).evaluate(ctx.input) };
      } catch (error) {
        throw new BlockError(`transform failed: ${(error as Error).message}`, false, error);
      }
    },

    delay: async (ctx) => {
      const config = configOf(ctx.block as Block & { type: 'delay' });
      await sleep(config.ms, ctx.signal);
      return { output: ctx.input };
    },
  };
}
