import fc from 'fast-check';
import { type Graph } from '../src/index.ts';
import { block, edge, graph } from './builders.ts';

/** A random DAG with a latency per block. */
export interface RandomDag {
  graph: Graph;
  latency: Map<string, number>;
}

// Built once: an arbitrary made inside `chain` would be rebuilt, regex and all, for every run.
const idChars = Array.from('abcdefghijklmnopqrstuvwxyz0123456789_.:-');
const idArb = fc.string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 6 });

/**
 * Random DAGs: `n` blocks at hidden ranks 0..n-1, edges only from a lower to a higher rank (so no
 * cycle), random ids, and blocks and edges declared in shuffled order so no algorithm can lean
 * on declaration order matching dependency order.
 */
export function randomDag(maxNodes = 10): fc.Arbitrary<RandomDag> {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    const ranks = Array.from({ length: n }, (_, i) => i);
    return fc
      .record({
        ids: fc.uniqueArray(idArb, { minLength: n, maxLength: n }),
        declared: fc.shuffledSubarray(ranks, { minLength: n, maxLength: n }),
        edges: fc.shuffledSubarray(pairs),
        latencies: fc.array(fc.nat(100), { minLength: n, maxLength: n }),
      })
      .map(({ ids, declared, edges, latencies }) => {
        const idOf = (rank: number): string => ids[rank] ?? '';
        return {
          graph: graph(
            declared.map((rank) => block(idOf(rank))),
            edges.map(([from, to]) => edge(idOf(from), idOf(to))),
          ),
          latency: new Map(ids.map((id, rank) => [id, latencies[rank] ?? 0])),
        };
      });
  });
}

/** Every root-to-sink path, by plain recursion: the reference the bounded algorithms are checked against. */
export function allPaths(g: Graph): string[][] {
  const targets = new Set(g.edges.map((e) => e.to));
  const extend = (path: string[]): string[][] => {
    const last = path[path.length - 1];
    const next = g.edges.filter((e) => e.from === last).map((e) => e.to);
    return next.length === 0 ? [path] : next.flatMap((to) => extend([...path, to]));
  };
  return g.nodes.filter((n) => !targets.has(n.id)).flatMap((n) => extend([n.id]));
}

/** Transitive closure by Floyd–Warshall: `reach.get(a)?.has(b)` when a path leads from a to b. */
export function closure(g: Graph): Map<string, Set<string>> {
  const ids = g.nodes.map((n) => n.id);
  const reach = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const e of g.edges) reach.get(e.from)?.add(e.to);
  for (const k of ids) {
    for (const i of ids) {
      if (!reach.get(i)?.has(k)) continue;
      for (const j of reach.get(k) ?? []) reach.get(i)?.add(j);
    }
  }
  return reach;
}
