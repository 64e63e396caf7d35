import { describe, expect, it } from 'vitest';
import { applyMapping, type Graph } from '@dagwright/workflow';
import { CATALOG, agent } from '../../test/fixtures.ts';
import { validateAndRepair } from './repair.ts';

const catalog = new Map(CATALOG.map((a) => [a.id, a]));
const node = (id: string, agentId: string) => ({ id, name: id, type: 'agent' as const, agentId });

describe('validate and repair', () => {
  //   track {status, location, trackingNumber} ──► notify (requires message)
  it('takes a required input no predecessor provides from the run input, keeping what the edge carried', async () => {
    const graph: Graph = {
      executionMode: 'sequential',
      nodes: [node('track', 'track-shipment'), node('notify', 'notify-customer')],
      edges: [{ from: 'track', to: 'notify' }],
    };
    const checked = validateAndRepair(graph, catalog);
    expect(checked.issues).toEqual([]);
    expect(checked.repairs).toEqual(['"notify" takes "message" from the run input']);
    const mapping = checked.graph.edges[0]?.mapping ?? {};
    const input = await applyMapping(
      mapping,
      { status: 'late', location: 'Oslo', trackingNumber: 'T1' },
      {},
      {
        input: { message: 'Your parcel is late' },
      },
    );
    expect(input).toEqual({
      status: 'late',
      location: 'Oslo',
      trackingNumber: 'T1',
      message: 'Your parcel is late',
    });
  });

  it('quotes field names that are not identifiers, so the mapping runs', async () => {
    const greet = agent('greet', {
      capabilities: ['greet'],
      input: { 'first-name': 'string' },
      output: { text: 'string' },
    });
    const all = new Map([...catalog, ['greet', greet]]);
    const graph: Graph = {
      executionMode: 'sequential',
      nodes: [node('track', 'track-shipment'), node('greet', 'greet')],
      edges: [{ from: 'track', to: 'greet' }],
    };
    const checked = validateAndRepair(graph, all);
    expect(checked.issues).toEqual([]);
    expect(checked.inputFields).toEqual(['first-name']);
    const mapping = checked.graph.edges[0]?.mapping ?? {};
    const input = await applyMapping(
      mapping,
      { status: 'ok', location: 'Oslo', trackingNumber: 'T' },
      {},
      {
        input: { 'first-name': 'Ana' },
      },
    );
    expect(input['first-name']).toBe('Ana');
  });

  it('leaves problems it cannot repair without guessing', () => {
    const graph: Graph = {
      executionMode: 'sequential',
      nodes: [node('a', 'track-shipment'), node('b', 'no-such-agent')],
      edges: [{ from: 'a', to: 'b' }],
    };
    const checked = validateAndRepair(graph, catalog);
    expect(checked.issues.map((i) => i.code)).toContain('UNKNOWN_AGENT');
  });
});
