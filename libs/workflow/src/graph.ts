import { DirectedGraph } from 'graphology';
import { topologicalGenerations } from 'graphology-dag';
import { type Block, type Graph } from './model.ts';

// Every function here takes a graph that `validateGraph` accepted: ids unique, edges between
// existing blocks, no cycles. Results follow the order of `graph.nodes` wherever order is free,
// so the same graph always gives the same answer.

function requireBlock(graph: Graph, id: string): void {
  if (!graph.nodes.some((node) => node.id === id)) throw new RangeError(`no block "${id}" in the graph`);
}

/** The graph as a graphology instance, nodes in declaration order, for graphology's algorithms. */
export function toGraphology(graph: Graph): DirectedGraph {
  const g = new DirectedGraph();
  for (const node of graph.nodes) g.mergeNode(node.id);
  for (const edge of graph.edges) g.mergeEdge(edge.from, edge.to);
  return g;
}

/** Ids of the blocks `id` depends on directly, in edge order. */
export function predecessors(graph: Graph, id: string): string[] {
  requireBlock(graph, id);
  return graph.edges.filter((edge) => edge.to === id).map((edge) => edge.from);
}

/** Ids of the blocks that depend on `id` directly, in edge order. */
export function successors(graph: Graph, id: string): string[] {
  requireBlock(graph, id);
  return graph.edges.filter((edge) => edge.from === id).map((edge) => edge.to);
}

/** Blocks without incoming edges: where a run starts, each receiving the run's input. */
export function roots(graph: Graph): string[] {
  const targets = new Set(graph.edges.map((edge) => edge.to));
  return graph.nodes.filter((node) => !targets.has(node.id)).map((node) => node.id);
}

/** Blocks without outgoing edges: where a run ends; their outputs are the run's result. */
export function sinks(graph: Graph): string[] {
  const sources = new Set(graph.edges.map((edge) => edge.from));
  return graph.nodes.filter((node) => !sources.has(node.id)).map((node) => node.id);
}

/** Outgoing adjacency in edge order, for walks that would otherwise rescan the edge list. */
export function outgoing(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) out.get(edge.from)?.push(edge.to);
  return out;
}

/**
 * Blocks grouped by depth: wave 0 holds the roots, and each block sits one wave after its latest
 * predecessor, so every wave depends only on earlier ones. Within a wave, declaration order.
 */
export function topologicalWaves(graph: Graph): string[][] {
  const order = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const rank = (id: string): number => order.get(id) ?? 0;
  return topologicalGenerations(toGraphology(graph)).map((wave) => wave.sort((a, b) => rank(a) - rank(b)));
}

/** Every block reachable from `id` along edges, not counting `id` itself (a DAG has no way back). */
export function reachableFrom(graph: Graph, id: string): Set<string> {
  requireBlock(graph, id);
  const out = outgoing(graph);
  const seen = new Set<string>();
  const stack = [...(out.get(id) ?? [])];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(out.get(next) ?? []));
  }
  return seen;
}

/** The longest root-to-sink path by summed latency: the least time a run can take with unbounded parallelism. */
export interface CriticalPath {
  path: string[];
  totalMs: number;
}

/**
 * The critical path, where each block costs `latencyOf(block)` (finite, >= 0). Ties go to the block
 * declared first, both for the path's end and for each step back, so the answer is deterministic.
 */
export function criticalPath(graph: Graph, latencyOf: (block: Block) => number): CriticalPath {
  const order = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) incoming.get(edge.to)?.push(edge.from);

  // finish[v]: the longest summed latency of a path that ends with v; via[v]: v's previous block on it.
  const finish = new Map<string, number>();
  const via = new Map<string, string>();
  for (const id of topologicalWaves(graph).flat()) {
    const block = byId.get(id);
    if (block === undefined) continue;
    const latency = latencyOf(block);
    if (!Number.isFinite(latency) || latency < 0) {
      throw new RangeError(`latency of block "${id}" must be a finite number >= 0, got ${latency}`);
    }
    const preds = [...(incoming.get(id) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    let best: string | undefined;
    for (const pred of preds) {
      if (best === undefined || (finish.get(pred) ?? 0) > (finish.get(best) ?? 0)) best = pred;
    }
    finish.set(id, latency + (best === undefined ? 0 : (finish.get(best) ?? 0)));
    if (best !== undefined) via.set(id, best);
  }

  // Only sinks end a path: with zero latencies a shorter path could tie, but it would not be root-to-sink.
  let end: string | undefined;
  for (const id of sinks(graph)) {
    if (end === undefined || (finish.get(id) ?? 0) > (finish.get(end) ?? 0)) end = id;
  }
  if (end === undefined) return { path: [], totalMs: 0 };
  const path: string[] = [];
  for (let at: string | undefined = end; at !== undefined; at = via.get(at)) path.push(at);
  return { path: path.reverse(), totalMs: finish.get(end) ?? 0 };
}

/** Root-to-sink paths, at most `limit` of them; `truncated` says whether more exist. */
export interface PathListing {
  paths: string[][];
  truncated: boolean;
}

/**
 * Lists root-to-sink paths depth-first (roots in declaration order, successors in edge order),
 * stopping after `limit`: the count can grow exponentially with the graph, the work stays bounded.
 */
export function enumeratePaths(graph: Graph, limit: number): PathListing {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be an integer >= 0, got ${limit}`);
  const out = outgoing(graph);
  const paths: string[][] = [];
  // Returns false once a path beyond the limit turns up, which ends the whole walk.
  const walk = (path: string[]): boolean => {
    const next = out.get(path[path.length - 1] ?? '') ?? [];
    if (next.length === 0) {
      if (paths.length === limit) return false;
      paths.push([...path]);
      return true;
    }
    for (const successor of next) {
      path.push(successor);
      const more = walk(path);
      path.pop();
      if (!more) return false;
    }
    return true;
  };
  const truncated = !roots(graph).every((root) => walk([root]));
  return { paths, truncated };
}
