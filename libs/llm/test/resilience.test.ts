/** The resilience layer against real SDKs and a misbehaving local server: retries, circuit, timeouts. */
import {
  anthropicError,
  anthropicText,
  chatCompletion,
  openAiError,
  useWireServer,
} from '@dagwright/testkit';
import { describe, expect, it } from 'vitest';
import { ProviderRejectedError, ProviderTimeoutError, ProviderUnavailableError } from '../src/index.ts';
import { KEYS } from './fixtures.ts';
import { TRIAGE_MESSAGES, registryFromEnv } from './helpers.ts';

const server = useWireServer();

const MODEL = 'gpt-4o-mini-2024-07-18';
const OK = { body: chatCompletion('Logins fail after 2.3.', MODEL, { prompt: 40, completion: 8 }) };
const RATE_LIMITED = {
  status: 429,
  body: openAiError(
    'Rate limit reached for gpt-4o-mini on requests per min (RPM)',
    'requests',
    'rate_limit_exceeded',
  ),
  headers: { 'retry-after': '0' },
};
const UNAVAILABLE = {
  status: 503,
  body: openAiError('The server is overloaded or not ready yet.', 'server_error', null),
};
const ask = { messages: TRIAGE_MESSAGES };

function openai(policy: Record<string, string> = {}) {
  return registryFromEnv({ OPENAI_API_KEY: KEYS.openai, OPENAI_BASE_URL: `${server.origin}/v1`, ...policy });
}

describe('retries', () => {
  it('retries 429 and 503 with backoff in one place (the SDK does not retry) and then succeeds', async () => {
    server.reply(RATE_LIMITED, UNAVAILABLE, OK);
    const completion = await openai().complete('openai', ask);
    expect(completion.text).toBe('Logins fail after 2.3.');
    expect(completion.costUsd).toBeCloseTo(40 * 0.15e-6 + 8 * 0.6e-6, 12);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '0', '0']);
  });

  it('gives up after LLM_MAX_RETRIES with an unavailable error naming the provider and attempts', async () => {
    server.reply(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, OK);
    const error = await openai({ LLM_MAX_RETRIES: '2' })
      .complete('openai', ask)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', provider: 'openai' });
    expect((error as Error).message).toContain("provider 'openai' failed after 3 attempt(s)");
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry requests the provider rejects', async () => {
    server.reply(
      {
        status: 400,
        body: openAiError("Invalid schema for response_format 'ticket'", 'invalid_request_error', null),
      },
      {
        status: 401,
        body: openAiError('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'),
      },
    );
    const registry = openai();
    await expect(registry.complete('openai', ask)).rejects.toMatchObject({
      code: 'LLM_REQUEST_REJECTED',
      status: 400,
    });
    const auth = await registry.complete('openai', ask).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(ProviderRejectedError);
    expect(auth).toMatchObject({ code: 'LLM_AUTH_FAILED', kind: 'failed_precondition' });
    expect((auth as Error).message).toContain('check its API key');
    expect(server.requests).toHaveLength(2);
  });

  it('retries dropped connections and Anthropic overload (529) too', async () => {
    const registry = registryFromEnv({
      ANTHROPIC_API_KEY: KEYS.anthropic,
      ANTHROPIC_BASE_URL: server.origin,
    });
    server.reply(
      { drop: true },
      { status: 529, body: anthropicError('overloaded_error', 'Overloaded') },
      { body: anthropicText('ok', 'claude-sonnet-4-5-20250929') },
    );
    expect((await registry.complete('anthropic', ask)).text).toBe('ok');
    expect(server.requests).toHaveLength(3);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, fails fast without calling, and closes after a good trial call', async () => {
    const registry = openai({
      LLM_MAX_RETRIES: '0',
      LLM_CIRCUIT_THRESHOLD: '3',
      LLM_CIRCUIT_HALF_OPEN_MS: '300',
    });
    server.reply(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);
    for (let i = 0; i < 3; i++) {
      await expect(registry.complete('openai', ask)).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
    }
    expect(registry.circuitStates()).toEqual({ openai: 'open' });

    const started = Date.now();
    await expect(registry.complete('openai', ask)).rejects.toMatchObject({
      code: 'LLM_CIRCUIT_OPEN',
      provider: 'openai',
    });
    expect(Date.now() - started).toBeLessThan(250);
    expect(server.requests).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 350));
    server.reply(OK);
    expect((await registry.complete('openai', ask)).text).toBe('Logins fail after 2.3.');
    expect(registry.circuitStates()).toEqual({ openai: 'closed' });
    expect(server.requests).toHaveLength(4);
  });

  it('keeps one circuit per provider', async () => {
    const registry = registryFromEnv({
      OPENAI_API_KEY: KEYS.openai,
      OPENAI_BASE_URL: `${server.origin}/v1`,
      GEMINI_API_KEY: KEYS.gemini,
      GEMINI_BASE_URL: `${server.origin}/v1beta/openai/`,
      LLM_MAX_RETRIES: '0',
      LLM_CIRCUIT_THRESHOLD: '1',
    });
    server.reply(UNAVAILABLE, { body: chatCompletion('fine', 'gemini-2.5-flash') });
    await expect(registry.complete('openai', ask)).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
    expect((await registry.complete('gemini', ask)).text).toBe('fine');
    expect(registry.circuitStates()).toEqual({ openai: 'open', gemini: 'closed' });
  });
});

describe('timeouts', () => {
  it('abandons an attempt after LLM_TIMEOUT_MS', async () => {
    server.reply({ ...OK, delayMs: 2000 });
    const started = Date.now();
    const error = await openai({ LLM_TIMEOUT_MS: '150', LLM_MAX_RETRIES: '0' })
      .complete('openai', ask)
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(ProviderTimeoutError);
    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED', kind: 'deadline_exceeded' });
    expect((error as Error).message).toBe("provider 'openai' did not answer within 150 ms");
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('retries a timed-out attempt', async () => {
    server.reply({ ...OK, delayMs: 2000 }, OK);
    const completion = await openai({ LLM_TIMEOUT_MS: '150', LLM_MAX_RETRIES: '1' }).complete('openai', ask);
    expect(completion.text).toBe('Logins fail after 2.3.');
    expect(server.requests).toHaveLength(2);
  });

  it('stops at once when the caller cancels, without retrying or counting it against the provider', async () => {
    server.reply({ ...OK, delayMs: 2000 });
    const registry = openai({ LLM_CIRCUIT_THRESHOLD: '1' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(registry.complete('openai', { ...ask, signal: controller.signal })).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
      message: "the call to provider 'openai' was cancelled by its caller",
    });
    expect(server.requests).toHaveLength(1);
    expect(registry.circuitStates()).toEqual({ openai: 'closed' });
  });
});
