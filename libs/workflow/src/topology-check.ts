import { hasCycle } from 'graphology-dag';
import { toGraphology } from './graph.ts';
import { type ValidationIssue, issue, pointer } from './issues.ts';
import { type Block, type Edge, type Graph } from './model.ts';

/** What the structural graph checks learned, for the checks that build on them. */
export interface Topology {
  issues: ValidationIssue[];
  /** First block of each id, with its index in `graph.nodes`. */
  blocks: Map<string, { block: Block; index: number }>;
  /** Edges between two different existing blocks, each pair once, with their index in `graph.edges`. */
  edges: { edge: Edge; index: number }[];
  /** The graph with duplicate blocks and unusable edges left out. */
  clean: Graph;
  acyclic: boolean;
}

/** Ids, edge endpoints, cycles, roots and reachability. */
export function checkTopology(graph: Graph): Topology {
  const issues: ValidationIssue[] = [];
  const blocks = new Map<string, { block: Block; index: number }>();
  if (graph.nodes.length === 0) issues.push(issue('EMPTY_GRAPH', '/nodes', 'the graph has no blocks'));
  for (const [index, block] of graph.nodes.entries()) {
    const first = blocks.get(block.id);
    if (first === undefined) blocks.set(block.id, { block, index });
    else {
      const message = `block id "${block.id}" is already used by /nodes/${first.index}`;
      issues.push(issue('DUPLICATE_BLOCK_ID', pointer('nodes', index, 'id'), message));
    }
  }

  const edges: { edge: Edge; index: number }[] = [];
  const pairs = new Map<string, number>();
  for (const [index, edge] of graph.edges.entries()) {
    let usable = true;
    if (!blocks.has(edge.from)) {
      issues.push(issue('UNKNOWN_EDGE_SOURCE', pointer('edges', index, 'from'), `no block "${edge.from}"`));
      usable = false;
    }
    if (!blocks.has(edge.to)) {
      issues.push(issue('UNKNOWN_EDGE_TARGET', pointer('edges', index, 'to'), `no block "${edge.to}"`));
      usable = false;
    }
    if (edge.from === edge.to) {
      issues.push(issue('SELF_LOOP', pointer('edges', index), `block "${edge.from}" depends on itself`));
      usable = false;
    }
    const pair = JSON.stringify([edge.from, edge.to]);
    const earlier = pairs.get(pair);
    if (usable && earlier !== undefined) {
      const message = `"${edge.from}" → "${edge.to}" repeats /edges/${earlier}; merge their mappings into one edge`;
      issues.push(issue('DUPLICATE_EDGE', pointer('edges', index), message));
      usable = false;
    }
    if (usable) {
      pairs.set(pair, index);
      edges.push({ edge, index });
    }
  }

  const nodes = [...blocks.values()].map(({ block }) => block);
  const clean: Graph = { ...graph, nodes, edges: edges.map(({ edge }) => edge) };
  const acyclic = !hasCycle(toGraphology(clean));
  if (!acyclic) issues.push(...cycleIssues(clean, edges));
  issues.push(...reachabilityIssues(clean, blocks));
  return { issues, blocks, edges, clean, acyclic };
}

function reachabilityIssues(graph: Graph, blocks: Topology['blocks']): ValidationIssue[] {
  const targets = new Set(graph.edges.map((edge) => edge.to));
  const roots = graph.nodes.filter((node) => !targets.has(node.id)).map((node) => node.id);
  if (graph.nodes.length > 0 && roots.length === 0) {
    return [issue('NO_ROOT', '/nodes', 'every block has an incoming edge, so no block can start the run')];
  }
  const out = new Map<string, string[]>();
  for (const edge of graph.edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
  const seen = new Set(roots);
  const stack = [...roots];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const to of out.get(next) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return graph.nodes
    .filter((node) => !seen.has(node.id))
    .map((node) =>
      issue(
        'UNREACHABLE_BLOCK',
        pointer('nodes', blocks.get(node.id)?.index ?? 0),
        `block "${node.id}" cannot be reached from a root (a block without incoming edges); it sits on or behind a cycle`,
      ),
    );
}

/** Strongly connected components with more than one block (Tarjan); self-loops were removed before. */
function cyclicComponents(graph: Graph): string[][] {
  const out = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) out.get(edge.from)?.push(edge.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) components.push(component);
  };
  for (const node of graph.nodes) if (!index.has(node.id)) visit(node.id);
  return components;
}

/** One issue per cyclic component, naming a shortest cycle through its first-declared block. */
function cycleIssues(graph: Graph, edges: Topology['edges']): ValidationIssue[] {
  const order = new Map(graph.nodes.map((node, i) => [node.id, i]));
  return cyclicComponents(graph).map((component) => {
    const members = new Set(component);
    const start = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] ?? '';
    // Breadth-first from `start` inside the component until an edge leads back to it.
    const parent = new Map<string, string>();
    const queue = [start];
    let closing: { edge: Edge; index: number } | undefined;
    for (let i = 0; i < queue.length && closing === undefined; i++) {
      const at = queue[i] ?? '';
      for (const entry of edges) {
        if (entry.edge.from !== at || !members.has(entry.edge.to)) continue;
        if (entry.edge.to === start) {
          closing = entry;
          break;
        }
        if (!parent.has(entry.edge.to)) {
          parent.set(entry.edge.to, at);
          queue.push(entry.edge.to);
        }
      }
    }
    const cycle = [start];
    for (let at = closing?.edge.from; at !== undefined && at !== start; at = parent.get(at))
      cycle.splice(1, 0, at);
    cycle.push(start);
    const path = closing === undefined ? '/edges' : pointer('edges', closing.index);
    return issue('CYCLE', path, `blocks form a cycle: ${cycle.join(' → ')}`);
  });
}
