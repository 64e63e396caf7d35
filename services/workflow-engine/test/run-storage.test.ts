/**
 * The run storage layout against the real database: a small head rewritten by every write, one document per
 * event, and the head's journal that covers a crash between the two. Several `RunRepository` instances on
 * one database play several engine replicas (each remembers what it wrote, as a replica does).
 */
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, uniqueName, type TestDatabase } from '@dagwright/testkit';
import { record, transition } from '../src/execution/run-state.ts';
import { decodeJournal } from '../src/runs/run-journal.ts';
import { newRunDoc, type RunDoc } from '../src/runs/run.model.ts';
import { RunRepository } from '../src/runs/run.repository.ts';
import { newTenant } from './harness.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await testDatabase('run_storage');
  db = database.db;
  await new RunRepository(db).ensureIndexes();
});

afterAll(async () => {
  await database.cleanup();
});

//   b0 ──► b1 ──► ... ──► b(n-1)
async function createChain(repo: RunRepository, tenant = newTenant(), blocks = 3, runId = uniqueName('run')) {
  const blockIds = Array.from({ length: blocks }, (_, i) => `b${i}`);
  const graph = {
    executionMode: 'sequential',
    nodes: blockIds.map((id) => ({ id, name: id, type: 'transform', config: { expression: '$' } })),
    edges: blockIds.slice(1).map((id, i) => ({ from: `b${i}`, to: id })),
  };
  const run = newRunDoc({
    tenant,
    runId,
    workflowId: 'wf',
    workflowVersion: 1,
    graph: JSON.stringify(graph),
    blockIds,
    input: '{}',
    createdBy: 'tester',
  });
  await repo.insert(run);
  return { tenant, runId };
}

/** Block `i` succeeds and the next one starts, in one write (as the driver writes a chain). */
const finishBlock =
  (i: number) =>
  (doc: RunDoc): RunDoc => {
    if (i === 0) {
      doc.status = 'running';
      record(doc, { kind: 'run', status: 'running' });
      transition(doc, 'b0', 'running', { attempts: 1 });
    }
    transition(doc, `b${i}`, 'succeeded', { output: JSON.stringify({ i }) });
    if (doc.blocks.some((b) => b.blockId === `b${i + 1}`))
      transition(doc, `b${i + 1}`, 'running', { attempts: 1 });
    return doc;
  };

const storedSeqs = async (runId: string) =>
  (await db.collection('run_events').find({ runId }).toArray())
    .map((e) => e.seq as number)
    .sort((a, b) => a - b);

describe('run storage', () => {
  it('loses nothing when a replica dies between the head compare-and-set and the insert of its events', async () => {
    const writer = new RunRepository(db);
    const { tenant, runId } = await createChain(writer);
    const log = {
      ...tenant,
      runId,
      blockId: 'b0',
      blockType: 'transform',
      attempt: 1,
      startedAt: new Date(),
      input: '{}',
      output: '{"i":0}',
      cost: 0,
      tokens: 0,
    };
    await writer.update(tenant, runId, (doc) => {
      finishBlock(0)(doc);
      // The log of the attempt rides on the completion event (the last event of b0 in this write).
      const completion = doc.newEvents.findLast((e) => e.blockId === 'b0');
      if (completion) completion.log = log;
      return doc;
    });
    const head = await db.collection('runs').findOne({ runId });
    const journaled = decodeJournal(String(head?.journal)).events.map((e) => e.seq);
    expect(journaled).toEqual([2, 3, 4, 5]);
    // The crash: the head was written, the events of its journal never reached `run_events`.
    await db.collection('run_events').deleteMany({ runId, seq: { $in: journaled } });
    expect(await storedSeqs(runId)).toEqual([1]);

    // Another replica reads the run as the head says it is...
    const other = new RunRepository(db);
    const seen = await other.get(tenant, runId);
    expect(seen.blocks.map((b) => [b.blockId, b.status])).toEqual([
      ['b0', 'succeeded'],
      ['b1', 'running'],
      ['b2', 'pending'],
    ]);
    expect(JSON.parse(seen.blocks[0]?.output ?? '{}')).toEqual({ i: 0 });
    expect(await other.logsOf(tenant, runId)).toEqual([log]);
    const streamed = await other.eventsAfter(tenant, runId, 0);
    expect(streamed.events.map((e) => [e.seq, e.blockId ?? 'run', e.status])).toEqual([
      [1, 'run', 'queued'],
      [2, 'run', 'running'],
      [3, 'b0', 'running'],
      [4, 'b0', 'succeeded'],
      [5, 'b1', 'running'],
    ]);

    // ...and its next write stores the lost events before replacing the journal that holds them.
    await other.update(tenant, runId, finishBlock(1));
    expect(await storedSeqs(runId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The first replica, which still remembers the run as it left it, loses its compare-and-set and re-reads.
    await writer.update(tenant, runId, finishBlock(2));
    const done = await new RunRepository(db).get(tenant, runId);
    expect(done.blocks.map((b) => b.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(done.lastSeq).toBe(8);
    expect(await storedSeqs(runId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rewrites a head of the same size whatever the length of the run', async () => {
    const repo = new RunRepository(db);
    const { tenant, runId } = await createChain(repo, newTenant(), 40);
    const headSize = async () => JSON.stringify(await db.collection('runs').findOne({ runId })).length;
    const sizes: number[] = [];
    for (let i = 0; i < 39; i++) {
      await repo.update(tenant, runId, finishBlock(i));
      if (i === 4 || i === 38) sizes.push(await headSize());
    }
    const head = await db.collection('runs').findOne({ runId });
    expect(head).not.toHaveProperty('graph');
    expect(head).not.toHaveProperty('blocks');
    expect(head).not.toHaveProperty('input');
    const [early = 0, late = 0] = sizes;
    // Only counters and timestamps differ (a few bytes), not the 35 more blocks the run has finished.
    expect(Math.abs(late - early)).toBeLessThan(64);
    expect((await repo.get(tenant, runId)).blocks.filter((b) => b.status === 'succeeded')).toHaveLength(39);
  });

  it('serialises concurrent writers of two replicas: every write lands once, events stay gapless', async () => {
    const [a, b] = [new RunRepository(db), new RunRepository(db)];
    const { tenant, runId } = await createChain(a);
    await a.update(tenant, runId, (doc) => {
      transition(doc, 'b0', 'running', { attempts: 1 });
      return doc;
    });
    const attempt = (doc: RunDoc): RunDoc => {
      const state = doc.blocks[0];
      if (state) state.attempts += 1;
      record(doc, { kind: 'block', blockId: 'b0', status: 'running', detail: '{}' });
      return doc;
    };
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).update(tenant, runId, attempt)),
    );
    const run = await new RunRepository(db).get(tenant, runId);
    expect(run.blocks[0]?.attempts).toBe(11);
    expect(await storedSeqs(runId)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('keeps two tenants apart even when their runs have the same id', async () => {
    const repo = new RunRepository(db);
    const runId = uniqueName('run');
    const mine = await createChain(repo, newTenant(), 3, runId);
    const theirs = await createChain(repo, newTenant(), 3, runId);
    await repo.update(mine.tenant, runId, finishBlock(0));
    expect((await repo.get(theirs.tenant, runId)).blocks.map((b) => b.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect((await repo.eventsAfter(theirs.tenant, runId, 0)).events).toHaveLength(1);
    await expect(repo.get(newTenant(), runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
