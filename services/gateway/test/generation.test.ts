/**
 * Generation through the gateway on a real engine and generator: the first-run loop (starter catalog, a
 * sentence, a saved workflow, a run with an approval), batches with per-item rate limits, the legacy route,
 * and templates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { DEMO_INPUT, DEMO_STATEMENT, STARTER_AGENTS } from '../../../scripts/demo-catalog.ts';
import { startEngine, startGenerator, type RunningEngine, type RunningGenerator } from './support/engine.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';
import { TEMPLATE } from './support/routes.ts';

let engine: RunningEngine;
let generator: RunningGenerator;
let gw: TestGateway;
let h: Record<string, string>;

interface Generated {
  graph: { nodes: { id: string; type: string; agentId?: string }[]; edges: { from: string; to: string }[] };
  metadata: {
    confidence: number;
    estimatedCost: number;
    estimatedDuration: number;
    requiredInputs: string[];
  };
  alternatives: unknown[];
  explanation: { reasoning: string; designDecisions: string[]; potentialIssues: string[] };
  workflowId: string | null;
  workflowVersion: number | null;
}

beforeAll(async () => {
  engine = await startEngine();
  generator = await startGenerator(engine.address);
  gw = await startGateway(engine.address, { generatorAddress: generator.address });
  const client = uniqueName('gen');
  h = headers({ bearer: await token({ client, roles: ['operator'] }) }, { client });
  for (const agent of STARTER_AGENTS) {
    const put = await gw.http.inject({
      method: 'PUT',
      url: `/api/v2/agents/${agent.id}`,
      headers: h,
      payload: agent,
    });
    expect(put.statusCode, put.body).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await gw.close();
  await generator.close();
  await engine.close();
});

const post = (url: string, payload: object, as = h) =>
  gw.http.inject({ method: 'POST', url, headers: as, payload });

describe('the first-run loop', () => {
  it('turns the demo sentence into a saved workflow that runs to the end, through its approval', async () => {
    const generated = await post('/api/v2/workflows/generate/enhanced', {
      problemStatement: DEMO_STATEMENT,
      agentIds: STARTER_AGENTS.map((a) => a.id),
      save: true,
    });
    expect(generated.statusCode, generated.body).toBe(200);
    const body = generated.json<Generated>();
    const agents = body.graph.nodes.flatMap((n) => (n.agentId === undefined ? [] : [n.agentId]));
    expect(agents).toEqual(expect.arrayContaining(['summarize-text', 'classify-request', 'draft-reply']));
    expect(body.graph.nodes.some((n) => n.type === 'human')).toBe(true);
    expect(body.metadata.estimatedCost).toBeCloseTo(0.002 + 0.001 + 0.003);
    expect(body.metadata.requiredInputs).toEqual(['text']);
    expect(body.workflowId).not.toBeNull();

    const stored = await gw.http.inject({
      method: 'GET',
      url: `/api/v2/workflows/${body.workflowId}`,
      headers: h,
    });
    expect(stored.json<{ aiMetadata: { confidence: number } }>().aiMetadata.confidence).toBe(
      body.metadata.confidence,
    );

    let run = (await post(`/api/v2/workflows/${body.workflowId}/execute`, { input: DEMO_INPUT })).json<{
      id: string;
      status: string;
      blocks: { blockId: string; status: string; output: unknown }[];
    }>();
    for (let i = 0; i < 200 && !['succeeded', 'failed', 'cancelled'].includes(run.status); i++) {
      const waiting = run.blocks.find((b) => b.status === 'waiting_human');
      if (waiting !== undefined) {
        const resumed = await post(`/api/v2/runs/${run.id}/resume`, {
          blockId: waiting.blockId,
          decision: 'approve',
        });
        expect(resumed.statusCode, resumed.body).toBe(200);
      } else await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await gw.http.inject({ method: 'GET', url: `/api/v2/runs/${run.id}`, headers: h })).json();
    }
    expect(run.status).toBe('succeeded');
    const draft = run.blocks.find(
      (b) => b.blockId === body.graph.nodes.find((n) => n.agentId === 'draft-reply')?.id,
    );
    expect((draft?.output as { draft: string }).draft).toContain('billing');
  });
});

describe('generation routes', () => {
  it('refuse bad requests with the place of each problem', async () => {
    const bad = await post('/api/v2/workflows/generate/enhanced', {
      problemStatement: '',
      preferences: { optimizeFor: 'vibes' },
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await post('/api/v2/workflows/generate/enhanced', {
      problemStatement: 'Summarise the text',
      agentIds: ['not-in-catalog'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      '/agentIds/0',
    );
  });

  it('take run input the workflow needs from the request context', async () => {
    const response = await post('/api/v2/workflows/generate/enhanced', {
      problemStatement: 'Summarise the text and draft a reply',
      context: { text: 'My invoice is wrong.', unrelated: 1 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const metadata = response.json<{ metadata: { requiredInputs: string[]; suggestedInput: object } }>()
      .metadata;
    expect(metadata.requiredInputs).toEqual(['text']);
    expect(metadata.suggestedInput).toEqual({ text: 'My invoice is wrong.' });
  });

  it('charge a batch per item against the rate limit', async () => {
    const limited = await startGateway(engine.address, {
      generatorAddress: generator.address,
      settings: {
        rateLimit: { windowMs: 60_000, client: 1000, credential: 25, aiWeight: 10, executeWeight: 5 },
      },
    });
    try {
      const client = uniqueName('batch');
      const as = headers({ bearer: await token({ client, roles: ['developer'] }) }, { client });
      const item = { problemStatement: 'Summarise the text and draft a reply' };
      const two = await limited.http.inject({
        method: 'POST',
        url: '/api/v2/workflows/generate/batch',
        headers: as,
        payload: { requests: [item, item] },
      });
      expect(two.statusCode, two.body).toBe(200);
      const three = await limited.http.inject({
        method: 'POST',
        url: '/api/v2/workflows/generate/batch',
        headers: as,
        payload: { requests: [item] },
      });
      expect(three.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('answer a batch with one item per request and a summary', async () => {
    const response = await post('/api/v2/workflows/generate/batch', {
      parallel: true,
      maxConcurrency: 2,
      requests: [
        {
          problemStatement: 'Summarise the text and draft a reply',
          agentIds: STARTER_AGENTS.map((a) => a.id),
        },
        { problemStatement: 'Summarise the text', agentIds: ['not-in-catalog'] },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      items: { index: number; result: Generated | null; error: { code: string } | null }[];
      summary: { successful: number; failed: number; totalTime: number };
    }>();
    expect(body.summary).toMatchObject({ successful: 1, failed: 1 });
    expect(body.items[0]?.result?.graph.nodes.length).toBeGreaterThan(0);
    expect(body.items[1]?.error?.code).toBe('VALIDATION_FAILED');
  });

  it('keep the legacy POST /generate working, marked deprecated', async () => {
    const legacy = await post('/generate', {
      problemStatement: 'Summarise the text and draft a reply',
      client: 'old',
    });
    expect(legacy.statusCode, legacy.body).toBe(200);
    expect(legacy.headers.deprecation).toBe('true');
    const body = legacy.json<{ workflow: { nodes: unknown[] }; confidence: number; workflowId: null }>();
    expect(body.workflow.nodes.length).toBeGreaterThan(0);
    expect(body.workflowId).toBeNull();
    const anonymous = await gw.http.inject({
      method: 'POST',
      url: '/generate',
      payload: { problemStatement: 'Summarise the text' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('template routes', () => {
  it('create, list, update and delete a template; built-ins are read-only', async () => {
    const created = await post('/api/v2/templates', { ...TEMPLATE, id: 'support-intake' });
    expect(created.statusCode, created.body).toBe(201);
    const listed = await gw.http.inject({
      method: 'GET',
      url: '/api/v2/templates?domain=support',
      headers: h,
    });
    const ids = listed.json<{ items: { id: string; builtin: boolean }[] }>().items.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['support-intake', 'support-triage']));
    const { id: _id, ...content } = TEMPLATE;
    const put = await gw.http.inject({
      method: 'PUT',
      url: '/api/v2/templates/support-intake',
      headers: h,
      payload: { ...content, name: 'Support intake v2' },
    });
    expect(put.json<{ name: string }>().name).toBe('Support intake v2');
    const builtin = await gw.http.inject({
      method: 'DELETE',
      url: '/api/v2/templates/support-triage',
      headers: h,
    });
    expect(builtin.statusCode).toBe(422);
    const removed = await gw.http.inject({
      method: 'DELETE',
      url: '/api/v2/templates/support-intake',
      headers: h,
    });
    expect(removed.statusCode).toBe(204);
  });
});
