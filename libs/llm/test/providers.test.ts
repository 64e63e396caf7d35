/** Each provider through its real SDK against a local server speaking that provider's wire format. */
import { anthropicText, anthropicToolUse, chatCompletion, useWireServer } from '@dagwright/testkit';
import { describe, expect, it } from 'vitest';
import { KEYS } from './fixtures.ts';
import { TICKET_SCHEMA, TRIAGE_MESSAGES, registryFromEnv } from './helpers.ts';

const server = useWireServer();

const TICKET = { title: 'Login broken after 2.3', priority: 1 };

describe('OpenAI', () => {
  it('asks for json_schema output with the bearer key, and accounts usage and cost', async () => {
    const registry = registryFromEnv({ OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1` });
    server.reply({
      body: chatCompletion(JSON.stringify(TICKET), 'gpt-4o-mini-2024-07-18', { prompt: 120, completion: 30 }),
    });

    const result = await registry.generateStructured('openai', {
      schema: TICKET_SCHEMA,
      schemaName: 'ticket',
      messages: TRIAGE_MESSAGES,
      maxTokens: 300,
      temperature: 0,
    });

    expect(result).toMatchObject({
      value: TICKET,
      attempts: 1,
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      cached: false,
    });
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    expect(result.costUsd).toBeCloseTo(120 * 0.15e-6 + 30 * 0.6e-6, 12);
    const [request] = server.requests;
    expect(server.requests).toHaveLength(1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEYS.openai}`);
    expect(request?.headers['x-stainless-retry-count']).toBe('0');
    expect(request?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: TRIAGE_MESSAGES,
      max_completion_tokens: 300,
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'ticket', schema: TICKET_SCHEMA, strict: true },
      },
    });
  });

  it('turns strict mode off for schemas OpenAI strict mode would reject, and still validates', async () => {
    const registry = registryFromEnv({ OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1` });
    // An open object, and a keyword (minLength) outside what strict mode supports.
    const open = {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' } } },
      required: ['tags'],
    };
    const lengthy = {
      ...TICKET_SCHEMA,
      properties: { ...TICKET_SCHEMA.properties, title: { type: 'string', minLength: 3 } },
    };
    server.reply(
      { body: chatCompletion('{"tags":["auth","release"]}', 'gpt-4o-mini-2024-07-18') },
      { body: chatCompletion('{"title":"ab","priority":2}', 'gpt-4o-mini-2024-07-18') },
      { body: chatCompletion('{"title":"abc","priority":2}', 'gpt-4o-mini-2024-07-18') },
    );
    const result = await registry.generateStructured('openai', { schema: open, messages: TRIAGE_MESSAGES });
    expect(result.value).toEqual({ tags: ['auth', 'release'] });
    const repaired = await registry.generateStructured('openai', {
      schema: lengthy,
      messages: TRIAGE_MESSAGES,
    });
    expect(repaired).toMatchObject({ value: { title: 'abc', priority: 2 }, attempts: 2 });
    expect(server.requests.map((r) => r.body.response_format)).toEqual([
      { type: 'json_schema', json_schema: { name: 'result', schema: open, strict: false } },
      { type: 'json_schema', json_schema: { name: 'result', schema: lengthy, strict: false } },
      { type: 'json_schema', json_schema: { name: 'result', schema: lengthy, strict: false } },
    ]);
  });
});

describe('Azure OpenAI', () => {
  it('calls the deployment path with api-version and the api-key header, never a bearer token', async () => {
    const registry = registryFromEnv({
      AZURE_OPENAI_API_KEY: KEYS.azure,
      AZURE_OPENAI_ENDPOINT: `${server.origin}/`,
      AZURE_OPENAI_DEPLOYMENT: 'dw-triage-mini',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    });
    server.reply({
      body: chatCompletion(JSON.stringify(TICKET), 'gpt-4o-mini', { prompt: 200, completion: 40 }),
    });

    const result = await registry.generateStructured('azure', {
      schema: TICKET_SCHEMA,
      schemaName: 'ticket',
      messages: TRIAGE_MESSAGES,
    });

    expect(result.value).toEqual(TICKET);
    expect(result.costUsd).toBeCloseTo(200 * 0.15e-6 + 40 * 0.6e-6, 12);
    const request = server.requests[0];
    expect(request?.url).toBe('/openai/deployments/dw-triage-mini/chat/completions?api-version=2024-10-21');
    expect(request?.headers['api-key']).toBe(KEYS.azure);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toMatchObject({
      model: 'dw-triage-mini',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'ticket', schema: TICKET_SCHEMA, strict: true },
      },
    });
  });
});

describe('Anthropic', () => {
  it('forces a single tool whose input_schema is the schema, with the system prompt apart', async () => {
    const registry = registryFromEnv({
      ANTHROPIC_API_KEY: KEYS.anthropic,
      ANTHROPIC_BASE_URL: server.origin,
    });
    server.reply({
      body: anthropicToolUse('ticket', TICKET, 'claude-sonnet-4-5-20250929', { input: 472, output: 89 }),
    });

    const result = await registry.generateStructured('anthropic', {
      schema: TICKET_SCHEMA,
      schemaName: 'ticket',
      description: 'A triaged support ticket.',
      messages: TRIAGE_MESSAGES,
    });

    expect(result).toMatchObject({
      value: TICKET,
      model: 'claude-sonnet-4-5-20250929',
      usage: { inputTokens: 472, outputTokens: 89 },
    });
    expect(result.costUsd).toBeCloseTo(472 * 3e-6 + 89 * 15e-6, 12);
    const request = server.requests[0];
    expect(request?.url).toBe('/v1/messages');
    // This SDK version sends the key as a bearer token; earlier ones used x-api-key.
    expect(request?.headers.authorization ?? request?.headers['x-api-key']).toMatch(
      new RegExp(`^(Bearer )?${KEYS.anthropic}$`),
    );
    expect(request?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      system: 'You triage support tickets into JSON.',
      messages: [{ role: 'user', content: 'Customers cannot log in since the 2.3 release.' }],
      tools: [{ name: 'ticket', description: 'A triaged support ticket.', input_schema: TICKET_SCHEMA }],
      tool_choice: { type: 'tool', name: 'ticket' },
    });
  });

  it('returns plain text for unstructured calls', async () => {
    const registry = registryFromEnv({
      ANTHROPIC_API_KEY: KEYS.anthropic,
      ANTHROPIC_BASE_URL: server.origin,
    });
    server.reply({
      body: anthropicText('Logins fail after 2.3.', 'claude-sonnet-4-5-20250929', { input: 25, output: 12 }),
    });
    const completion = await registry.complete('anthropic', { messages: TRIAGE_MESSAGES, maxTokens: 64 });
    expect(completion).toMatchObject({
      text: 'Logins fail after 2.3.',
      provider: 'anthropic',
      usage: { inputTokens: 25, outputTokens: 12 },
    });
    expect(completion.output).toBeUndefined();
    expect(server.requests[0]?.body).not.toHaveProperty('tools');
    expect(server.requests[0]?.body.max_tokens).toBe(64);
  });
});

describe('Gemini (OpenAI-compatible endpoint)', () => {
  it('posts to /v1beta/openai/chat/completions with the bearer key and max_tokens', async () => {
    const registry = registryFromEnv({
      GEMINI_API_KEY: KEYS.gemini,
      GEMINI_BASE_URL: `${server.origin}/v1beta/openai/`,
    });
    server.reply({
      body: chatCompletion(JSON.stringify(TICKET), 'gemini-2.5-flash', { prompt: 90, completion: 20 }),
    });

    const result = await registry.generateStructured('gemini', {
      schema: TICKET_SCHEMA,
      schemaName: 'ticket',
      messages: TRIAGE_MESSAGES,
      maxTokens: 256,
    });

    expect(result.value).toEqual(TICKET);
    expect(result.costUsd).toBeCloseTo(90 * 0.3e-6 + 20 * 2.5e-6, 12);
    const request = server.requests[0];
    expect(request?.url).toBe('/v1beta/openai/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEYS.gemini}`);
    expect(request?.body).toMatchObject({
      model: 'gemini-2.5-flash',
      max_tokens: 256,
      response_format: { type: 'json_schema' },
    });
  });
});

