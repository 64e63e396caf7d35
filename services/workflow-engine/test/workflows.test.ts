import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, infra, uniqueName } from '@dagwright/testkit';
import { createKafkaBus, parseEvent, Topics, type DagwrightEvent } from '@dagwright/events';
import { createLogger } from '@dagwright/kit';
import { WorkflowRepository } from '../src/workflows/workflow.repository.ts';
import { contextOf, newTenant, startEngine, type EngineHarness } from './harness.ts';

let h: EngineHarness;
const tenant = newTenant();
const ctx = contextOf(tenant);
const other = contextOf(newTenant());

/** An object nested `depth` levels deep. */
const nest = (depth: number): object => (depth === 0 ? {} : { a: nest(depth - 1) });

const summarizer = {
  id: 'summarizer',
  name: 'Summarizer',
  description: 'Summarises text by extraction',
  kind: 'agentic',
  capabilities: ['summarize'],
  domains: ['text'],
  inputSchemaJson: JSON.stringify({
    type: 'object',
    properties: { text: { type: 'string' } },
    required: ['text'],
  }),
  outputSchemaJson: JSON.stringify({
    type: 'object',
    properties: { summary: { type: 'string' } },
    required: ['summary'],
  }),
  costPerCall: 0.002,
  avgLatencyMs: '40',
  model: '',
  implementationJson: JSON.stringify({ task: 'summarize', sentences: 1 }),
};

//   fetch ──► summarize
const graph = {
  executionMode: 'sequential',
  nodes: [
    {
      id: 'fetch',
      name: 'Make text',
      type: 'transform',
      config: { expression: '{"text": text}' },
      outputSchema: { type: 'object', properties: { text: { type: 'string' } } },
    },
    { id: 'summarize', name: 'Summarize', type: 'agent', agentId: 'summarizer' },
  ],
  edges: [{ from: 'fetch', to: 'summarize' }],
};

beforeAll(async () => {
  h = await startEngine();
  await h.agents.putAgent({ agent: summarizer }, ctx);
});

afterAll(async () => {
  await h.close();
});

