/**
 * Baseline (a): a bare in-process topological executor over the same graph. It computes the waves with
 * libs/workflow's `topologicalWaves` and runs each wave's blocks concurrently, each block being a no-op
 * that awaits a microtask (or, for the second variant, the engine's real `transform` handler). Nothing is
 * persisted, so the difference to the engine is the price of durability and scheduling.
 */
import { performance } from 'node:perf_hooks';
import type { Graph } from '../../libs/workflow/src/index.ts';
import { topologicalWaves } from '../../libs/workflow/src/index.ts';
import type { BlockHandler } from '../../services/workflow-engine/src/execution/block-handler.ts';

/** What the bare executor does per block. */
export type BareWork = (blockId: string) => Promise<unknown>;

/** A no-op block: awaits one microtask. */
export const microtask: BareWork = async () => {
  await Promise.resolve();
};

/** A block that runs the engine's own `transform` handler (JSONata `$` over an empty input). */
export function realTransform(graph: Graph, transform: BlockHandler): BareWork {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const signal = new AbortController().signal;
  return async (blockId) => {
    const block = byId.get(blockId);
    if (block === undefined) throw new Error(`no block ${blockId}`);
    return transform({
      tenant: { clientId: 'bench', projectId: 'bench', workspaceId: 'bench' },
      runId: 'bare',
      block,
      input: {},
      idempotencyKey: `bare:${blockId}`,
      signal,
      agent: undefined,
    });
  };
}

/** Runs the graph once, wave after wave; returns the wall time in ms (waves computed inside, as a real run would). */
export async function runBare(graph: Graph, work: BareWork): Promise<number> {
  const started = performance.now();
  const waves = topologicalWaves(graph);
  for (const wave of waves) await Promise.all(wave.map((id) => work(id)));
  return performance.now() - started;
}

/** Per-block times (ms) of `reps` runs after `warmup` unmeasured ones. */
export async function benchBare(graph: Graph, work: BareWork, reps: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await runBare(graph, work);
  const perBlock: number[] = [];
  for (let i = 0; i < reps; i++) perBlock.push((await runBare(graph, work)) / graph.nodes.length);
  return perBlock;
}
