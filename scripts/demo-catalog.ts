/**
 * The starter agent catalog `./dw up` puts in the demo tenant: the engine's built-in tools as tool agents, and
 * agentic agents whose work the built-in local engine can honestly do without a model (extractive summaries,
 * keyword classification, pattern extraction, templated drafts).
 */

const text = (description: string) => ({ type: 'string', description });
const object = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
});

/** An agent as `PUT /api/v2/agents/{id}` takes it. */
export interface StarterAgent {
  id: string;
  name: string;
  description: string;
  kind: 'agentic' | 'tool';
  capabilities: string[];
  domains: string[];
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  costPerCall: number;
  avgLatencyMs: number;
  implementation: Record<string, unknown>;
}

/** The starter catalog. */
export const STARTER_AGENTS: StarterAgent[] = [
  {
    id: 'summarize-text',
    name: 'Text Summarizer',
    description: 'Summarises a text (an email, an article, notes) in a few of its own key sentences.',
    kind: 'agentic',
    capabilities: ['summarize', 'summary', 'condense'],
    domains: ['general', 'support'],
    inputSchema: object({ text: text('The text to summarise.') }, ['text']),
    outputSchema: object({ summary: text('The key sentences of the text.') }, ['summary']),
    costPerCall: 0.002,
    avgLatencyMs: 600,
    implementation: { task: 'summarize', field: 'text', sentences: 2 },
  },
  {
    id: 'classify-request',
    name: 'Request Classifier',
    description: 'Classifies a customer message as billing, technical, sales or other by its wording.',
    kind: 'agentic',
    capabilities: ['classify', 'categorize', 'triage'],
    domains: ['support'],
    inputSchema: object({ text: text('The customer message.') }, ['text']),
    outputSchema: object(
      {
        label: text('billing, technical, sales or other.'),
        scores: { type: 'object', description: 'Keyword hits per label.' },
      },
      ['label', 'scores'],
    ),
    costPerCall: 0.001,
    avgLatencyMs: 300,
    implementation: {
      task: 'classify',
      field: 'text',
      fallback: 'other',
      labels: {
        billing: ['invoice', 'charge', 'charged', 'refund', 'payment', 'bill', 'price', 'subscription'],
        technical: ['error', 'crash', 'bug', 'login', 'broken', 'slow', 'outage', 'password'],
        sales: ['pricing', 'demo', 'trial', 'upgrade', 'quote', 'plan', 'seats'],
      },
    },
  },
  {
    id: 'extract-contacts',
    name: 'Contact Extractor',
    description: 'Finds email addresses, phone numbers, links, amounts and dates in a text.',
    kind: 'agentic',
    capabilities: ['extract', 'extract-contacts', 'find-emails'],
    domains: ['general'],
    inputSchema: object({ text: text('The text to search.') }, ['text']),
    outputSchema: object({ entities: { type: 'object', description: 'Found values by kind.' } }, [
      'entities',
    ]),
    costPerCall: 0.001,
    avgLatencyMs: 200,
    implementation: { task: 'extract', field: 'text' },
  },
  {
    id: 'draft-reply',
    name: 'Reply Drafter',
    description: 'Drafts a reply to a customer from a summary of their message and its category.',
    kind: 'agentic',
    capabilities: ['draft', 'draft-reply', 'write-reply'],
    domains: ['support'],
    inputSchema: object(
      { summary: text('What the customer wrote, in short.'), label: text('Its category.') },
      ['summary'],
    ),
    outputSchema: object({ draft: text('The reply, ready to send.') }, ['draft']),
    costPerCall: 0.003,
    avgLatencyMs: 900,
    implementation: {
      task: 'draft',
      template:
        'Hello,\n\nThank you for writing to us about this ({{label}}). We understood: {{summary}}\n' +
        'We are on it and will get back to you within one business day.\n\nBest regards,\nThe support team',
    },
  },
  {
    id: 'render-report',
    name: 'Report Renderer',
    description: 'Renders a short text report from a summary and figures.',
    kind: 'tool',
    capabilities: ['render', 'report', 'format'],
    domains: ['general'],
    inputSchema: object({ summary: text('What to report.') }, ['summary']),
    outputSchema: object({ text: text('The rendered report.') }, ['text']),
    costPerCall: 0,
    avgLatencyMs: 5,
    implementation: { tool: 'template.render', params: { template: 'Report\n======\n{{summary}}\n' } },
  },
  {
    id: 'aggregate-records',
    name: 'Record Aggregator',
    description: 'Counts records and sums, averages and finds the minimum and maximum of a numeric field.',
    kind: 'tool',
    capabilities: ['aggregate', 'sum', 'average', 'statistics'],
    domains: ['data'],
    inputSchema: object({ records: { type: 'array', description: 'Records with a numeric `value`.' } }, [
      'records',
    ]),
    outputSchema: object(
      {
        count: { type: 'number' },
        sum: { type: ['number', 'null'] },
        avg: { type: ['number', 'null'] },
        min: { type: ['number', 'null'] },
        max: { type: ['number', 'null'] },
      },
      ['count'],
    ),
    costPerCall: 0,
    avgLatencyMs: 5,
    implementation: { tool: 'records.aggregate', params: { field: 'records', valueField: 'value' } },
  },
  {
    id: 'fetch-url',
    name: 'URL Fetcher',
    description: 'Downloads a web page or JSON document from a public URL.',
    kind: 'tool',
    capabilities: ['fetch', 'download', 'http-get'],
    domains: ['general'],
    inputSchema: object({ url: { type: 'string', format: 'uri', description: 'Public http(s) URL.' } }, [
      'url',
    ]),
    outputSchema: object({ status: { type: 'number' }, body: { description: 'The response body.' } }, [
      'status',
      'body',
    ]),
    costPerCall: 0,
    avgLatencyMs: 800,
    implementation: { tool: 'http.fetch', params: { url: '{{url}}', method: 'GET' } },
  },
];

/** What `./dw demo` asks for when given no sentence of its own. */
export const DEMO_STATEMENT =
  'Summarise the customer email below and classify what it is about, then draft a reply; ' +
  'I want to review the draft before it goes out.';

/** The run input of the default demo: the customer email. */
export const DEMO_INPUT = {
  text:
    'Hi, I was charged twice for my subscription this month and the second charge shows on my invoice. ' +
    'Could you refund the duplicate payment? My account email is sam@example.com. ' +
    'Apart from that the product works well for our team.',
};
