import { describe, expect, it } from 'vitest';
import type { Graph } from '@dagwright/workflow';
import { CATALOG } from '../../test/fixtures.ts';
import { assess } from './assess.ts';

const catalog = new Map(CATALOG.map((a) => [a.id, a]));
const node = (id: string, agentId: string) => ({ id, name: id, type: 'agent' as const, agentId });

//   quote (premium, 0.05) ──► book (0.01)
const graph: Graph = {
  executionMode: 'parallel',
  nodes: [node('quote', 'quote-freight-premium'), node('book', 'book-carrier')],
  edges: [{ from: 'quote', to: 'book' }],
};

describe('assess', () => {
  it('swaps in the variant that meets maxCost, and says so', () => {
    const result = assess(graph, catalog, CATALOG, { maxCost: 0.03 }, undefined);
    expect(result.graph.nodes[0]?.agentId).toBe('quote-freight-budget');
    expect(result.primary.estimatedCost).toBeCloseTo(0.02);
    expect(result.designDecisions[0]).toMatch(/^chose the cheaper variant/);
    expect(result.alternatives.every((a) => a.graph !== result.graph)).toBe(true);
    expect(result.riskFactors).toEqual([]);
  });

  it('names the breach as a risk when no variant meets the constraint', () => {
    const result = assess(graph, catalog, CATALOG, { maxCost: 0.001, maxExecutionTime: 10 }, undefined);
    expect(result.graph).toBe(graph);
    expect(result.riskFactors).toEqual([
      'estimated cost 0.0600 exceeds maxCost 0.001',
      'estimated duration 4200 ms exceeds maxExecutionTime 10 ms',
    ]);
  });
});
