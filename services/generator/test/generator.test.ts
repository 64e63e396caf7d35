/**
 * The generator over gRPC on a real engine (agent catalog, saving) with the local planner: what a caller
 * gets back, what it may never get (agents it did not offer), and how bad requests are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaBus, parseEvent, Topics, type DagwrightEvent } from '@dagwright/events';
import { createLogger, type AppError, type CallContext } from '@dagwright/kit';
import { eventually, infra, uniqueName } from '@dagwright/testkit';
import { reachableFrom, validateGraph, type Graph } from '@dagwright/workflow';
import type { GeneratedWorkflow } from '../src/generation/generate.ts';
import { CATALOG } from './fixtures.ts';
import { putAgents, startGenerator, tenantContext, type GeneratorHarness } from './support.ts';

let h: GeneratorHarness;
let ctx: CallContext;
const ids = CATALOG.map((a) => a.id);
const catalog = new Map(CATALOG.map((a) => [a.id, a]));

beforeAll(async () => {
  h = await startGenerator();
  ctx = tenantContext();
  await putAgents(h, ctx, CATALOG);
}, 120_000);

afterAll(async () => {
  await h.close();
});

async function generate(
  request: Record<string, unknown>,
  as = ctx,
): Promise<GeneratedWorkflow & { saved: Record<string, unknown> }> {
  const response = await h.generator.generateWorkflow(request, as);
  return { ...(JSON.parse(String(response.generatedJson)) as GeneratedWorkflow), saved: response };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

const used = (graph: Graph) => graph.nodes.flatMap((n) => (n.agentId === undefined ? [] : [n.agentId]));

describe('generating a workflow', () => {
  const statement =
    'Get a freight quote for moving our pallets from Oslo to Berlin, then book the carrier. ' +
    'I want to approve the booking before it is made.';

  it('returns a valid graph with estimates, an approval before the guarded step, and an explanation', async () => {
    const result = await generate({ problemStatement: statement, agentIds: ids });
    expect(validateGraph(result.graph, catalog).ok).toBe(true);
    const agents = used(result.graph);
    expect(agents).toContain('book-carrier');
    expect(agents.some((id) => id.startsWith('quote-freight'))).toBe(true);
    expect(agents).not.toContain('track-shipment');

    const human = result.graph.nodes.find((n) => n.type === 'human');
    const book = result.graph.nodes.find((n) => n.agentId === 'book-carrier');
    expect(human && book && reachableFrom(result.graph, human.id).has(book.id)).toBe(true);

    const cost = agents.reduce((sum, id) => sum + (catalog.get(id)?.costPerCall ?? 0), 0);
    expect(result.metadata.estimatedCost).toBeCloseTo(cost);
    expect(result.metadata.estimatedDuration).toBeGreaterThan(0);
    expect(result.metadata.confidence).toBeGreaterThan(0);
    expect(result.metadata.confidence).toBeLessThanOrEqual(1);
    expect(['simple', 'moderate', 'complex']).toContain(result.metadata.complexity);
    expect(result.metadata.riskFactors).toContain(
      'the duration does not include the time a person takes to approve',
    );
    expect(result.explanation.reasoning.length).toBeGreaterThan(0);
    expect(result.generation).toMatchObject({ method: 'local-planner', usage: { costUsd: 0 } });
  });

  it('offers a cheaper variant when an offered agent with the same capabilities costs less', async () => {
    const premiumOnly = ids.filter((id) => id !== 'quote-freight-budget');
    const primary = await generate({ problemStatement: statement, agentIds: premiumOnly });
    expect(used(primary.graph)).toContain('quote-freight-premium');
    expect(primary.alternatives).toEqual([]);

    const both = await generate({
      problemStatement: statement,
      agentIds: ids,
      preferencesJson: JSON.stringify({ optimizeFor: 'accuracy' }),
    });
    for (const alternative of both.alternatives) {
      expect(validateGraph(alternative.graph, catalog).ok).toBe(true);
      if (alternative.kind === 'cheaper')
        expect(alternative.estimatedCost).toBeLessThan(both.metadata.estimatedCost);
      else expect(alternative.estimatedDuration).toBeLessThan(both.metadata.estimatedDuration);
    }
    if (used(both.graph).includes('quote-freight-premium'))
      expect(both.alternatives.map((a) => a.kind)).toContain('cheaper');
  });

  it('never uses an agent outside agentIds or one the constraints exclude', async () => {
    const offered = ['track-shipment', 'notify-customer', 'book-carrier'];
    const narrow = await generate({
      problemStatement: 'Track shipment TRK-1182 and email the customer where it is.',
      agentIds: offered,
      constraintsJson: JSON.stringify({ excludedAgents: ['book-carrier'] }),
    });
    expect(used(narrow.graph).every((id) => offered.includes(id) && id !== 'book-carrier')).toBe(true);
    expect(used(narrow.graph)).toEqual(expect.arrayContaining(['track-shipment', 'notify-customer']));
  });

  it('says which capability is missing instead of inventing an agent', async () => {
    const error = await failure(
      generate({
        problemStatement: statement,
        agentIds: ids,
        constraintsJson: JSON.stringify({ requiredCapabilities: ['customs-clearance'] }),
      }),
    );
    expect(error.code).toBe('MISSING_CAPABILITY');
    expect(error.details).toEqual([
      expect.objectContaining({
        path: '/constraints/requiredCapabilities',
        message: expect.stringContaining('customs-clearance') as unknown,
      }),
    ]);
  });
});

describe('bad requests', () => {
  it('are refused with every problem and its place, and store nothing', async () => {
    const as = tenantContext();
    await putAgents(h, as, CATALOG);
    const error = await failure(
      generate(
        {
          problemStatement: '   ',
          agentIds: ['track-shipment', 'no such id!'],
          constraintsJson: JSON.stringify({ maxCost: -1, bogus: true }),
          preferencesJson: JSON.stringify({ optimizeFor: 'fun' }),
          contextJson: '[1, 2]',
          save: true,
        },
        as,
      ),
    ).catch((e: unknown) => e as AppError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        '/problemStatement',
        '/agentIds/1',
        '/constraints/maxCost',
        '/constraints/bogus',
        '/preferences/optimizeFor',
      ]),
    );
    const contextError = await failure(
      generate({ problemStatement: 'Track a parcel', agentIds: ids, contextJson: '[1]' }, as),
    );
    expect(contextError.details[0]?.path).toBe('/context');
    const unknown = await failure(
      generate({ problemStatement: 'Track parcel TRK-1', agentIds: ['nope'], save: true }, as),
    );
    expect(unknown.details).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_AGENT', path: '/agentIds/0' }),
    ]);
    expect((await h.engine.listWorkflows({}, as)).workflows).toEqual([]);
  });

  it('do not see another tenant’s agents', async () => {
    const stranger = tenantContext();
    const error = await failure(
      generate({ problemStatement: 'Track parcel TRK-1', agentIds: ['track-shipment'] }, stranger),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details[0]?.code).toBe('UNKNOWN_AGENT');
  });
});

describe('saving', () => {
  it('stores the workflow with its AI metadata through the engine, which publishes workflow.created', async () => {
    const bus = createKafkaBus({
      brokers: infra().kafkaBrokers,
      clientId: 'generated-reader',
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    const seen: DagwrightEvent[] = [];
    const sub = await bus.subscribe({
      groupId: uniqueName('generated'),
      topics: [Topics.workflowCreated],
      fromBeginning: true,
      handle: (record) => {
        const event = parseEvent(record.value);
        if (event.clientid === ctx.tenant.clientId) seen.push(event);
        return Promise.resolve();
      },
    });
    try {
      const result = await generate({
        problemStatement: 'Track shipment TRK-77 and email the customer its status.',
        agentIds: ids,
        save: true,
        name: 'Parcel status',
      });
      const id = String(result.saved.workflowId);
      expect(result.saved.workflowVersion).toBe(1);
      const stored = await h.engine.getWorkflow({ id }, ctx);
      expect(stored.name).toBe('Parcel status');
      expect(JSON.parse(String(stored.graphJson))).toEqual(result.graph);
      expect(stored.aiMetadata).toMatchObject({ confidence: result.metadata.confidence });
      expect(['ai_generated', 'template']).toContain(
        (stored.aiMetadata as { generationMethod: string }).generationMethod,
      );
      await eventually(
        () => (seen.some((e) => e.subject === id) ? true : undefined),
        30_000,
        'workflow.created',
      );
    } finally {
      await sub.stop();
      await bus.close();
    }
  });
});

describe('batch generation', () => {
  it('generates in parallel, each item on its own, with a summary', async () => {
    const response = await h.generator.generateBatch(
      {
        parallel: true,
        maxConcurrency: 2,
        requests: [
          { problemStatement: 'Track shipment TRK-9 and tell the customer.', agentIds: ids },
          { problemStatement: '', agentIds: ids },
          { problemStatement: 'Quote freight from Rome to Madrid and book it.', agentIds: ids },
        ],
      },
      ctx,
    );
    expect(response).toMatchObject({ successful: 2, failed: 1 });
    expect(Number(response.totalTimeMs)).toBeGreaterThanOrEqual(0);
    const items = response.items as {
      index: number;
      result?: { generatedJson: string };
      error?: { code: string; details: { path: string }[] };
    }[];
    expect(items.map((i) => i.index)).toEqual([0, 1, 2]);
    expect(items[1]?.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: '/requests/1/problemStatement' })],
    });
    for (const i of [0, 2])
      expect(
        validateGraph(
          (JSON.parse(items[i]?.result?.generatedJson ?? '{}') as GeneratedWorkflow).graph,
          catalog,
        ).ok,
      ).toBe(true);
  });

  it('refuses empty and oversized batches', async () => {
    expect((await failure(h.generator.generateBatch({ requests: [] }, ctx))).code).toBe('VALIDATION_FAILED');
    const many = Array.from({ length: 51 }, () => ({ problemStatement: 'x', agentIds: ids }));
    expect((await failure(h.generator.generateBatch({ requests: many }, ctx))).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
