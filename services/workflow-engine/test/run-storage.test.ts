/**
 * The run storage layout against the real database: a small head rewritten by every write, one document per
 * event, and the head's journal, which holds the events of the latest writes until they are stored in one batch. Several `RunRepository` instances on
 * one database play several engine replicas (each remembers what it wrote, as a replica does).
 */
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@dagwright/kit';
import { testDatabase, uniqueName, type TestDatabase } from '@dagwright/testkit';
import { record, transition } from '../src/execution/run-state.ts';
import { decodeJournal, JOURNAL_LIMIT } from '../src/runs/run-journal.ts';
import { newRunDoc, type RunDoc, type RunLogDoc } from '../src/runs/run.model.ts';
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

/** The attempt log of block `i`'s success, as the driver attaches it to the completion event. */
const attemptLog = (tenant: Tenant, runId: string, i: number): RunLogDoc => ({
  ...tenant,
  runId,
  blockId: `b${i}`,
  blockType: 'transform',
  attempt: 1,
  startedAt: new Date(1000 + i),
  input: '{}',
  output: JSON.stringify({ i }),
  cost: 0,
  tokens: 0,
});

/** `finishBlock(i)` with the attempt's log on the completion event. */
const finishLogged =
  (tenant: Tenant, runId: string, i: number) =>
  (doc: RunDoc): RunDoc => {
    finishBlock(i)(doc);
    const completion = doc.newEvents.findLast((e) => e.blockId === `b${i}` && e.status === 'succeeded');
    if (completion) completion.log = attemptLog(tenant, runId, i);
    return doc;
  };

