import { describe, expect, it } from 'vitest';
import type { Graph } from '@dagwright/workflow';
import { CATALOG } from '../../test/fixtures.ts';
import { estimate } from './estimate.ts';

const catalog = new Map(CATALOG.map((a) => [a.id, a]));
const node = (id: string, agentId?: string) =>
  agentId === undefined
    ? { id, name: id, type: 'human' as const, config: { prompt: 'ok?' } }
    : { id, name: id, type: 'agent' as const, agentId };

describe('estimate', () => {
  //   track (400 ms) ──┐
  //                    ├──► notify (300 ms)
  //   quote (3000 ms) ─┘
  const graph: Graph = {
    executionMode: 'parallel',
    nodes: [
      node('track', 'track-shipment'),
      node('quote', 'quote-freight-premium'),
      node('notify', 'notify-customer'),
    ],
    edges: [
      { from: 'track', to: 'notify' },
      { from: 'quote', to: 'notify' },
    ],
  };

  it('sums the cost of every agent call and takes the critical path as the duration', () => {
    const result = estimate(graph, catalog);
    expect(result.estimatedCost).toBeCloseTo(0.01 + 0.05 + 0.01);
    expect(result.estimatedDuration).toBe(3300);
    expect(result.criticalPath).toEqual(['quote', 'notify']);
  });

  it('adds every latency up in sequential mode', () => {
    expect(estimate({ ...graph, executionMode: 'sequential' }, catalog).estimatedDuration).toBe(3700);
  });

  it('counts human steps and gives them no duration of their own', () => {
    const gated: Graph = {
      ...graph,
      nodes: [...graph.nodes, node('approve')],
      edges: [...graph.edges, { from: 'approve', to: 'notify' }],
    };
    const result = estimate(gated, catalog);
    expect(result.humanSteps).toBe(1);
    expect(result.estimatedDuration).toBe(3300);
  });
});
