import type { Agent } from '@dagwright/workflow';

const obj = (props: Record<string, string>, required: string[] = Object.keys(props)) => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(props).map(([k, t]) => [k, { type: t }])),
  required,
});

/** An agent of the test catalog; schemas list their fields with JSON types. */
export function agent(
  id: string,
  options: {
    capabilities: string[];
    input: Record<string, string>;
    output: Record<string, string>;
    cost?: number;
    latency?: number;
    description?: string;
    domains?: string[];
  },
): Agent {
  return {
    id,
    name: id.replaceAll('-', ' '),
    description: options.description ?? `${id.replaceAll('-', ' ')}.`,
    kind: 'agentic',
    capabilities: options.capabilities,
    domains: options.domains ?? ['logistics'],
    inputSchema: obj(options.input),
    outputSchema: obj(options.output),
    costPerCall: options.cost ?? 0.01,
    avgLatencyMs: options.latency ?? 1000,
    implementation: { task: 'extract' },
  };
}

/** A small made-up logistics catalog (not the benchmark's), with two interchangeable quoting agents. */
export const CATALOG: Agent[] = [
  agent('track-shipment', {
    description: 'Looks up the current status and location of a shipment by its tracking number.',
    capabilities: ['track-shipment'],
    input: { trackingNumber: 'string' },
    output: { status: 'string', location: 'string', trackingNumber: 'string' },
    latency: 400,
  }),
  agent('quote-freight-premium', {
    description: 'Quotes the price of moving freight between two cities with a premium carrier.',
    capabilities: ['quote-freight'],
    input: { origin: 'string', destination: 'string' },
    output: { price: 'number', carrier: 'string' },
    cost: 0.05,
    latency: 3000,
  }),
  agent('quote-freight-budget', {
    description: 'Quotes the price of moving freight between two cities with a budget carrier.',
    capabilities: ['quote-freight'],
    input: { origin: 'string', destination: 'string' },
    output: { price: 'number', carrier: 'string' },
    cost: 0.01,
    latency: 800,
  }),
  agent('book-carrier', {
    description: 'Books a carrier for a shipment at a quoted price.',
    capabilities: ['book-carrier', 'booking'],
    input: { price: 'number', carrier: 'string' },
    output: { bookingId: 'string' },
    latency: 1200,
  }),
  agent('notify-customer', {
    description: 'Sends the customer an email about their shipment.',
    capabilities: ['send-email', 'notify'],
    input: { message: 'string' },
    output: { sent: 'boolean' },
    latency: 300,
  }),
];
