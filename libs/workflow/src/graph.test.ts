import { describe, expect, it } from 'vitest';
import { block, edge, graph } from '../test/builders.ts';
import {
  criticalPath,
  enumeratePaths,
  predecessors,
  reachableFrom,
  roots,
  sinks,
  successors,
  topologicalWaves,
} from './graph.ts';

//   a ──► b ──► d
//    └──► c ──┘
//   e
const diamond = graph(
  [block('d'), block('c'), block('b'), block('a'), block('e')],
  [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')],
);
const latencies: Record<string, number> = { a: 10, b: 50, c: 20, d: 5, e: 40 };
const latencyOf = (b: { id: string }): number => latencies[b.id] ?? 0;

describe('graph algorithms on a diamond', () => {
  it('groups blocks into waves, declaration order inside a wave', () => {
    expect(topologicalWaves(diamond)).toEqual([['a', 'e'], ['c', 'b'], ['d']]);
  });

  it('answers neighbour questions', () => {
    expect(predecessors(diamond, 'd')).toEqual(['b', 'c']);
    expect(successors(diamond, 'a')).toEqual(['b', 'c']);
    expect(roots(diamond)).toEqual(['a', 'e']);
    expect(sinks(diamond)).toEqual(['d', 'e']);
    expect(reachableFrom(diamond, 'a')).toEqual(new Set(['b', 'c', 'd']));
    expect(reachableFrom(diamond, 'd')).toEqual(new Set());
  });

  it('finds the critical path by summed latency', () => {
    expect(criticalPath(diamond, latencyOf)).toEqual({ path: ['a', 'b', 'd'], totalMs: 65 });
  });

  it('lists root-to-sink paths up to a limit', () => {
    expect(enumeratePaths(diamond, 10)).toEqual({
      paths: [['a', 'b', 'd'], ['a', 'c', 'd'], ['e']],
      truncated: false,
    });
    expect(enumeratePaths(diamond, 2)).toEqual({
      paths: [
        ['a', 'b', 'd'],
        ['a', 'c', 'd'],
      ],
      truncated: true,
    });
    expect(enumeratePaths(diamond, 3).truncated).toBe(false);
  });

  it('refuses unknown blocks and impossible latencies instead of guessing', () => {
    expect(() => reachableFrom(diamond, 'zz')).toThrow(/no block "zz"/);
    expect(() => predecessors(diamond, 'zz')).toThrow(RangeError);
    expect(() => criticalPath(diamond, () => -1)).toThrow(/finite number >= 0/);
    expect(() => criticalPath(diamond, () => Number.NaN)).toThrow(RangeError);
    expect(() => enumeratePaths(diamond, 1.5)).toThrow(RangeError);
  });
});

describe('criticalPath ties', () => {
  //   x ──► z      y ──► z      (x and y cost the same)
  it('prefer the block declared first, at the end and at every step back', () => {
    const g = graph([block('y'), block('x'), block('z')], [edge('x', 'z'), edge('y', 'z')]);
    expect(criticalPath(g, () => 1)).toEqual({ path: ['y', 'z'], totalMs: 2 });
    const separate = graph([block('p'), block('q')]);
    expect(criticalPath(separate, () => 3)).toEqual({ path: ['p'], totalMs: 3 });
  });

  it('of an empty graph is empty', () => {
    expect(criticalPath(graph([]), () => 1)).toEqual({ path: [], totalMs: 0 });
    expect(topologicalWaves(graph([]))).toEqual([]);
  });
});

describe('enumeratePaths on a ladder', () => {
  //   s0 ──► s1 ──► … ──► s20      every rung doubles the paths: 2^20 in all
  //     └──► t1 ──┘ └──► t2 …
  it('stays bounded when paths grow exponentially', () => {
    const nodes = [block('s0')];
    const edges = [];
    for (let i = 1; i <= 20; i++) {
      nodes.push(block(`s${i}`), block(`t${i}`));
      edges.push(edge(`s${i - 1}`, `s${i}`), edge(`s${i - 1}`, `t${i}`), edge(`t${i}`, `s${i}`));
    }
    const listing = enumeratePaths(graph(nodes, edges), 100);
    expect(listing.paths).toHaveLength(100);
    expect(listing.truncated).toBe(true);
  });
});
