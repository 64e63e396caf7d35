/** Small pure helpers that change a run document in memory; the repository writes the result with compare-and-set. */
import type { Graph } from '@dagwright/workflow';
import type { BlockStateDoc, RunDoc, RunEventDoc } from '../runs/run.model.ts';

/** Appends a transition to the run's event list. */
export function record(run: RunDoc, event: Omit<RunEventDoc, 'seq' | 'at'>): void {
  run.events.push({ ...event, seq: run.events.length + 1, at: new Date() });
}

/** The state of one block (every block of the graph has one from the start). */
export function blockState(run: RunDoc, blockId: string): BlockStateDoc {
  const state = run.blocks.find((b) => b.blockId === blockId);
  if (state === undefined) throw new Error(`run ${run.runId} has no block ${blockId}`);
  return state;
}

/** Sets a block's status and records the transition. */
export function transition(
  run: RunDoc,
  blockId: string,
  status: BlockStateDoc['status'],
  changes: Partial<BlockStateDoc> = {},
  detail?: unknown,
): void {
  Object.assign(blockState(run, blockId), changes, { status });
  record(run, {
    kind: 'block',
    blockId,
    status,
    ...(detail === undefined ? {} : { detail: JSON.stringify(detail) }),
  });
}

/** Keeps `humanDeadline` at the earliest timeout of a waiting human block, for the timeout sweep. */
export function refreshHumanDeadline(run: RunDoc): void {
  const deadlines = run.blocks
    .filter((b) => b.status === 'waiting_human' && b.waitUntil !== undefined)
    .map((b) => (b.waitUntil as Date).getTime());
  if (deadlines.length === 0) delete run.humanDeadline;
  else run.humanDeadline = new Date(Math.min(...deadlines));
}

/** Blocks with no outgoing edges: their outputs are the run's output. */
export function sinks(graph: Graph): string[] {
  const withOut = new Set(graph.edges.map((e) => e.from));
  return graph.nodes.map((n) => n.id).filter((id) => !withOut.has(id));
}

/** The states as a map by block id. */
export function statesOf(run: RunDoc): Map<string, BlockStateDoc> {
  return new Map(run.blocks.map((b) => [b.blockId, b]));
}
