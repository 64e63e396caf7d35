import { validateGraph, type Agent, type Graph } from '@dagwright/workflow';
import { estimate, type Estimate } from './estimate.ts';

/** A variant of the generated workflow that trades something for cost or speed. */
export interface Alternative {
  kind: 'cheaper' | 'faster';
  description: string;
  graph: Graph;
  estimatedCost: number;
  estimatedDuration: number;
  /** What differs from the primary workflow, one line each. */
  changes: string[];
}

/** Stand-ins tried per block. */
const MAX_TRIES = 5;

/** Whether `other` can stand in for `agent`: it has every capability of `agent`, and is a different agent. */
function canReplace(agent: Agent, other: Agent): boolean {
  if (other.id === agent.id || other.capabilities.length === 0) return false;
  const offered = new Set(other.capabilities);
  return agent.capabilities.length > 0 && agent.capabilities.every((c) => offered.has(c));
}

/**
 * Replaces each agent block by the best stand-in by `better` (lower cost, or lower latency) among the offered
 * agents, keeping a swap only when the graph still validates.
 */
function swapAgents(
  graph: Graph,
  catalog: ReadonlyMap<string, Agent>,
  offered: readonly Agent[],
  better: (candidate: Agent, current: Agent) => boolean,
): { graph: Graph; changes: string[] } {
  let current = graph;
  const changes: string[] = [];
  const used = new Set(graph.nodes.map((n) => n.agentId).filter((id) => id !== undefined));
  for (const node of graph.nodes) {
    const agent = node.agentId === undefined ? undefined : catalog.get(node.agentId);
    if (agent === undefined) continue;
    const stand = offered
      .filter((other) => !used.has(other.id) && canReplace(agent, other) && better(other, agent))
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.id.localeCompare(b.id)));
    // Each try validates the whole graph; the best few stand-ins are enough.
    for (const candidate of stand.slice(0, MAX_TRIES)) {
      const next: Graph = {
        ...current,
        nodes: current.nodes.map((n) => (n.id === node.id ? { ...n, agentId: candidate.id } : n)),
      };
      if (!validateGraph(next, catalog).ok) continue;
      current = next;
      used.add(candidate.id);
      changes.push(`${node.id}: ${candidate.name} (${candidate.id}) instead of ${agent.name} (${agent.id})`);
      break;
    }
  }
  return { graph: current, changes };
}

/** Cheaper and faster variants of `graph`, when the offered agents or the graph's shape allow one. */
export function alternativesOf(
  graph: Graph,
  primary: Estimate,
  catalog: ReadonlyMap<string, Agent>,
  offered: readonly Agent[],
): Alternative[] {
  const found: Alternative[] = [];
  const cheaper = swapAgents(graph, catalog, offered, (a, b) => a.costPerCall < b.costPerCall);
  const cheap = estimate(cheaper.graph, catalog);
  if (cheaper.changes.length > 0 && cheap.estimatedCost < primary.estimatedCost) {
    found.push({
      kind: 'cheaper',
      description: 'Uses lower-cost agents with the same capabilities.',
      graph: cheaper.graph,
      estimatedCost: cheap.estimatedCost,
      estimatedDuration: cheap.estimatedDuration,
      changes: cheaper.changes,
    });
  }

  const quicker = swapAgents(graph, catalog, offered, (a, b) => a.avgLatencyMs < b.avgLatencyMs);
  let fastGraph = quicker.graph;
  const changes = [...quicker.changes];
  if (fastGraph.executionMode === 'sequential') {
    fastGraph = { ...fastGraph, executionMode: 'parallel' };
    changes.push('independent steps run in parallel instead of one at a time');
  }
  const fast = estimate(fastGraph, catalog);
  if (changes.length > 0 && fast.estimatedDuration < primary.estimatedDuration) {
    found.push({
      kind: 'faster',
      description:
        'Finishes sooner: quicker agents with the same capabilities, independent steps in parallel.',
      graph: fastGraph,
      estimatedCost: fast.estimatedCost,
      estimatedDuration: fast.estimatedDuration,
      changes,
    });
  }
  return found;
}