describe('workflow CRUD', () => {
  it('creates, reads, versions, lists and deletes a workflow', async () => {
    const created = await h.workflows.createWorkflow(
      {
        id: 'wf-1',
        name: 'Digest',
        description: 'daily digest',
        graphJson: JSON.stringify(graph),
        tags: ['daily'],
      },
      ctx,
    );
    expect(created).toMatchObject({
      id: 'wf-1',
      name: 'Digest',
      version: 1,
      tags: ['daily'],
      createdBy: 'tester',
    });
    expect(created.aiMetadata).toMatchObject({ generationMethod: 'manual' });

    const updated = await h.workflows.updateWorkflow(
      {
        id: 'wf-1',
        name: 'Digest v2',
        description: '',
        graphJson: JSON.stringify({ ...graph, executionMode: 'parallel' }),
        tags: ['daily'],
        expectedVersion: 1,
      },
      ctx,
    );
    expect(updated.version).toBe(2);
    const stale = await h.workflows
      .updateWorkflow(
        {
          id: 'wf-1',
          name: 'x',
          description: '',
          graphJson: JSON.stringify(graph),
          tags: [],
          expectedVersion: 1,
        },
        ctx,
      )
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ kind: 'conflict', code: 'VERSION_MISMATCH' });

    expect((await h.workflows.getWorkflow({ id: 'wf-1', version: 1 }, ctx)).name).toBe('Digest');
    expect(
      JSON.parse(String((await h.workflows.getWorkflow({ id: 'wf-1', version: 0 }, ctx)).graphJson)),
    ).toMatchObject({ executionMode: 'parallel' });
    const versions = await h.workflows.listWorkflowVersions({ id: 'wf-1', page: { pageSize: 10 } }, ctx);
    expect((versions.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);
    const listed = await h.workflows.listWorkflows({ page: { pageSize: 10 }, tag: 'daily' }, ctx);
    expect((listed.workflows as { id: string }[]).map((w) => w.id)).toEqual(['wf-1']);

    await h.workflows.deleteWorkflow({ id: 'wf-1' }, ctx);
    await expect(h.workflows.getWorkflow({ id: 'wf-1' }, ctx)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses an invalid graph with structured errors and stores nothing', async () => {
    //   a ──► b ──► a   (a cycle, and an agent the catalog lacks)
    const bad = {
      executionMode: 'parallel',
      nodes: [
        { id: 'a', name: 'A', type: 'agent', agentId: 'ghost' },
        { id: 'b', name: 'B', type: 'transform', config: { expression: '$' } },
      ],
      edges: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    };
    const error = (await h.workflows
      .createWorkflow(
        { id: 'wf-bad', name: 'Bad', description: '', graphJson: JSON.stringify(bad), tags: [] },
        ctx,
      )
      .catch((e: unknown) => e)) as { kind: string; details: { code: string; path: string }[] };
    expect(error.kind).toBe('invalid_argument');
    const codes = error.details.map((d) => d.code);
    expect(codes).toContain('CYCLE');
    expect(codes).toContain('UNKNOWN_AGENT');
    expect(error.details.find((d) => d.code === 'UNKNOWN_AGENT')?.path).toBe('graphJson/nodes/0/agentId');
    await expect(h.workflows.getWorkflow({ id: 'wf-bad' }, ctx)).rejects.toMatchObject({ kind: 'not_found' });

    const notJson = await h.workflows
      .createWorkflow({ name: 'x', description: '', graphJson: '{nope', tags: [] }, ctx)
      .catch((e: unknown) => e);
    expect(notJson).toMatchObject({
      kind: 'invalid_argument',
      details: [{ code: 'INVALID_JSON', path: 'graphJson' }],
    });
  });

  it('rejects dangling edges, mismatched schemas and oversized documents, storing nothing', async () => {
    const cases: [string, object, string, string][] = [
      //   a ──► (missing)
      [
        'dangling',
        {
          executionMode: 'sequential',
          nodes: [{ id: 'a', name: 'A', type: 'delay', config: { ms: 1 } }],
          edges: [{ from: 'a', to: 'missing' }],
        },
        'UNKNOWN_EDGE_TARGET',
        'graphJson/edges/0/to',
      ],
      //   numbers ──► summarize (needs text: string)
      [
        'mismatch',
        {
          executionMode: 'sequential',
          nodes: [
            {
              id: 'numbers',
              name: 'N',
              type: 'transform',
              config: { expression: '{"count": 1}' },
              outputSchema: {
                type: 'object',
                properties: { count: { type: 'integer' } },
                required: ['count'],
              },
            },
            { id: 'summarize', name: 'S', type: 'agent', agentId: 'summarizer' },
          ],
          edges: [{ from: 'numbers', to: 'summarize' }],
        },
        'SCHEMA_MISMATCH',
        'graphJson/nodes/1',
      ],
      [
        'oversized',
        {
          executionMode: 'parallel',
          nodes: Array.from({ length: 600 }, (_, i) => ({
            id: `n${i}`,
            name: 'x'.repeat(100),
            type: 'delay',
            config: { ms: 1 },
          })),
          edges: [],
        },
        'INVALID_STRUCTURE',
        'graphJson/nodes',
      ],
      [
        'deep',
        {
          executionMode: 'sequential',
          nodes: [{ id: 'a', name: 'A', type: 'tool', config: { tool: 'json.transform', params: nest(60) } }],
          edges: [],
        },
        'INPUT_TOO_LARGE',
        'graphJson',
      ],
    ];
    for (const [id, bad, code, path] of cases) {
      const error = (await h.workflows
        .createWorkflow({ id, name: id, description: '', graphJson: JSON.stringify(bad), tags: [] }, ctx)
        .catch((e: unknown) => e)) as { kind: string; details: { code: string; path: string }[] };
      expect(error.kind, id).toBe('invalid_argument');
      const detail = error.details.find((d) => d.code === code);
      expect(detail, `${id}: ${JSON.stringify(error.details)}`).toBeDefined();
      expect(detail?.path.startsWith(path), `${id}: ${detail?.path ?? ''}`).toBe(true);
      await expect(h.workflows.getWorkflow({ id }, ctx)).rejects.toMatchObject({ kind: 'not_found' });
    }
  });

  it('keeps runs to their tenant: another tenant can neither see nor change them', async () => {
    await h.workflows.createWorkflow(
      { id: 'mine', name: 'Mine', description: '', graphJson: JSON.stringify(graph), tags: [] },
      ctx,
    );
    await expect(
      h.runs.executeWorkflow({ workflowId: 'mine', inputJson: '{"text":"x"}' }, other),
    ).rejects.toMatchObject({ kind: 'not_found' });
    const run = await h.runs.executeWorkflow(
      { workflowId: 'mine', inputJson: '{"text":"Hello there. This is a test."}' },
      ctx,
    );
    const id = String(run.id);
    await expect(h.runs.getRun({ id }, other)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(h.runs.getRunLogs({ id }, other)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(h.runs.cancelRun({ id, reason: 'x' }, other)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      h.runs.resumeRun({ id, blockId: 'fetch', decision: 'approve' }, other),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(h.stream(id, other)).rejects.toMatchObject({ code: 5 });
    expect((await h.runs.listRuns({ page: { pageSize: 100 } }, other)).runs).toEqual([]);
    expect((await h.runs.getRun({ id }, ctx)).id).toBe(id);
  });

  it("never shows one tenant another tenant's workflows or agents", async () => {
    await h.workflows.createWorkflow(
      { id: 'private', name: 'Private', description: '', graphJson: JSON.stringify(graph), tags: [] },
      ctx,
    );
    await expect(h.workflows.getWorkflow({ id: 'private' }, other)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect((await h.workflows.listWorkflows({ page: { pageSize: 100 } }, other)).workflows).toEqual([]);
    await expect(h.agents.getAgent({ id: 'summarizer' }, other)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(h.workflows.deleteWorkflow({ id: 'private' }, other)).rejects.toMatchObject({
      kind: 'not_found',
    });
    // The other tenant may use the same id for its own workflow; it needs its own agent first.
    await h.agents.putAgent({ agent: summarizer }, other);
    await h.workflows.createWorkflow(
      { id: 'private', name: 'Theirs', description: '', graphJson: JSON.stringify(graph), tags: [] },
      other,
    );
    expect((await h.workflows.getWorkflow({ id: 'private' }, ctx)).name).toBe('Private');
  });

  it('publishes workflow.created for the create and for each new version', async () => {
    const bus = createKafkaBus({
      brokers: infra().kafkaBrokers,
      clientId: 'created-reader',
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    const seen: DagwrightEvent[] = [];
    const sub = await bus.subscribe({
      groupId: uniqueName('created'),
      topics: [Topics.workflowCreated],
      fromBeginning: true,
      handle: (record) => {
        const event = parseEvent(record.value);
        if (event.clientid === tenant.clientId) seen.push(event);
        return Promise.resolve();
      },
    });
    try {
      await h.workflows.createWorkflow(
        { id: 'evented', name: 'Evented', description: '', graphJson: JSON.stringify(graph), tags: [] },
        ctx,
      );
      await h.workflows.updateWorkflow(
        { id: 'evented', name: 'Evented', description: '', graphJson: JSON.stringify(graph), tags: [] },
        ctx,
      );
      await eventually(
        () => (seen.filter((e) => e.subject === 'evented').length >= 2 ? true : undefined),
        30_000,
        'two created events',
      );
    } finally {
      await sub.stop();
      await bus.close();
    }
    const mine = seen
      .filter((e) => e.subject === 'evented')
      .map((e) => e.data as { version: number; blockCount: number });
    expect(mine.map((d) => d.version).sort()).toEqual([1, 2]);
    expect(mine[0]?.blockCount).toBe(2);
  });

  it('gives legacy workflows without AI metadata the seed defaults, idempotently', async () => {
    const conn = await mongoose.createConnection(infra().mongoUrl, { dbName: h.dbName }).asPromise();
    try {
      const repo = new WorkflowRepository(conn.db as Db);
      await repo.heads.insertOne({
        ...tenant,
        workflowId: 'old',
        name: 'Old',
        description: '',
        tags: [],
        latestVersion: 1,
        createdBy: 'x',
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      expect(await repo.migrateLegacyMetadata()).toBe(1);
      expect(await repo.migrateLegacyMetadata()).toBe(0);
      const head = await repo.head(tenant, 'old');
      expect(head.aiMetadata).toEqual({
        generationMethod: 'legacy',
        confidence: 0.8,
        optimizationHistory: '[]',
        testResults: '[]',
        feedbackData: '[]',
      });
    } finally {
      await conn.close();
    }
  });
});