const journalSeqs = async (runId: string) => {
  const head = await db.collection('runs').findOne({ runId });
  return decodeJournal(String(head?.journal)).events.map((e) => e.seq);
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const storedSeqs = async (runId: string) =>
  (await db.collection('run_events').find({ runId }).toArray())
    .map((e) => e.seq as number)
    .sort((a, b) => a - b);

describe('run storage', () => {
  it('reads a run whose journal holds several writes, mid-run, each event once and in order', async () => {
    const writer = new RunRepository(db);
    const { tenant, runId } = await createChain(writer, newTenant(), 10);
    for (let i = 0; i < 5; i++) await writer.update(tenant, runId, finishLogged(tenant, runId, i));
    // Five writes, one head write each: their events wait in the journal, none is in `run_events` yet.
    expect(await journalSeqs(runId)).toEqual(range(2, 13));
    expect(await storedSeqs(runId)).toEqual([1]);

    const reader = new RunRepository(db);
    const seen = await reader.get(tenant, runId);
    expect(seen.lastSeq).toBe(13);
    expect(seen.blocks.map((b) => b.status)).toEqual([
      ...Array<string>(5).fill('succeeded'),
      'running',
      ...Array<string>(4).fill('pending'),
    ]);
    expect(seen.blocks.map((b) => b.output)).toEqual([
      ...range(0, 4).map((i) => JSON.stringify({ i })),
      ...Array<undefined>(5).fill(undefined),
    ]);
    const streamed = await reader.eventsAfter(tenant, runId, 0);
    expect(streamed.status).toBe('running');
    expect(streamed.events.map((e) => e.seq)).toEqual(range(1, 13));
    expect(streamed.events.slice(0, 6).map((e) => [e.blockId ?? 'run', e.status])).toEqual([
      ['run', 'queued'],
      ['run', 'running'],
      ['b0', 'running'],
      ['b0', 'succeeded'],
      ['b1', 'running'],
      ['b1', 'succeeded'],
    ]);
    expect((await reader.eventsAfter(tenant, runId, 9)).events.map((e) => e.seq)).toEqual(range(10, 13));
    expect(await reader.logsOf(tenant, runId)).toEqual(range(0, 4).map((i) => attemptLog(tenant, runId, i)));
    const [listed] = await reader.list(tenant, { size: 10, after: undefined }, {});
    expect(listed?.blocks.filter((b) => b.status === 'succeeded')).toHaveLength(5);

    // Some of the journal's events stored meanwhile (a flush cut short): still each once.
    await writer.forget(tenant, runId);
    await db.collection('run_events').deleteMany({ runId, seq: { $in: [3, 7, 13] } });
    expect((await reader.eventsAfter(tenant, runId, 0)).events.map((e) => e.seq)).toEqual(range(1, 13));
    expect((await reader.get(tenant, runId)).blocks.map((b) => b.status)).toEqual(
      seen.blocks.map((b) => b.status),
    );
  });

  it('loses nothing when a replica dies with several writes in the journal, and stores each event once', async () => {
    const writer = new RunRepository(db);
    const { tenant, runId } = await createChain(writer, newTenant(), 4);
    for (let i = 0; i < 3; i++) await writer.update(tenant, runId, finishLogged(tenant, runId, i));
    // The crash: the replica never stores the journal's events (and a few it stored are gone again).
    expect(await journalSeqs(runId)).toEqual(range(2, 9));
    await db.collection('run_events').deleteMany({ runId, seq: { $gt: 1 } });

    // Another replica reads the run as the head says it is...
    const other = new RunRepository(db);
    expect((await other.get(tenant, runId)).blocks.map((b) => b.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'running',
    ]);
    expect((await other.eventsAfter(tenant, runId, 0)).events.map((e) => e.seq)).toEqual(range(1, 9));
    expect(await other.logsOf(tenant, runId)).toEqual(range(0, 2).map((i) => attemptLog(tenant, runId, i)));

    // ...and when it takes over, it stores the lost events before its write replaces the journal.
    await other.update(tenant, runId, finishBlock(3));
    expect(await storedSeqs(runId)).toEqual(range(1, 9));
    expect(await journalSeqs(runId)).toEqual([10]);
    // The first replica, which still remembers the run as it left it, loses its compare-and-set and re-reads.
    await writer.update(tenant, runId, (doc) => {
      doc.status = 'succeeded';
      record(doc, { kind: 'run', status: 'succeeded' });
      return doc;
    });
    // The run ended: everything is stored, each event once.
    expect(await storedSeqs(runId)).toEqual(range(1, 11));
    const done = await new RunRepository(db).get(tenant, runId);
    expect(done.blocks.map((b) => b.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(done.lastSeq).toBe(11);
  });

  it('keeps the head bounded over 200 transitions, storing the journal in batches', async () => {
    const repo = new RunRepository(db);
    const { tenant, runId } = await createChain(repo, newTenant(), 100);
    const sizes: number[] = [];
    const journals: number[] = [];
    for (let i = 0; i < 100; i++) {
      await repo.update(tenant, runId, finishBlock(i));
      const head = await db.collection('runs').findOne({ runId });
      sizes.push(JSON.stringify(head).length);
      journals.push(decodeJournal(String(head?.journal)).events.length);
    }
    const head = await db.collection('runs').findOne({ runId });
    expect(head).not.toHaveProperty('graph');
    expect(head).not.toHaveProperty('blocks');
    expect(head?.lastSeq).toBe(202);
    // The journal empties whenever it fills: at most JOURNAL_LIMIT.events events, whatever the run's length...
    expect(Math.max(...journals)).toBeLessThanOrEqual(JOURNAL_LIMIT.events);
    expect(journals.filter((n, i) => i > 0 && n < (journals[i - 1] ?? 0)).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThan(JOURNAL_LIMIT.bytes + 2048);
    // ...so the head late in the run is no bigger than early on: only ids and sequence numbers one digit
    // longer (a few bytes per event), not the 50 more blocks the run has finished.
    expect(Math.max(...sizes.slice(50))).toBeLessThan(Math.max(...sizes.slice(0, 50)) + 1024);
    // Every event not in the journal is stored: at most one journal's worth waits.
    expect((await storedSeqs(runId)).length).toBeGreaterThanOrEqual(202 - (journals.at(-1) ?? 0));
    const run = await new RunRepository(db).get(tenant, runId);
    expect(run.blocks.filter((b) => b.status === 'succeeded')).toHaveLength(100);
    expect((await repo.eventsAfter(tenant, runId, 0)).events.map((e) => e.seq)).toEqual(range(1, 202));
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
    expect((await a.eventsAfter(tenant, runId, 0)).events.map((e) => e.seq)).toEqual(range(1, 12));
    await Promise.all([a.forget(tenant, runId), b.forget(tenant, runId)]);
    expect(await storedSeqs(runId)).toEqual(range(1, 12));
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
