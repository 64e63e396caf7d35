import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edge } from '../test/builders.ts';
import { allPaths, closure, randomDag } from '../test/random-dag.ts';
import { activeBlocks } from './branches.ts';
import { criticalPath, enumeratePaths, predecessors, reachableFrom, topologicalWaves } from './graph.ts';
import { validateGraph } from './validate.ts';

const sum = (path: readonly string[], latency: ReadonlyMap<string, number>): number =>
  path.reduce((total, id) => total + (latency.get(id) ?? 0), 0);

describe('topologicalWaves on random DAGs', () => {
  it('partitions the blocks', () => {
    fc.assert(
      fc.property(randomDag(), ({ graph }) => {
        const flat = topologicalWaves(graph).flat();
        expect(flat.length).toBe(graph.nodes.length);
        expect(new Set(flat)).toEqual(new Set(graph.nodes.map((n) => n.id)));
      }),
    );
  });

  it('puts every edge from an earlier wave to a later one, each block one wave after its latest predecessor', () => {
    fc.assert(
      fc.property(randomDag(), ({ graph }) => {
        const waves = topologicalWaves(graph);
        const waveOf = new Map(waves.flatMap((wave, i) => wave.map((id) => [id, i] as const)));
        for (const e of graph.edges) expect(waveOf.get(e.from)).toBeLessThan(waveOf.get(e.to) ?? -1);
        for (const node of graph.nodes) {
          const preds = predecessors(graph, node.id).map((p) => waveOf.get(p) ?? Number.NaN);
          expect(waveOf.get(node.id)).toBe(preds.length === 0 ? 0 : 1 + Math.max(...preds));
        }
        expect(waves.every((wave) => wave.length > 0)).toBe(true);
      }),
    );
  });
});

describe('criticalPath on random DAGs', () => {
  it('is the heaviest root-to-sink path, as brute force finds it', () => {
    fc.assert(
      fc.property(randomDag(8), ({ graph, latency }) => {
        const result = criticalPath(graph, (block) => latency.get(block.id) ?? 0);
        const paths = allPaths(graph);
        expect(result.totalMs).toBe(Math.max(...paths.map((path) => sum(path, latency))));
        // The path it names is real, runs from a root to a sink, and adds up to the total.
        expect(paths).toContainEqual(result.path);
        expect(sum(result.path, latency)).toBe(result.totalMs);
        for (const id of latency.keys()) expect(result.totalMs).toBeGreaterThanOrEqual(latency.get(id) ?? 0);
      }),
    );
  });

  it('gives the same answer whatever order the blocks are declared in', () => {
    fc.assert(
      fc.property(randomDag(8), ({ graph, latency }) => {
        const latencyOf = (block: { id: string }): number => latency.get(block.id) ?? 0;
        const reversed = { ...graph, nodes: [...graph.nodes].reverse() };
        expect(criticalPath(reversed, latencyOf).totalMs).toBe(criticalPath(graph, latencyOf).totalMs);
        expect(criticalPath(graph, latencyOf)).toEqual(criticalPath(graph, latencyOf));
      }),
    );
  });
});

describe('reachableFrom and enumeratePaths on random DAGs', () => {
  it('reachableFrom equals the transitive closure', () => {
    fc.assert(
      fc.property(randomDag(), ({ graph }) => {
        const reach = closure(graph);
        for (const node of graph.nodes) expect(reachableFrom(graph, node.id)).toEqual(reach.get(node.id));
      }),
    );
  });

  it('enumeratePaths lists every root-to-sink path, and stops at the limit', () => {
    fc.assert(
      fc.property(randomDag(8), fc.nat(20), ({ graph }, limit) => {
        const all = allPaths(graph);
        expect(enumeratePaths(graph, all.length)).toEqual({ paths: all, truncated: false });
        const bounded = enumeratePaths(graph, limit);
        expect(bounded.paths).toEqual(all.slice(0, limit));
        expect(bounded.truncated).toBe(all.length > limit);
      }),
    );
  });

  it('activeBlocks with no branch decided keeps every block', () => {
    fc.assert(
      fc.property(randomDag(), ({ graph }) => {
        expect(activeBlocks(graph).size).toBe(graph.nodes.length);
      }),
    );
  });
});

describe('cycle detection', () => {
  it('accepts every random DAG', () => {
    fc.assert(
      fc.property(randomDag(), ({ graph }) => {
        expect(validateGraph(graph, [])).toEqual({ ok: true, graph });
      }),
    );
  });

  it('finds every graph with an added back edge, naming a real cycle', () => {
    const withBackEdge = randomDag()
      .filter(({ graph }) => graph.edges.length > 0)
      .chain(({ graph }) =>
        fc.constantFrom(...graph.edges).map(({ from }) => {
          // Any block reachable from `from` closes a cycle when it points back to `from`.
          const descendants = [...reachableFrom(graph, from)].sort();
          return { graph, from, descendants };
        }),
      )
      .chain(({ graph, from, descendants }) =>
        fc
          .constantFrom(...descendants)
          .map((back) => ({ ...graph, edges: [...graph.edges, edge(back, from)] })),
      );
    fc.assert(
      fc.property(withBackEdge, (graph) => {
        const result = validateGraph(graph, []);
        const cycles = result.ok ? [] : result.errors.filter((e) => e.code === 'CYCLE');
        expect(cycles).toHaveLength(1);
        const named = (cycles[0]?.message ?? '').replace('blocks form a cycle: ', '').split(' → ');
        expect(named[0]).toBe(named[named.length - 1]);
        for (let i = 0; i + 1 < named.length; i++) {
          expect(graph.edges).toContainEqual({ from: named[i], to: named[i + 1] });
        }
      }),
    );
  });
});
