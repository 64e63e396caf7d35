import { describe, expect, it } from 'vitest';
import { providersFromEnv } from './config.ts';
import { createRegistry } from './registry.ts';

function settings(env: Record<string, string>) {
  const result = providersFromEnv(env);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.config;
}

describe('providersFromEnv', () => {
  it('registers only the local engine when nothing is configured, and it serves every task', async () => {
    const config = settings({});
    expect(config.providers).toEqual([]);
    expect(config.policy).toEqual({
      timeoutMs: 60_000,
      maxRetries: 2,
      circuitThreshold: 5,
      circuitHalfOpenMs: 30_000,
      maxRepairs: 2,
      cacheTtlSeconds: 3600,
    });
    const registry = createRegistry(config);
    expect(registry.models().map((m) => m.id)).toEqual(['local']);
    for (const task of ['generation', 'optimization', 'validation', 'reasoning'] as const) {
      expect((await registry.select({ task, optimizeFor: 'accuracy' })).model.id).toBe('local');
    }
  });

  it('reads every provider with its endpoint, model and per-token price', () => {
    const config = settings({
      OPENAI_API_KEY: 'sk-1',
      OPENAI_MODEL: 'gpt-4o',
      AZURE_OPENAI_API_KEY: 'az-1',
      AZURE_OPENAI_ENDPOINT: 'https://dw.openai.azure.com/',
      AZURE_OPENAI_DEPLOYMENT: 'prod-mini',
      ANTHROPIC_API_KEY: 'sk-ant-1',
      GEMINI_API_KEY: 'g-1',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_COMPATIBLE_MODEL: 'llama3.1:8b',
      OPENAI_COMPATIBLE_ID: 'ollama',
      LLM_PRICES: '{"llama3.1:8b": {"input": 0.02, "output": 0.05}}',
      LLM_TIMEOUT_MS: '5000',
      LLM_CACHE_TTL_SECONDS: '0',
    });
    expect(config.providers).toEqual([
      {
        type: 'openai',
        id: 'openai',
        model: 'gpt-4o',
        apiKey: 'sk-1',
        baseURL: 'https://api.openai.com/v1',
        price: { input: 2.5e-6, output: 1e-5 },
      },
      {
        type: 'azure',
        id: 'azure',
        model: 'gpt-4o-mini',
        apiKey: 'az-1',
        endpoint: 'https://dw.openai.azure.com/',
        deployment: 'prod-mini',
        apiVersion: '2024-10-21',
        price: { input: 1.5e-7, output: 6e-7 },
      },
      {
        type: 'anthropic',
        id: 'anthropic',
        model: 'claude-sonnet-4-5',
        apiKey: 'sk-ant-1',
        baseURL: 'https://api.anthropic.com',
        price: { input: 3e-6, output: 1.5e-5 },
      },
      {
        type: 'gemini',
        id: 'gemini',
        model: 'gemini-2.5-flash',
        apiKey: 'g-1',
        baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/',
        price: { input: 3e-7, output: 2.5e-6 },
      },
      {
        type: 'openai-compatible',
        id: 'ollama',
        model: 'llama3.1:8b',
        baseURL: 'http://127.0.0.1:11434/v1',
        price: { input: 0.02 / 1e6, output: 0.05 / 1e6 },
      },
    ]);
    expect(config.policy).toMatchObject({ timeoutMs: 5000, cacheTtlSeconds: 0 });
    expect(
      createRegistry(config)
        .models()
        .map((m) => m.id),
    ).toEqual(['openai', 'azure', 'anthropic', 'gemini', 'ollama', 'local']);
  });

  it('lists every problem at once: partial Azure, half a compatible server, unknown prices, bad values', () => {
    const result = providersFromEnv({
      AZURE_OPENAI_API_KEY: 'az-1',
      OPENAI_COMPATIBLE_MODEL: 'llama3.1:8b',
      OPENAI_API_KEY: 'sk-1',
      OPENAI_MODEL: 'gpt-99-turbo',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.key).sort()).toEqual([
      'AZURE_OPENAI_DEPLOYMENT',
      'AZURE_OPENAI_ENDPOINT',
      'OPENAI_COMPATIBLE_BASE_URL',
      'OPENAI_MODEL',
    ]);
    const malformed = providersFromEnv({
      LLM_PRICES: '{oops',
      LLM_TIMEOUT_MS: 'soon',
      GEMINI_BASE_URL: 'ftp://x',
    });
    expect(malformed.ok ? [] : malformed.problems.map((p) => p.key).sort()).toEqual([
      'GEMINI_BASE_URL',
      'LLM_PRICES',
      'LLM_TIMEOUT_MS',
    ]);
  });

  it('prices an unlisted model through LLM_PRICES, and refuses a compatible id that is taken', () => {
    const config = settings({
      OPENAI_API_KEY: 'sk-1',
      OPENAI_MODEL: 'gpt-99',
      LLM_PRICES: '{"gpt-99":{"input":1,"output":2}}',
    });
    expect(config.providers[0]?.price).toEqual({ input: 1e-6, output: 2e-6 });
    const taken = providersFromEnv({
      OPENAI_COMPATIBLE_BASE_URL: 'http://h:1/v1',
      OPENAI_COMPATIBLE_MODEL: 'm',
      OPENAI_COMPATIBLE_ID: 'local',
    });
    expect(taken.ok ? [] : taken.problems).toEqual([
      { key: 'OPENAI_COMPATIBLE_ID', message: "'local' is taken by another provider" },
    ]);
  });
});
