import { type Agent, validateGraph } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { planWorkflow } from './plan.ts';
import { reaches } from './test-catalog.ts';
import { type PlanPreferences } from './types.ts';

// Regressions from the generator service's tests: a five-agent logistics catalog the planner was not
// built on, with two interchangeable quoting agents and names that are just the ids with spaces.

function agent(
  id: string,
  description: string,
  capabilities: string[],
  input: Record<string, string>,
  output: Record<string, string>,
  cost = 0.01,
  latency = 1000,
): Agent {
  const schema = (fields: Record<string, string>): Record<string, unknown> => ({
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([k, type]) => [k, { type }])),
    required: Object.keys(fields),
  });
  return {
    id,
    name: id.replaceAll('-', ' '),
    description,
    kind: 'agentic',
    capabilities,
    domains: ['logistics'],
    inputSchema: schema(input),
    outputSchema: schema(output),
    costPerCall: cost,
    avgLatencyMs: latency,
    implementation: { task: 'extract' },
  };
}

const QUOTE = { origin: 'string', destination: 'string' };
const PRICE = { price: 'number', carrier: 'string' };
const CATALOG: Agent[] = [
  agent(
    'track-shipment',
    'Looks up the current status and location of a shipment by its tracking number.',
    ['track-shipment'],
    { trackingNumber: 'string' },
    { status: 'string', location: 'string', trackingNumber: 'string' },
    0.01,
    400,
  ),
  agent(
    'quote-freight-premium',
    'Quotes the price of moving freight between two cities with a premium carrier.',
    ['quote-freight'],
    QUOTE,
    PRICE,
    0.05,
    3000,
  ),
  agent(
    'quote-freight-budget',
    'Quotes the price of moving freight between two cities with a budget carrier.',
    ['quote-freight'],
    QUOTE,
    PRICE,
    0.01,
    800,
  ),
  agent(
    'book-carrier',
    'Books a carrier for a shipment at a quoted price.',
    ['book-carrier', 'booking'],
    PRICE,
    { bookingId: 'string' },
    0.01,
    1200,
  ),
  agent(
    'notify-customer',
    'Sends the customer an email about their shipment.',
    ['send-email', 'notify'],
    { message: 'string' },
    { sent: 'boolean' },
    0.01,
    300,
  ),
];

const QUOTE_AND_BOOK =
  'Get a freight quote for moving our pallets from Oslo to Berlin, then book the carrier. ' +
  'I want to approve the booking before it is made.';
const TRACK_AND_EMAIL = 'Track shipment TRK-1182 and email the customer where it is.';

const plan = (statement: string, ids?: string[], preferences?: PlanPreferences) =>
  planWorkflow({
    problemStatement: statement,
    agents: ids === undefined ? CATALOG : CATALOG.filter((a) => ids.includes(a.id)),
    ...(preferences === undefined ? {} : { preferences }),
  });

describe('the generator’s logistics statements', () => {
  it('quotes with one of two look-alike agents, then books after a human approves', () => {
    const result = plan(QUOTE_AND_BOOK);
    const graph = result.graph;
    expect(validateGraph(graph, CATALOG)).toMatchObject({ ok: true });
    const quotes = graph.nodes.filter((n) => n.agentId?.startsWith('quote-freight') === true);
    expect(quotes).toHaveLength(1);
    const quote = quotes[0]?.id ?? 'no quote';
    expect(graph.nodes.map((n) => n.agentId)).not.toContain('track-shipment');
    const human = graph.nodes.find((n) => n.type === 'human')?.id ?? 'no human';
    expect(reaches(graph, quote, 'book-carrier')).toBe(true);
    expect(reaches(graph, human, 'book-carrier')).toBe(true);
    // "before it is made" refers back to the booking; it is not a capability nobody has.
    expect(result.missingCapabilities).toEqual([]);
  });

  it('breaks the tie between look-alikes by what the caller optimises for', () => {
    const used = (preferences?: PlanPreferences): string[] =>
      plan(QUOTE_AND_BOOK, undefined, preferences).graph.nodes.flatMap((n) =>
        n.agentId === undefined ? [] : [n.agentId],
      );
    expect(used()).toContain('quote-freight-budget');
    expect(used({ optimizeFor: 'cost' })).toContain('quote-freight-budget');
    expect(used({ optimizeFor: 'speed' })).toContain('quote-freight-budget');
    expect(used({ optimizeFor: 'accuracy' })).toContain('quote-freight-premium');
    expect(used(undefined)).not.toContain('quote-freight-premium');
  });

  it('tracks the shipment and emails what it found', () => {
    for (const ids of [
      ['track-shipment', 'notify-customer'],
      ['track-shipment', 'notify-customer', 'book-carrier'],
    ]) {
      const result = plan(TRACK_AND_EMAIL, ids);
      const graph = result.graph;
      expect(graph.nodes.map((n) => n.agentId).sort()).toEqual(['notify-customer', 'track-shipment']);
      expect(reaches(graph, 'track-shipment', 'notify-customer')).toBe(true);
      expect(result.suggestedInput).toMatchObject({ trackingNumber: 'TRK-1182' });
      expect(validateGraph(graph, CATALOG)).toMatchObject({ ok: true });
    }
  });
});
