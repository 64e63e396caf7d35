import { topologicalWaves } from './graph.ts';
import { type Graph } from './model.ts';

/**
 * Where an incoming edge stands during a run: `pending` while its source has not finished,
 * `fired` when the source succeeded and the edge's condition (if any) held, `dead` otherwise
 * (source skipped, failed without fallback, or condition false).
 */
export type EdgeState = 'pending' | 'fired' | 'dead';

/** What the scheduler does with a block, given its incoming edges. */
export type JoinDecision = 'wait' | 'run' | 'skip';

/**
 * The join rule: a block waits until every incoming edge is resolved, then runs if at least one
 * fired and is skipped if none did (dead-path elimination). Roots, with no incoming edges, run.
 * An OR-join after waiting for all, so a block after an if/else runs once whichever branch was
 * taken, and never before a branch that may still feed it has finished.
 */
export function joinDecision(incoming: readonly EdgeState[]): JoinDecision {
  if (incoming.length === 0) return 'run';
  if (incoming.includes('pending')) return 'wait';
  return incoming.includes('fired') ? 'run' : 'skip';
}

/**
 * For each condition block that has decided, the targets of the outgoing edges whose condition
 * held. Condition blocks left out have not decided yet, so all their edges may still fire.
 */
export type BranchChoices =
  ReadonlyMap<string, Iterable<string>> | Readonly<Record<string, Iterable<string>>>;

function choicesOf(choices: BranchChoices): Map<string, Set<string>> {
  const entries: [string, Iterable<string>][] =
    choices instanceof Map
      ? [...(choices as ReadonlyMap<string, Iterable<string>>).entries()]
      : Object.entries(choices as Readonly<Record<string, Iterable<string>>>);
  return new Map(entries.map(([block, targets]) => [block, new Set(targets)]));
}

/**
 * The blocks that can still run given the branches taken so far (the rest will be skipped).
 * An edge can fire when its source can run and either the source is not a decided condition
 * block, or the edge has no condition, or its target is among the source's choices; a block can
 * run when it is a root or one of its incoming edges can fire (the join rule of `joinDecision`).
 */
export function activeBlocks(graph: Graph, choices: BranchChoices = new Map()): Set<string> {
  const decided = choicesOf(choices);
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const incoming = new Map<string, Graph['edges']>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) incoming.get(edge.to)?.push(edge);

  const active = new Set<string>();
  for (const id of topologicalWaves(graph).flat()) {
    const edges = incoming.get(id) ?? [];
    const canFire = edges.some((edge) => {
      if (!active.has(edge.from)) return false;
      const taken = decided.get(edge.from);
      if (types.get(edge.from) !== 'condition' || taken === undefined || edge.condition === undefined) {
        return true;
      }
      return taken.has(edge.to);
    });
    if (edges.length === 0 || canFire) active.add(id);
  }
  return active;
}
