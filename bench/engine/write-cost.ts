/**
 * Baseline (b), one journaled updateOne, and what one block transition costs as the run grows, written
 * the way the engine first did (one document per run), in four alternative layouts, and in the layout the
 * engine uses now (small head + one document per event).
 */
import { performance } from 'node:perf_hooks';
import { record, transition } from '../../services/workflow-engine/src/execution/run-state.ts';
import {
  documentsOf,
  encodeJournal,
  eventKey,
  journalOf,
} from '../../services/workflow-engine/src/runs/run-journal.ts';
import type { RunDoc, RunEventDoc, RunHeadDoc } from '../../services/workflow-engine/src/runs/run.model.ts';
import type { Db } from './engine.ts';
import { newRun } from './engine.ts';
import { chain } from './graphs.ts';
import { percentile } from './stats.ts';

/** Durations (ms) of `n` sequential `updateOne({_id}, {$set: {x: i}}, {writeConcern: {w: 1, j: true}})`. */
export async function journaledUpdates(db: Db, n: number, warmup = 50): Promise<number[]> {
  const collection = db.collection<{ _id: string; x: number }>('bench_write');
  await collection.deleteMany({});
  await collection.insertOne({ _id: 'w', x: 0 });
  const times: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const started = performance.now();
    await collection.updateOne({ _id: 'w' }, { $set: { x: i } }, { writeConcern: { w: 1, j: true } });
    if (i >= warmup) times.push(performance.now() - started);
  }
  return times;
}

/** A run in the earlier single-document layout: graph, input, block states and every event in one document. */
type SingleDocRun = Omit<RunDoc, 'newEvents' | 'lastSeq'> & { events: RunEventDoc[] };

/** A run of a `blocks`-block chain in which every block has run, built with the engine's own helpers. */
function finishedRun(blocks: number): RunDoc {
  const run = newRun({ clientId: 'bench', projectId: 'bench', workspaceId: 'bench' }, chain(blocks).graph);
  run.status = 'running';
  run.startedAt = new Date();
  run.leaseOwner = 'bench';
  run.leaseUntil = new Date(Date.now() + 15_000);
  record(run, { kind: 'run', status: 'running' });
  for (const [i, state] of run.blocks.entries()) {
    transition(run, state.blockId, 'running', { attempts: 1, startedAt: new Date() });
    transition(run, state.blockId, 'succeeded', {
      finishedAt: new Date(),
      output: '{}',
      firedEdges: i + 1 < run.blocks.length ? [i] : [],
    });
  }
  return run;
}

/** The same run as the engine stored it before the head/events layout: one document. */
function singleDocument(run: RunDoc): SingleDocRun {
  const { newEvents, lastSeq: _lastSeq, ...fields } = run;
  return { ...fields, events: newEvents };
}

/** Per-transition p50 (ms) at one run size. */
export interface WriteCostRow {
  blocks: number;
  docBytes: number;
  /** `findOne` of the whole run, as `RunRepository.update` reads it. */
  findMs: number;
  /** `replaceOne` of the whole run with the version compare-and-set, as `RunRepository.update` writes it. */
  replaceMs: number;
  /** The first `RunRepository.update`: read, structuredClone, one transition, replace. */
  engineUpdateMs: number;
  /** Same document, written as `$set` of `blocks.<i>.*` + `$push` of the event + `$inc` of the version, no read. */
  partialMs: number;
  /** Run document without the graph and the event list: partial `$set` (no read) + insertOne of the event. */
  leanMs: number;
  /** One document per block state (`_id` runId:blockId, CAS on status) + insertOne of the event. */
  perBlockMs: number;
  /** One document per block state that also keeps its own transitions: one updateOne per transition. */
  perBlockOneWriteMs: number;
  /**
   * The layout the engine uses now: compare-and-set of the small head (with the journal of the write) +
   * insert of the event, which carries the block's new state.
   */
  headLayoutMs: number;
}

type Key = Pick<RunDoc, 'clientId' | 'projectId' | 'workspaceId' | 'runId'>;

/**
 * Measures one block transition written six ways on runs of growing size (chains of `sizes`
 * blocks, every block finished: the largest the document gets). `iterations` of each, p50 reported.
 */
