import { describe, expect, it } from 'vitest';
import { validateGraph, type Graph } from '@dagwright/workflow';
import { CATALOG } from '../../test/fixtures.ts';
import { alternativesOf } from './alternatives.ts';
import { estimate } from './estimate.ts';

const catalog = new Map(CATALOG.map((a) => [a.id, a]));
const node = (id: string, agentId: string) => ({ id, name: id, type: 'agent' as const, agentId });

//   quote (premium) ──► book ──► notify?   (book's output does not feed notify: two roots instead)
//   track
const graph: Graph = {
  executionMode: 'sequential',
  nodes: [
    node('quote', 'quote-freight-premium'),
    node('book', 'book-carrier'),
    node('track', 'track-shipment'),
  ],
  edges: [{ from: 'quote', to: 'book' }],
};

describe('alternatives', () => {
  it('offers a cheaper variant that swaps in an agent with the same capabilities, and a faster one', () => {
    expect(validateGraph(graph, catalog).ok).toBe(true);
    const primary = estimate(graph, catalog);
    const found = alternativesOf(graph, primary, catalog, CATALOG);
    const cheaper = found.find((a) => a.kind === 'cheaper');
    expect(cheaper?.graph.nodes.find((n) => n.id === 'quote')?.agentId).toBe('quote-freight-budget');
    expect(cheaper?.estimatedCost).toBeLessThan(primary.estimatedCost);
    const faster = found.find((a) => a.kind === 'faster');
    expect(faster?.graph.executionMode).toBe('parallel');
    expect(faster?.estimatedDuration).toBeLessThan(primary.estimatedDuration);
    for (const alternative of found) expect(validateGraph(alternative.graph, catalog).ok).toBe(true);
  });

  it('offers nothing when no offered agent can stand in and the graph is already parallel', () => {
    const lean: Graph = {
      ...graph,
      executionMode: 'parallel',
      nodes: graph.nodes.map((n) => (n.id === 'quote' ? { ...n, agentId: 'quote-freight-budget' } : n)),
    };
    const offered = CATALOG.filter((a) => a.id !== 'quote-freight-premium');
    expect(alternativesOf(lean, estimate(lean, catalog), catalog, offered)).toEqual([]);
  });
});
