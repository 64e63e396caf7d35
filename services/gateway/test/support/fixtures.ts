/** An agent the local engine can run without a model (extractive summary). */
export const summarizer = {
  name: 'Summarizer',
  description: 'Summarises text by extraction',
  kind: 'agentic' as const,
  capabilities: ['summarize'],
  domains: ['text'],
  inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  outputSchema: { type: 'object', properties: { summary: { type: 'string' } }, required: ['summary'] },
  costPerCall: 0.002,
  avgLatencyMs: 40,
  implementation: { task: 'summarize', sentences: 1 },
};

//   make ──► summarize
/** A two-block workflow that runs to completion on the local engine. */
export const simpleGraph = {
  executionMode: 'sequential',
  nodes: [
    {
      id: 'make',
      name: 'Make text',
      type: 'transform',
      config: { expression: '{"text": "Dagwright runs workflows. It is durable."}' },
      outputSchema: { type: 'object', properties: { text: { type: 'string' } } },
    },
    { id: 'summarize', name: 'Summarize', type: 'agent', agentId: 'summarizer' },
  ],
  edges: [{ from: 'make', to: 'summarize' }],
};

//   draft ──► review (human) ──► publish
/** A workflow that waits for a person. */
export const humanGraph = {
  executionMode: 'sequential',
  nodes: [
    { id: 'draft', name: 'draft', type: 'transform', config: { expression: '{"text": "hello"}' } },
    {
      id: 'review',
      name: 'review',
      type: 'human',
      config: {
        prompt: 'Approve?',
        inputSchema: { type: 'object', properties: { editor: { type: 'string' } }, required: ['editor'] },
      },
    },
    {
      id: 'publish',
      name: 'publish',
      type: 'transform',
      config: { expression: '{"published": input.editor}' },
    },
  ],
  edges: [
    { from: 'draft', to: 'review' },
    { from: 'review', to: 'publish' },
  ],
};