export async function writeCostBySize(
  db: Db,
  sizes: readonly number[],
  iterations: number,
): Promise<WriteCostRow[]> {
  const runs = db.collection<SingleDocRun>('bench_runs');
  const lean = db.collection<Omit<SingleDocRun, 'graph' | 'events'>>('bench_lean_runs');
  const blockDocs = db.collection<{ _id: string; status: string; version: number }>('bench_run_blocks');
  const events = db.collection<{ _id: string }>('bench_run_events');
  const heads = db.collection<RunHeadDoc>('bench_heads');
  const layoutEvents = db.collection<{ _id: string } & Record<string, unknown>>('bench_layout_events');
  const rows: WriteCostRow[] = [];
  for (const blocks of sizes) {
    await Promise.all([runs, lean, blockDocs, events, heads, layoutEvents].map((c) => c.deleteMany({})));
    const run = finishedRun(blocks);
    const base = singleDocument(run);
    await runs.insertOne({ ...base });
    // The same run in the engine's layout: its head (journal of the last write) and one document per event.
    const tenant = { clientId: run.clientId, projectId: run.projectId, workspaceId: run.workspaceId };
    const { head } = documentsOf({ ...run, newEvents: [] });
    await heads.insertOne(head);
    const stored = journalOf({ ...run, lastSeq: 0, blocks: [], newEvents: [] }, run, run.version).events;
    await layoutEvents.insertMany(
      stored.map((e) => ({ ...e, _id: eventKey(tenant, run.runId, e.seq), ...tenant, runId: run.runId })),
    );
    let headVersion = run.version;
    const { graph: _graph, events: _events, ...leanDoc } = base;
    await lean.insertOne({ ...leanDoc });
    await blockDocs.insertMany(
      base.blocks.map((b) => ({
        ...b,
        _id: `${base.runId}:${b.blockId}`,
        runId: base.runId,
        version: 1,
        transitions: [],
      })),
    );
    const key: Key = {
      clientId: base.clientId,
      projectId: base.projectId,
      workspaceId: base.workspaceId,
      runId: base.runId,
    };
    const find: number[] = [];
    const replace: number[] = [];
    const engine: number[] = [];
    const partial: number[] = [];
    const leanTimes: number[] = [];
    const perBlock: number[] = [];
    const perBlockOne: number[] = [];
    const headLayout: number[] = [];
    let version = base.version;
    let leanVersion = base.version;
    let seq = base.events.length;
    const event = (blockId: string): RunEventDoc => ({
      seq,
      kind: 'block',
      blockId,
      status: 'succeeded',
      at: new Date(),
    });
    for (let i = 0; i < iterations; i++) {
      const target = i % blocks;
      const blockId = `c${target}`;
      const setOne = {
        [`blocks.${target}.status`]: 'succeeded',
        [`blocks.${target}.finishedAt`]: new Date(),
        [`blocks.${target}.output`]: '{}',
      };

      // Today: read the whole run, clone, mutate, replace the whole run if the version held.
      let t = performance.now();
      const current = await runs.findOne(key, { projection: { _id: 0 } });
      find.push(performance.now() - t);
      if (current === null) throw new Error('bench run vanished');
      const next = structuredClone(current);
      // Same size before and after: flip one block's status without appending an event.
      const state = next.blocks.find((b) => b.blockId === blockId);
      if (state === undefined) throw new Error(`bench run has no block ${blockId}`);
      state.status = state.status === 'succeeded' ? 'running' : 'succeeded';
      const r = performance.now();
      const replaced = await runs.replaceOne(
        { ...key, version: current.version },
        { ...next, version: current.version + 1 },
      );
      replace.push(performance.now() - r);
      engine.push(performance.now() - t);
      if (replaced.modifiedCount !== 1) throw new Error('unexpected lost compare-and-set');
      version = current.version + 1;

      // Partial update of the same document; the driver knows the version it last wrote, so no read.
      seq += 1;
      t = performance.now();
      const patched = await runs.updateOne(
        { ...key, version },
        { $set: setOne, $push: { events: event(blockId) }, $inc: { version: 1 } },
      );
      partial.push(performance.now() - t);
      if (patched.modifiedCount !== 1) throw new Error('unexpected lost compare-and-set (partial)');
      version += 1;

      // Lean run document (graph stored once elsewhere, events in their own collection).
      seq += 1;
      t = performance.now();
      const leaned = await lean.updateOne(
        { ...key, version: leanVersion },
        { $set: setOne, $inc: { version: 1 } },
      );
      await events.insertOne({ _id: `${base.runId}:${seq}`, ...event(blockId) });
      leanTimes.push(performance.now() - t);
      if (leaned.modifiedCount !== 1) throw new Error('unexpected lost compare-and-set (lean)');
      leanVersion += 1;

      // One document per block: compare-and-set on the block's own status, event inserted beside it.
      const id = `${base.runId}:${blockId}`;
      // Every block document is 'succeeded' between iterations: there and back again.
      const from = 'succeeded';
      const to = 'running';
      seq += 1;
      t = performance.now();
      const moved = await blockDocs.updateOne(
        { _id: id, status: from },
        { $set: { status: to, finishedAt: new Date(), output: '{}' }, $inc: { version: 1 } },
      );
      await events.insertOne({ _id: `${base.runId}:${seq}`, ...event(blockId) });
      perBlock.push(performance.now() - t);
      if (moved.modifiedCount !== 1) throw new Error('unexpected lost compare-and-set (per block)');

      // The same with the block's transitions kept in its own document: one write per transition.
      seq += 1;
      t = performance.now();
      const movedBack = await blockDocs.updateOne(
        { _id: id, status: to },
        {
          $set: { status: from, finishedAt: new Date() },
          $push: { transitions: event(blockId) },
          $inc: { version: 1 },
        },
      );
      perBlockOne.push(performance.now() - t);
      if (movedBack.modifiedCount !== 1)
        throw new Error('unexpected lost compare-and-set (per block, one write)');

      // The engine's layout: the head's compare-and-set carries the journal, then the event is inserted.
      seq += 1;
      const journaled = {
        ...event(blockId),
        block: { blockId, status: 'succeeded' as const, attempts: 1, output: '{}', cost: 0, tokens: 0 },
      };
      t = performance.now();
      const headMoved = await heads.updateOne(
        { _id: head._id, ...tenant, runId: run.runId, version: headVersion },
        {
          $set: {
            version: headVersion + 1,
            lastSeq: seq,
            journal: encodeJournal({ version: headVersion + 1, events: [journaled] }),
          },
        },
      );
      await layoutEvents.insertMany(
        [{ ...journaled, _id: eventKey(tenant, run.runId, seq), ...tenant, runId: run.runId }],
        { ordered: false },
      );
      headLayout.push(performance.now() - t);
      if (headMoved.modifiedCount !== 1) throw new Error('unexpected lost compare-and-set (head)');
      headVersion += 1;
    }
    rows.push({
      blocks,
      docBytes: JSON.stringify(base).length,
      findMs: percentile(find, 50),
      replaceMs: percentile(replace, 50),
      engineUpdateMs: percentile(engine, 50),
      partialMs: percentile(partial, 50),
      leanMs: percentile(leanTimes, 50),
      perBlockMs: percentile(perBlock, 50),
      perBlockOneWriteMs: percentile(perBlockOne, 50),
      headLayoutMs: percentile(headLayout, 50),
    });
  }
  await Promise.all(
    [runs, lean, blockDocs, events, heads, layoutEvents].map((c) => c.drop().catch(() => undefined)),
  );
  return rows;
}

