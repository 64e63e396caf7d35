import { criticalPath, type Agent, type Block, type Graph } from '@dagwright/workflow';

/** What a run of a graph is expected to cost and take, before it runs. */
export interface Estimate {
  /** Sum of the expected calls' costs (one call per agent block). */
  estimatedCost: number;
  /** Milliseconds: the critical path by expected latency (the sum of latencies in sequential mode). */
  estimatedDuration: number;
  /** Block ids on the path that decides the duration. */
  criticalPath: string[];
  /** Human blocks wait for a person; that time is not in the duration. */
  humanSteps: number;
}

/** Expected latency of a block: its agent's, a delay's own wait, else a small fixed cost for local work. */
export function latencyOf(block: Block, agents: ReadonlyMap<string, Agent>): number {
  if (block.agentId !== undefined) return agents.get(block.agentId)?.avgLatencyMs ?? 0;
  if (block.type === 'delay') {
    const ms = (block.config as { ms?: unknown } | undefined)?.ms;
    return typeof ms === 'number' ? ms : 0;
  }
  return block.type === 'human' ? 0 : 5;
}

/** Estimates cost and duration of `graph` with the catalog's figures. */
export function estimate(graph: Graph, agents: ReadonlyMap<string, Agent>): Estimate {
  const estimatedCost = graph.nodes.reduce(
    (sum, block) => sum + (block.agentId === undefined ? 0 : (agents.get(block.agentId)?.costPerCall ?? 0)),
    0,
  );
  const humanSteps = graph.nodes.filter((b) => b.type === 'human').length;
  if (graph.executionMode === 'sequential') {
    const total = graph.nodes.reduce((sum, block) => sum + latencyOf(block, agents), 0);
    return {
      estimatedCost,
      estimatedDuration: total,
      criticalPath: graph.nodes.map((b) => b.id),
      humanSteps,
    };
  }
  const path = criticalPath(graph, (block) => latencyOf(block, agents));
  return { estimatedCost, estimatedDuration: path.totalMs, criticalPath: path.path, humanSteps };
}
