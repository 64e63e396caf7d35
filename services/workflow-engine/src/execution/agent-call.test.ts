import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registryFromEnv, type ModelRegistry } from '@dagwright/llm';
import { chatCompletion, wireServer, type WireServer } from '@dagwright/testkit';
import type { Agent } from '@dagwright/workflow';
import { callAgent } from './agent-call.ts';
import { BlockError, type BlockContext } from './block-handler.ts';

const summarizer: Agent = {
  id: 'summarize-ticket',
  name: 'Ticket Summarizer',
  description: 'Summarises a support ticket in one sentence.',
  kind: 'agentic',
  capabilities: ['summarize'],
  domains: ['support'],
  inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  outputSchema: {
    type: 'object',
    properties: { summary: { type: 'string' } },
    required: ['summary'],
    additionalProperties: false,
  },
  costPerCall: 0.001,
  avgLatencyMs: 500,
  implementation: { task: 'summarize', field: 'text', sentences: 1 },
};

const context = (agent: Agent, input: Record<string, unknown>): BlockContext => ({
  tenant: { clientId: 'c', projectId: 'p', workspaceId: 'w' },
  runId: 'run-1',
  block: {
    id: 'summary',
    name: 'Summary',
    type: 'agent',
    agentId: agent.id,
    config: { prompt: 'Be brief.' },
  },
  input,
  idempotencyKey: 'run-1:summary',
  signal: new AbortController().signal,
  agent,
});

function registry(env: Record<string, string>): ModelRegistry {
  return registryFromEnv(env, { backoff: { backoffInitialMs: 5, backoffMaxMs: 20 } });
}

describe('agentic agents', () => {
  let server: WireServer;
  beforeEach(async () => {
    server = await wireServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('run on the local engine when no model provider is configured', async () => {
    const text = 'The printer on floor 3 is jammed. Nobody can print invoices. Please send someone today.';
    const result = await callAgent(registry({}), summarizer, context(summarizer, { text }));
    expect(result).toMatchObject({ model: 'local', cost: 0.001 });
    expect((result.output as { summary: string }).summary.length).toBeGreaterThan(0);
    expect(text).toContain((result.output as { summary: string }).summary);
    expect(server.requests).toHaveLength(0);
  });

  it('go through the configured model with the agent’s output schema, and add the model’s cost', async () => {
    server.reply({
      body: chatCompletion(JSON.stringify({ summary: 'Printer jammed on floor 3.' }), 'gpt-4o-2024-08-06'),
    });
    const models = registry({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${server.origin}/v1`,
      OPENAI_MODEL: 'gpt-4o',
    });
    const result = await callAgent(
      models,
      summarizer,
      context(summarizer, { text: 'The printer is jammed.' }),
    );
    expect(result.output).toEqual({ summary: 'Printer jammed on floor 3.' });
    expect(result.model).toBe('gpt-4o-2024-08-06');
    expect(result.cost).toBeGreaterThan(0.001);
    expect(result.tokens).toBe(150);
    const request = server.requests[0]?.body as {
      messages: { role: string; content: string }[];
      response_format: unknown;
    };
    expect(request.messages[0]?.content).toContain('Be brief.');
    expect(request.messages[1]?.content).toBe(JSON.stringify({ text: 'The printer is jammed.' }));
    expect(request.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('fail without retry when the local engine cannot do the task, naming the configuration that would', async () => {
    const writer: Agent = { ...summarizer, id: 'write-poem', implementation: { task: 'poem' } };
    const error = await callAgent(registry({}), writer, context(writer, { text: 'x' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BlockError);
    expect((error as BlockError).retryable).toBe(false);
    expect((error as BlockError).message).toContain('OPENAI_API_KEY');
  });
});
