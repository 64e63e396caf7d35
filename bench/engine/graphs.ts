/**
 * The graphs the engine bench runs. Every block is a `transform` with the identity expression `$`, so a
 * block does (almost) no work of its own and what is measured is the engine's overhead.
 */
import type { Block, Edge, Graph } from '../../libs/workflow/src/index.ts';
import { topologicalWaves, validateGraph } from '../../libs/workflow/src/index.ts';

/** A named bench graph. */
export interface BenchGraph {
  name: string;
  /** One line saying what the graph is, for tables. */
  shape: string;
  graph: Graph;
}

function noop(id: string): Block {
  return { id, name: id, type: 'transform', config: { expression: '$' } };
}

/** `n` blocks in a line, run one at a time (`sequential`). */
export function chain(n: number): BenchGraph {
  const nodes = Array.from({ length: n }, (_, i) => noop(`c${i}`));
  const edges: Edge[] = nodes.slice(1).map((node, i) => ({ from: `c${i}`, to: node.id }));
  return {
    name: `chain-${n}`,
    shape: `${n} blocks in a line, sequential`,
    graph: { nodes, edges, executionMode: 'sequential' },
  };
}

/** One root, `width` blocks after it, all joined into one sink: `width + 2` blocks, parallel. */
export function fanOut(width: number, maxConcurrency = width): BenchGraph {
  const middle = Array.from({ length: width }, (_, i) => noop(`f${i}`));
  const nodes = [noop('root'), ...middle, noop('join')];
  const edges: Edge[] = [
    ...middle.map((m) => ({ from: 'root', to: m.id })),
    ...middle.map((m) => ({ from: m.id, to: 'join' })),
  ];
  return {
    name: maxConcurrency === width ? `fanout-${width}` : `fanout-${width}-c${maxConcurrency}`,
    shape: `1 -> ${width} -> 1 (${width + 2} blocks), parallel, maxConcurrency ${maxConcurrency}`,
    graph: { nodes, edges, executionMode: 'parallel', maxConcurrency },
  };
}

/** Deterministic PRNG (mulberry32), so the random DAG is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random DAG in the style of libs/workflow/test/random-dag.ts: blocks at hidden ranks, edges only from a
 * lower to a higher rank, blocks and edges declared in shuffled order. Unlike the property-test generator
 * (which picks from all rank pairs and would exceed the 2000-edge limit at 500 blocks) each block past the
 * first `roots` gets 1..3 predecessors among the `window` ranks before it, so the graph stays valid and has
 * a realistic depth. Parallel with a concurrency limit high enough never to bind.
 */
export function randomDag(n: number, seed = 20250501, roots = 5, window = 40): BenchGraph {
  const random = prng(seed);
  const ids = Array.from({ length: n }, (_, rank) => `r${rank.toString(36)}_${Math.floor(random() * 1e6)}`);
  const edges: Edge[] = [];
  for (let rank = roots; rank < n; rank++) {
    const count = 1 + Math.floor(random() * 3);
    const preds = new Set<number>();
    while (preds.size < Math.min(count, rank)) {
      preds.add(Math.max(0, rank - 1 - Math.floor(random() * window)));
    }
    for (const p of preds) edges.push({ from: ids[p] ?? '', to: ids[rank] ?? '' });
  }
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  const graph: Graph = {
    nodes: shuffle(ids.map(noop)),
    edges: shuffle(edges),
    executionMode: 'parallel',
    maxConcurrency: n,
  };
  const waves = topologicalWaves(graph);
  return {
    name: `random-${n}`,
    shape: `${n} blocks, ${edges.length} edges, ${waves.length} waves (widest ${Math.max(...waves.map((w) => w.length))}), parallel`,
    graph,
  };
}

/** Throws unless the graph passes the platform's own validation (the engine runs only valid graphs). */
export function assertValid(bench: BenchGraph): void {
  const result = validateGraph(bench.graph, []);
  if (!result.ok) {
    const first = result.errors
      .slice(0, 3)
      .map((e) => `${e.code} ${e.path}: ${e.message}`)
      .join('; ');
    throw new Error(`bench graph ${bench.name} is invalid: ${first}`);
  }
}
