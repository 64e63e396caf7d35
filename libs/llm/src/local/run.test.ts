import type { Agent } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { ModelRequiredError } from '../errors.ts';
import { localProvider } from '../providers/local.provider.ts';
import { runLocalAgent, runLocalTask } from './run.ts';

function agent(implementation: Record<string, unknown>, outputSchema: Record<string, unknown> = {}): Agent {
  return {
    id: 'support-agent',
    name: 'Support agent',
    description: 'handles tickets',
    kind: 'agentic',
    capabilities: [],
    domains: ['support'],
    inputSchema: { type: 'object' },
    outputSchema,
    costPerCall: 0.001,
    avgLatencyMs: 10,
    implementation,
  };
}

const ARTICLE =
  'Kafka stores events durably in partitions. Consumers read events from partitions at their own pace. ' +
  'The weather was nice yesterday. Partitions let Kafka scale consumers of events horizontally.';

describe('local engine', () => {
  it('summarises by picking the sentences richest in frequent terms, in their original order', () => {
    const result = runLocalAgent(agent({ task: 'summarize', sentences: 2 }), { text: ARTICLE });
    expect(result.output).toEqual({
      summary:
        'Kafka stores events durably in partitions. Partitions let Kafka scale consumers of events horizontally.',
    });
    expect(result.tokens).toBe(28);
  });

  it('keeps addresses and decimals inside a sentence whole', () => {
    const text = 'Write to sam@example.com about it. The fee rose by 3.5 percent. Thanks.';
    const result = runLocalAgent(agent({ task: 'summarize', sentences: 2 }), { text });
    expect(result.output).toEqual({
      summary: 'Write to sam@example.com about it. The fee rose by 3.5 percent.',
    });
  });

  it('classifies by keyword counts, falling back when no keyword occurs', () => {
    const labels = { billing: ['invoice', 'refund', 'charge'], outage: ['down', 'error', 'unavailable'] };
    const impl = { task: 'classify', labels, fallback: 'general', field: 'ticket.body' };
    expect(
      runLocalAgent(agent(impl), { ticket: { body: 'Refund the double charge on my invoice' } }).output,
    ).toEqual({ label: 'billing', scores: { billing: 3, outage: 0 } });
    expect(
      runLocalAgent(agent(impl), { ticket: { body: 'How do I change my avatar?' } }).output,
    ).toMatchObject({
      label: 'general',
    });
  });

  it('extracts entities of the requested kinds by pattern', () => {
    const text =
      'Mail ana@example.com or call +1 (555) 010-2030 before 2025-03-01 about the $1,250.00 invoice.';
    const result = runLocalAgent(agent({ task: 'extract', entities: ['emails', 'dates', 'amounts'] }), {
      text,
    });
    expect(result.output).toEqual({
      entities: { emails: ['ana@example.com'], dates: ['2025-03-01'], amounts: ['$1,250.00'] },
    });
  });

  it('leaves the punctuation that ends a sentence out of addresses and links', () => {
    const text =
      'Write to sam@example.com. The form is at https://acme.example/form?id=7, or see (https://acme.example/faq).';
    const result = runLocalAgent(agent({ task: 'extract', entities: ['emails', 'urls'] }), { text });
    expect(result.output).toEqual({
      entities: {
        emails: ['sam@example.com'],
        urls: ['https://acme.example/form?id=7', 'https://acme.example/faq'],
      },
    });
  });

  it('drafts from a template, and per output field with values fitted to the output schema', () => {
    const input = { customer: { name: 'Ana' }, order: 'A-17', items: 3, urgent: 'true' };
    expect(
      runLocalAgent(
        agent({ task: 'draft', template: 'Hi {{customer.name}}, order {{order}} shipped.' }),
        input,
      ).output,
    ).toEqual({
      draft: 'Hi Ana, order A-17 shipped.',
    });
    const schema = {
      type: 'object',
      properties: {
        subject: { type: 'string' },
        count: { type: 'integer' },
        urgent: { type: 'boolean' },
        customer: { type: 'object' },
      },
    };
    const impl = {
      task: 'draft',
      template: {
        subject: 'Order {{order}}',
        count: '{{items}}',
        urgent: '{{urgent}}',
        customer: '{{customer}}',
      },
    };
    expect(runLocalAgent(agent(impl, schema), input).output).toEqual({
      subject: 'Order A-17',
      count: 3,
      urgent: true,
      customer: { name: 'Ana' },
    });
    expect(() => runLocalAgent(agent(impl, schema), { ...input, items: 'many' })).toThrow(
      "draft field 'count' rendered 'many', which is not a integer",
    );
  });

  it('refuses a task that needs a language model, naming the configuration that would serve it', () => {
    const run = () => runLocalAgent(agent({ task: 'generate', prompt: 'Write a poem' }), { text: 'x' });
    expect(run).toThrow(ModelRequiredError);
    expect(run).toThrow(/agent 'support-agent' \(task 'generate'\) needs a language model/);
    expect(run).toThrow(/OPENAI_API_KEY/);
    expect(() => runLocalAgent(agent({}), {})).toThrow(/task '\(none\)'/);
  });

  it('reports missing input and malformed implementations as input errors', () => {
    expect(() => runLocalAgent(agent({ task: 'summarize' }), {})).toThrow(
      expect.objectContaining({
        code: 'LOCAL_INPUT_INVALID',
        message: "input field 'text' is missing",
        details: [{ code: 'LOCAL_INPUT_INVALID', path: '/text', message: "input field 'text' is missing" }],
      }),
    );
    expect(() => runLocalAgent(agent({ task: 'summarize', sentences: 'all' }), { text: 'a.' })).toThrow(
      /positive integer/,
    );
    expect(() => runLocalAgent(agent({ task: 'classify', labels: { a: 'x' } }), { text: 'a' })).toThrow(
      /list of keywords/,
    );
    expect(() => runLocalAgent(agent({ task: 'draft' }), {})).toThrow(/needs implementation.template/);
  });

  it('serves tasks as a provider at no cost and refuses free-form prompts', async () => {
    const provider = localProvider();
    const completion = await provider.complete({
      messages: [],
      localTask: { implementation: { task: 'summarize', sentences: 1 }, input: { text: ARTICLE } },
    });
    expect(completion).toMatchObject({
      costUsd: 0,
      model: 'local',
      provider: 'local',
      usage: { outputTokens: 0 },
    });
    expect(completion.output).toEqual(
      runLocalTask({ implementation: { task: 'summarize', sentences: 1 }, input: { text: ARTICLE } }).output,
    );
    await expect(
      provider.complete({ messages: [{ role: 'user', content: 'Write a haiku about Kafka' }] }),
    ).rejects.toMatchObject({
      code: 'MODEL_REQUIRED',
      message: expect.stringContaining('a free-form prompt needs a language model') as unknown,
    });
  });
});
