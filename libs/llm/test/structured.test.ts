/** Structured output: re-validation, the bounded repair loop and accounting over repairs. */
import { anthropicToolUse, chatCompletion, useWireServer } from '@dagwright/testkit';
import { describe, expect, it } from 'vitest';
import { StructuredOutputError, generateStructured, localProvider } from '../src/index.ts';
import { KEYS } from './fixtures.ts';
import { TICKET_SCHEMA, TRIAGE_MESSAGES, registryFromEnv } from './helpers.ts';

const server = useWireServer();

const MODEL = 'gpt-4o-mini-2024-07-18';
const openai = () => registryFromEnv({ OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1` });
const costOf = (prompt: number, completion: number) => prompt * 0.15e-6 + completion * 0.6e-6;

describe('generateStructured', () => {
  it('repairs an invalid answer by feeding the validation errors back, and sums usage over both calls', async () => {
    const invalid = '{"title":"Login broken","priority":"urgent"}';
    server.reply(
      { body: chatCompletion(invalid, MODEL, { prompt: 100, completion: 20 }) },
      {
        body: chatCompletion('{"title":"Login broken","priority":1}', MODEL, { prompt: 180, completion: 15 }),
      },
    );

    const result = await openai().generateStructured('openai', {
      schema: TICKET_SCHEMA,
      messages: TRIAGE_MESSAGES,
    });

    expect(result.value).toEqual({ title: 'Login broken', priority: 1 });
    expect(result.attempts).toBe(2);
    expect(result.calls.map((c) => c.usage)).toEqual([
      { inputTokens: 100, outputTokens: 20 },
      { inputTokens: 180, outputTokens: 15 },
    ]);
    expect(result.usage).toEqual({ inputTokens: 280, outputTokens: 35 });
    expect(result.costUsd).toBeCloseTo(costOf(100, 20) + costOf(180, 15), 12);
    const repair = server.requests[1]?.body.messages as { role: string; content: string }[];
    expect(repair.slice(0, 2)).toEqual(TRIAGE_MESSAGES);
    expect(repair[2]).toEqual({ role: 'assistant', content: invalid });
    expect(repair[3]?.role).toBe('user');
    expect(repair[3]?.content).toContain('/priority: must be integer');
    expect(server.requests[1]?.body.response_format).toEqual(server.requests[0]?.body.response_format);
  });

  it('gives up after the repair bound with a clear error that still accounts what was spent', async () => {
    for (let i = 0; i < 3; i++)
      server.reply({ body: chatCompletion('{"title":"x"}', MODEL, { prompt: 100, completion: 10 }) });

    const error = await openai()
      .generateStructured('openai', { schema: TICKET_SCHEMA, messages: TRIAGE_MESSAGES })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StructuredOutputError);
    const failure = error as StructuredOutputError;
    expect(failure.code).toBe('LLM_OUTPUT_INVALID');
    expect(failure.attempts).toBe(3);
    expect(failure.message).toContain("provider 'openai' gave no output matching the schema in 3 attempt(s)");
    expect(failure.details).toEqual([
      { code: 'INVALID_DATA', path: '/priority', message: 'is required' },
      { code: 'INVALID_DATA', path: '/title', message: 'must match pattern "^.{3,}$"' },
    ]);
    expect(failure.usage).toEqual({ inputTokens: 300, outputTokens: 30 });
    expect(failure.costUsd).toBeCloseTo(3 * costOf(100, 10), 12);
    expect(server.requests).toHaveLength(3);
  });

  it('honours a smaller repair bound and treats text that is not JSON as a problem to repair', async () => {
    server.reply({ body: chatCompletion('Sure! Here is the ticket: title=Login', MODEL) });
    await expect(
      openai().generateStructured('openai', {
        schema: TICKET_SCHEMA,
        messages: TRIAGE_MESSAGES,
        maxRepairs: 0,
      }),
    ).rejects.toMatchObject({ attempts: 1, details: [{ code: 'INVALID_JSON', path: '' }] });
    expect(server.requests).toHaveLength(1);
  });

  it('repairs over Anthropic tool use, replaying the tool input as the assistant turn', async () => {
    const registry = registryFromEnv({
      ANTHROPIC_API_KEY: KEYS.anthropic,
      ANTHROPIC_BASE_URL: server.origin,
    });
    const model = 'claude-sonnet-4-5-20250929';
    server.reply(
      {
        body: anthropicToolUse('ticket', { title: 'Login broken', priority: 9 }, model, {
          input: 400,
          output: 50,
        }),
      },
      {
        body: anthropicToolUse('ticket', { title: 'Login broken', priority: 5 }, model, {
          input: 480,
          output: 50,
        }),
      },
    );

    const result = await registry.generateStructured('anthropic', {
      schema: TICKET_SCHEMA,
      schemaName: 'ticket',
      messages: TRIAGE_MESSAGES,
    });

    expect(result).toMatchObject({ value: { title: 'Login broken', priority: 5 }, attempts: 2 });
    expect(result.costUsd).toBeCloseTo(880 * 3e-6 + 100 * 15e-6, 12);
    const messages = server.requests[1]?.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]?.content).toBe('{"title":"Login broken","priority":9}');
    expect(messages[2]?.content).toContain('/priority: must be <= 5');
  });

  it('refuses a broken schema or schema name before calling any model', async () => {
    const registry = openai();
    await expect(
      registry.generateStructured('openai', {
        schema: { type: 'object', properties: { a: { type: 'strnig' } } },
        messages: TRIAGE_MESSAGES,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ code: 'INVALID_JSON_SCHEMA' }] });
    await expect(
      registry.generateStructured('openai', {
        schema: TICKET_SCHEMA,
        schemaName: 'a ticket!',
        messages: TRIAGE_MESSAGES,
      }),
    ).rejects.toMatchObject({ details: [{ code: 'INVALID_SCHEMA_NAME' }] });
    expect(server.requests).toHaveLength(0);
  });

  it('runs local tasks under the same validation, without repairs, and refuses free-form prompts', async () => {
    const provider = localProvider();
    const localTask = {
      implementation: { task: 'classify', labels: { outage: ['login', 'down'], billing: ['invoice'] } },
      input: { text: 'Customers cannot login since the release; the site is down' },
    };
    const schema = {
      type: 'object',
      properties: { label: { enum: ['outage', 'billing', 'other'] }, scores: { type: 'object' } },
      required: ['label'],
    };
    const result = await generateStructured({ provider, schema, messages: [], localTask });
    expect(result).toMatchObject({
      value: { label: 'outage', scores: { outage: 2, billing: 0 } },
      attempts: 1,
      costUsd: 0,
    });

    const mismatch = { type: 'object', properties: { category: { type: 'string' } }, required: ['category'] };
    await expect(
      generateStructured({ provider, schema: mismatch, messages: [], localTask }),
    ).rejects.toMatchObject({
      code: 'LLM_OUTPUT_INVALID',
      attempts: 1,
      details: [{ path: '/category', message: 'is required' }],
    });
    await expect(
      generateStructured({ provider, schema, messages: [{ role: 'user', content: 'Classify this ticket' }] }),
    ).rejects.toMatchObject({
      code: 'MODEL_REQUIRED',
      message: expect.stringMatching(/OPENAI_API_KEY/) as unknown,
    });
  });
});