describe('OpenAI-compatible server', () => {
  it('serves a self-hosted model without a key (never leaking OPENAI_API_KEY) at no token cost', async () => {
    const registry = registryFromEnv({
      OPENAI_COMPATIBLE_BASE_URL: `${server.origin}/v1`,
      OPENAI_COMPATIBLE_MODEL: 'llama3.1:8b',
      OPENAI_COMPATIBLE_ID: 'ollama',
    });
    const ambient = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = 'sk-must-not-leak';
    try {
      // Non-object roots travel wrapped as { value } and come back unwrapped; a code fence is tolerated.
      server.reply({
        body: chatCompletion('```json\n{"value":["auth","release"]}\n```', 'llama3.1:8b', {
          prompt: 50,
          completion: 9,
        }),
      });
      const result = await registry.generateStructured('ollama', {
        schema: { type: 'array', items: { type: 'string' }, minItems: 1 },
        messages: TRIAGE_MESSAGES,
      });
      expect(result).toMatchObject({
        value: ['auth', 'release'],
        costUsd: 0,
        provider: 'ollama',
        usage: { inputTokens: 50, outputTokens: 9 },
      });
    } finally {
      if (ambient === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = ambient;
    }
    const request = server.requests[0];
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer not-needed');
    expect(request?.body.model).toBe('llama3.1:8b');
    expect(request?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'result',
        schema: {
          type: 'object',
          properties: { value: { type: 'array', items: { type: 'string' }, minItems: 1 } },
          required: ['value'],
          additionalProperties: false,
        },
        strict: true,
      },
    });
  });
});
