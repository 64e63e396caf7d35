/**
 * Baseline (b), one journaled updateOne, and what one block transition costs as the run document grows,
 * written the engine's way and in four alternative layouts.
 */
import { performance } from 'node:perf_hooks';
import { blockState, transition } from '../../services/workflow-engine/src/execution/run-state.ts';
import type { RunDoc, RunEventDoc } from '../../services/workflow-engine/src/runs/run.model.ts';
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

/** A run of a `blocks`-block chain in which every block has run, built with the engine's own helpers. */
function finishedRun(blocks: number): RunDoc {
  const run = newRun({ clientId: 'bench', projectId: 'bench', workspaceId: 'bench' }, chain(blocks).graph);
  run.status = 'running';
  run.startedAt = new Date();
  run.leaseOwner = 'bench';
  run.leaseUntil = new Date(Date.now() + 15_000);
  run.events.push({ seq: 2, kind: 'run', status: 'running', at: new Date() });
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

/** Per-transition p50 (ms) at one run size. */
export interface WriteCostRow {
  blocks: number;
  docBytes: number;
  /** `findOne` of the whole run, as `RunRepository.update` reads it. */
  findMs: number;
  /** `replaceOne` of the whole run with the version compare-and-set, as `RunRepository.update` writes it. */
  replaceMs: number;
  /** Today's `RunRepository.update`: read, structuredClone, one transition, replace. */
  engineUpdateMs: number;
  /** Same document, written as `$set` of `blocks.<i>.*` + `$push` of the event + `$inc` of the version, no read. */
  partialMs: number;
  /** Run document without the graph and the event list: partial `$set` (no read) + insertOne of the event. */
  leanMs: number;
  /** One document per block state (`_id` runId:blockId, CAS on status) + insertOne of the event. */
  perBlockMs: number;
  /** One document per block state that also keeps its own transitions: one updateOne per transition. */
  perBlockOneWriteMs: number;
}

type Key = Pick<RunDoc, 'clientId' | 'projectId' | 'workspaceId' | 'runId'>;

/**
 * Measures one block transition written five ways on run documents of growing size (chains of `sizes`
 * blocks, every block finished: the largest the document gets). `iterations` of each, p50 reported.
 */
export async function writeCostBySize(
  db: Db,
  sizes: readonly number[],
  iterations: number,
): Promise<WriteCostRow[]> {
  const runs = db.collection<RunDoc>('bench_runs');
  const lean = db.collection<Omit<RunDoc, 'graph' | 'events'>>('bench_lean_runs');
  const blockDocs = db.collection<{ _id: string; status: string; version: number }>('bench_run_blocks');
  const events = db.collection<{ _id: string }>('bench_run_events');
  const rows: WriteCostRow[] = [];
  for (const blocks of sizes) {
    await Promise.all([runs, lean, blockDocs, events].map((c) => c.deleteMany({})));
    const base = finishedRun(blocks);
    await runs.insertOne({ ...base });
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
      const state = blockState(next, blockId);
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
    });
  }
  await Promise.all([runs, lean, blockDocs, events].map((c) => c.drop().catch(() => undefined)));
  return rows;
}