/** p50 (ms) of single-document operations on a collection of `docs` small documents. */
export interface CollectionCostRow {
  docs: number;
  /** `updateOne({_id})` of one document. */
  updateByIdMs: number;
  /** `insertOne` of a new document. */
  insertMs: number;
  /** `findOne({_id})`. */
  findByIdMs: number;
  /** `find` of the documents of one run by a field (a tenth of the collection). */
  findByRunMs: number;
}

/**
 * How single-document operations cost as a collection grows (documents of ten runs, ~300 bytes each). It
 * decides the layout on FerretDB/SQLite: an update or a query by field reads the whole collection there,
 * an insert and a read by `_id` do not.
 */
export async function collectionCostBySize(
  db: Db,
  sizes: readonly number[],
  iterations: number,
): Promise<CollectionCostRow[]> {
  const collection = db.collection<{ _id: string } & Record<string, unknown>>('bench_collection_cost');
  const rows: CollectionCostRow[] = [];
  const timed = async (run: (i: number) => Promise<unknown>): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    return percentile(times, 50);
  };
  for (const docs of sizes) {
    await collection.deleteMany({});
    const all = Array.from({ length: docs }, (_, i) => ({
      _id: `r${i % 10}/b${i}`,
      runId: `r${i % 10}`,
      blockId: `b${i}`,
      status: 'succeeded',
      attempts: 1,
      output: JSON.stringify({ text: 'x'.repeat(200) }),
    }));
    for (let i = 0; i < all.length; i += 1000) await collection.insertMany(all.slice(i, i + 1000));
    const id = (i: number) => `r0/b${(i * 10) % docs}`;
    rows.push({
      docs,
      updateByIdMs: await timed((i) => collection.updateOne({ _id: id(i) }, { $set: { attempts: i } })),
      insertMs: await timed((i) => collection.insertOne({ _id: `new/${docs}/${i}`, runId: 'new' })),
      findByIdMs: await timed((i) => collection.findOne({ _id: id(i) })),
      findByRunMs: await timed(() => collection.find({ runId: 'r0' }).toArray()),
    });
  }
  await collection.drop().catch(() => undefined);
  return rows;
}
