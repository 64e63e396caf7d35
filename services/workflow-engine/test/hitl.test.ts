import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '@dagwright/testkit';
import { blocksOf, contextOf, newTenant, startEngine, waitForRun, type EngineHarness } from './harness.ts';

let h: EngineHarness;
const ctx = contextOf(newTenant(), 'reviewer-1');

beforeAll(async () => {
  h = await startEngine();
});

afterAll(async () => {
  await h.close();
});

//   draft ──► review (human) ──► publish
//   index ──────────────────────► (done)
const graph = (humanConfig: object = {}) => ({
  executionMode: 'parallel',
  nodes: [
    { id: 'draft', name: 'draft', type: 'transform', config: { expression: '{"text": "hello"}' } },
    {
      id: 'review',
      name: 'review',
      type: 'human',
      config: {
        prompt: 'Approve the draft?',
        inputSchema: { type: 'object', properties: { editor: { type: 'string' } }, required: ['editor'] },
        ...humanConfig,
      },
    },
    {
      id: 'publish',
      name: 'publish',
      type: 'transform',
      config: { expression: '{"published": input.editor}' },
    },
    { id: 'index', name: 'index', type: 'delay', config: { ms: 300 } },
  ],
  edges: [
    { from: 'draft', to: 'review' },
    { from: 'review', to: 'publish' },
  ],
});

async function start(humanConfig?: object): Promise<string> {
  const id = uniqueName('hitl');
  await h.workflows.createWorkflow(
    { id, name: id, description: '', graphJson: JSON.stringify(graph(humanConfig)), tags: [] },
    ctx,
  );
  return String((await h.runs.executeWorkflow({ workflowId: id, inputJson: '{}' }, ctx)).id);
}

const waiting = (run: Record<string, unknown>) => run.status === 'waiting_human';

describe('human in the loop', () => {
  it('pauses one branch while the other completes, then resumes with validated input', async () => {
    const runId = await start();
    const parked = await waitForRun(h, runId, ctx, waiting);
    const blocks = blocksOf(parked);
    expect(blocks.get('review')?.status).toBe('waiting_human');
    expect(blocks.get('index')?.status).toBe('succeeded');
    expect(blocks.get('publish')?.status).toBe('pending');

    const invalid = await h.runs
      .resumeRun({ id: runId, blockId: 'review', decision: 'approve', inputJson: '{"editor": 7}' }, ctx)
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ kind: 'invalid_argument' });
    expect((await h.runs.getRun({ id: runId }, ctx)).status).toBe('waiting_human');

    await h.runs.resumeRun(
      { id: runId, blockId: 'review', decision: 'approve', inputJson: '{"editor": "ada"}', comment: 'ok' },
      ctx,
    );
    const done = await waitForRun(h, runId, ctx, (r) => r.status === 'succeeded');
    expect(JSON.parse(blocksOf(done).get('publish')?.outputJson ?? '{}')).toEqual({ published: 'ada' });
    expect(JSON.parse(blocksOf(done).get('review')?.outputJson ?? '{}')).toMatchObject({
      decision: 'approve',
      decidedBy: 'reviewer-1',
    });
  });

  it('lets exactly one of five concurrent resumes win; the others get a conflict', async () => {
    const runId = await start();
    await waitForRun(h, runId, ctx, waiting);
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((editor) =>
        h.runs.resumeRun(
          { id: runId, blockId: 'review', decision: 'approve', inputJson: JSON.stringify({ editor }) },
          ctx,
        ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const r of lost) expect(r.reason).toMatchObject({ kind: 'conflict', code: 'NOT_WAITING' });
    const done = await waitForRun(h, runId, ctx, (r) => r.status === 'succeeded');
    const published = JSON.parse(blocksOf(done).get('publish')?.outputJson ?? '{}') as { published: string };
    expect(['a', 'b', 'c', 'd', 'e']).toContain(published.published);
  });

  it('fails a strict run when the person rejects', async () => {
    const runId = await start();
    await waitForRun(h, runId, ctx, waiting);
    await h.runs.resumeRun({ id: runId, blockId: 'review', decision: 'reject', comment: 'tone is off' }, ctx);
    const done = await waitForRun(h, runId, ctx, (r) => r.status === 'failed');
    expect(String(done.error)).toMatch(/rejected by reviewer-1: tone is off/);
    expect(blocksOf(done).get('publish')?.status).toBe('skipped');
  });

  it('applies the configured outcome when nobody answers in time', async () => {
    const runId = await start({ timeoutMs: 300, onTimeout: 'approve', inputSchema: undefined });
    const done = await waitForRun(h, runId, ctx, (r) => r.status === 'succeeded', 20_000);
    expect(JSON.parse(blocksOf(done).get('review')?.outputJson ?? '{}')).toMatchObject({
      decision: 'approve',
      decidedBy: 'timeout',
    });
  });

  it('cancels a waiting run and refuses answers afterwards', async () => {
    const runId = await start();
    await waitForRun(h, runId, ctx, waiting);
    const cancelled = await h.runs.cancelRun({ id: runId, reason: 'no longer needed' }, ctx);
    expect(cancelled.status).toBe('cancelled');
    expect(blocksOf(cancelled).get('review')?.status).toBe('cancelled');
    const late = await h.runs
      .resumeRun({ id: runId, blockId: 'review', decision: 'approve', inputJson: '{"editor":"x"}' }, ctx)
      .catch((e: unknown) => e);
    expect(late).toMatchObject({ kind: 'conflict', code: 'RUN_ENDED' });
  });
});
