/**
 * What to do next in a run, decided from the graph and the blocks' states alone (pure; no I/O).
 *
 * Join rule: an edge is resolved once its source block finished, and fires when its source succeeded and
 * the edge was among those the source fired (conditions are evaluated when the source finishes). A block
 * becomes ready when all its incoming edges are resolved and at least one fired; it is skipped when all are
 * resolved and none fired. Blocks without incoming edges are ready at the start.
 *
 * Modes: `sequential` runs one block at a time in topological order; `parallel` starts every ready block up
 * to `maxConcurrency`; `hybrid` does the same within topological waves: a wave starts when the previous
 * one has finished.
 */
import { topologicalWaves, type Graph } from '@dagwright/workflow';
import { FINISHED_BLOCK, type BlockStateDoc } from '../runs/run.model.ts';

/** Parallel runs start at most this many blocks at once unless the graph says otherwise. */
export const DEFAULT_MAX_CONCURRENCY = 8;

/** The scheduler's verdict. */
export interface Decision {
  /** Blocks to start now, in topological order. */
  start: string[];
  /** Blocks that can no longer run: none of their incoming edges fired. */
  skip: string[];
  /** Blocks running now. */
  running: string[];
  /** Blocks waiting for a person. */
  waiting: string[];
  /** Nothing runs, nothing can start, nobody is waited for: the run is over. */
  finished: boolean;
}

/** Precomputed structure of a graph the scheduler consults on every decision. */
export interface Plan {
  graph: Graph;
  order: string[];
  waveOf: Map<string, number>;
  incoming: Map<string, number[]>;
}

/** Prepares a graph for scheduling. */
export function planOf(graph: Graph): Plan {
  const waves = topologicalWaves(graph);
  const waveOf = new Map<string, number>();
  waves.forEach((wave, i) => {
    for (const id of wave) waveOf.set(id, i);
  });
  const incoming = new Map<string, number[]>(graph.nodes.map((n) => [n.id, []]));
  graph.edges.forEach((edge, i) => incoming.get(edge.to)?.push(i));
  return { graph, order: waves.flat(), waveOf, incoming };
}

type EdgeState = 'open' | 'fired' | 'dead';

function edgeState(plan: Plan, states: ReadonlyMap<string, BlockStateDoc>, index: number): EdgeState {
  const edge = plan.graph.edges[index];
  const source = edge === undefined ? undefined : states.get(edge.from);
  if (source === undefined || !FINISHED_BLOCK.has(source.status)) return 'open';
  return source.status === 'succeeded' && (source.firedEdges ?? []).includes(index) ? 'fired' : 'dead';
}

/** Decides which blocks start and which are skipped, given every block's state. */
export function decide(plan: Plan, states: ReadonlyMap<string, BlockStateDoc>): Decision {
  const status = new Map([...states].map(([id, s]) => [id, s.status]));
  const view = new Map(states);
  const skip: string[] = [];

  // Skips cascade: a skipped block kills its outgoing edges, which may skip its successors.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of plan.order) {
      if (status.get(id) !== 'pending') continue;
      const edges = plan.incoming.get(id) ?? [];
      if (edges.length === 0) continue;
      const resolved = edges.map((i) => edgeState(plan, view, i));
      if (resolved.every((s) => s === 'dead')) {
        skip.push(id);
        status.set(id, 'skipped');
        const state = view.get(id);
        if (state) view.set(id, { ...state, status: 'skipped' });
        changed = true;
      }
    }
  }

  const ready = plan.order.filter((id) => {
    if (status.get(id) !== 'pending') return false;
    const edges = plan.incoming.get(id) ?? [];
    const resolved = edges.map((i) => edgeState(plan, view, i));
    return resolved.every((s) => s !== 'open') && (edges.length === 0 || resolved.includes('fired'));
  });
  const running = plan.order.filter((id) => status.get(id) === 'running');
  const waiting = plan.order.filter((id) => status.get(id) === 'waiting_human');

  const { executionMode, maxConcurrency } = plan.graph;
  let start: string[];
  if (executionMode === 'sequential') {
    // One block at a time; a branch waiting for a person does not hold up the others.
    start = running.length === 0 ? ready.slice(0, 1) : [];
  } else {
    const capacity = Math.max(0, (maxConcurrency ?? DEFAULT_MAX_CONCURRENCY) - running.length);
    let candidates = ready;
    if (executionMode === 'hybrid') {
      const unfinished = plan.order.filter((id) => !FINISHED_BLOCK.has(status.get(id) ?? 'pending'));
      const currentWave = Math.min(...unfinished.map((id) => plan.waveOf.get(id) ?? 0));
      candidates = ready.filter((id) => plan.waveOf.get(id) === currentWave);
    }
    start = candidates.slice(0, capacity);
  }
  const finished = start.length === 0 && running.length === 0 && waiting.length === 0 && ready.length === 0;
  return { start, skip, running, waiting, finished };
}
