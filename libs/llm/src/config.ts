/**
 * Which providers are configured, from environment variables. `llmConfig()` is a config shape a service
 * spreads into its own; `llmSettings` turns the parsed values into provider settings, checking keys that
 * only make sense together. With nothing configured only the local engine is registered.
 */
import { env, parseConfig, type ConfigOf, type ConfigProblem, type ConfigResult } from '@dagwright/kit';
import { z } from 'zod';
import { priceOf, type PriceTable } from './catalog.ts';
import type { TokenPrice } from './types.ts';

const httpUrl = (doc: string) =>
  z
    .string()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: 'must be an http or https URL' })
    .optional()
    .describe(doc);

const prices = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: {"model": {"input": 0.15, "output": 0.6}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) })))
  .optional()
  .describe(
    'per-model prices in USD per million tokens, JSON {"model":{"input":n,"output":n}}; overrides list prices',
  );

/** The environment variables of the AI layer, each with its default and one line of doc. */
export function llmConfig() {
  return {
    OPENAI_API_KEY: env.optional('OpenAI API key; registers the openai provider'),
    OPENAI_BASE_URL: env.url(
      'https://api.openai.com/v1',
      ['http', 'https'],
      'OpenAI API base URL (or a proxy)',
    ),
    OPENAI_MODEL: env.string('gpt-4o-mini', 'model the openai provider calls'),
    AZURE_OPENAI_API_KEY: env.optional(
      'Azure OpenAI key (api-key header); needs ENDPOINT and DEPLOYMENT too',
    ),
    AZURE_OPENAI_ENDPOINT: httpUrl('Azure OpenAI resource, e.g. https://my-resource.openai.azure.com'),
    AZURE_OPENAI_DEPLOYMENT: env.optional('Azure OpenAI deployment the azure provider calls'),
    AZURE_OPENAI_API_VERSION: env.string('2024-10-21', 'Azure OpenAI api-version query parameter'),
    AZURE_OPENAI_MODEL: env.string(
      'gpt-4o-mini',
      'model behind the Azure deployment (for prices and capabilities)',
    ),
    ANTHROPIC_API_KEY: env.optional('Anthropic API key; registers the anthropic provider'),
    ANTHROPIC_BASE_URL: env.url('https://api.anthropic.com', ['http', 'https'], 'Anthropic API base URL'),
    ANTHROPIC_MODEL: env.string('claude-sonnet-4-5', 'model the anthropic provider calls'),
    GEMINI_API_KEY: env.optional('Google Gemini API key; registers the gemini provider'),
    GEMINI_BASE_URL: env.url(
      'https://generativelanguage.googleapis.com/v1beta/openai/',
      ['http', 'https'],
      "Gemini's OpenAI-compatible endpoint",
    ),
    GEMINI_MODEL: env.string('gemini-2.5-flash', 'model the gemini provider calls'),
    OPENAI_COMPATIBLE_BASE_URL: httpUrl(
      'OpenAI-compatible server (Ollama, vLLM, LocalAI), e.g. http://127.0.0.1:11434/v1',
    ),
    OPENAI_COMPATIBLE_MODEL: env.optional(
      'model the OpenAI-compatible server serves; required with its base URL',
    ),
    OPENAI_COMPATIBLE_API_KEY: env.optional('key of the OpenAI-compatible server, if it wants one'),
    OPENAI_COMPATIBLE_ID: env.string(
      'openai-compatible',
      'provider id of the OpenAI-compatible server, e.g. ollama',
    ),
    LLM_PRICES: prices,
    LLM_TIMEOUT_MS: env.int(60_000, 'per-attempt timeout of a model call'),
    LLM_MAX_RETRIES: env.int(2, 'retries of a model call on 429, 5xx, network errors and timeouts'),
    LLM_CIRCUIT_THRESHOLD: env.int(5, 'consecutive failures that open a provider circuit'),
    LLM_CIRCUIT_HALF_OPEN_MS: env.int(30_000, 'how long an open circuit refuses calls before a trial call'),
    LLM_MAX_REPAIRS: env.int(2, 'repair rounds of a structured call whose output breaks its schema'),
    LLM_CACHE_TTL_SECONDS: env.int(
      3600,
      'lifetime of cached identical requests in Redis; 0 turns the cache off',
    ),
  };
}

/** The parsed AI-layer configuration. */
export type LlmConfig = ConfigOf<ReturnType<typeof llmConfig>>;

interface Common {
  id: string;
  /** The model called (Azure: the model behind the deployment, for its price). */
  model: string;
  price: TokenPrice;
}
/** Settings of the openai provider. */
export type OpenAiSettings = Common & { type: 'openai'; apiKey: string; baseURL: string };
/** Settings of the azure provider. */
export type AzureSettings = Common & {
  type: 'azure';
  apiKey: string;
  endpoint: string;
  deployment: string;
  apiVersion: string;
};
/** Settings of the anthropic provider. */
export type AnthropicSettings = Common & { type: 'anthropic'; apiKey: string; baseURL: string };
/** Settings of the gemini provider. */
export type GeminiSettings = Common & { type: 'gemini'; apiKey: string; baseURL: string };
/** Settings of an OpenAI-compatible server. */
export type CompatibleSettings = Common & { type: 'openai-compatible'; baseURL: string; apiKey?: string };
/** Settings of one configured provider. */
export type ProviderSettings =
  OpenAiSettings | AzureSettings | AnthropicSettings | GeminiSettings | CompatibleSettings;

/** How calls are bounded and retried, and how long identical requests are cached. */
export interface CallPolicy {
  timeoutMs: number;
  maxRetries: number;
  circuitThreshold: number;
  circuitHalfOpenMs: number;
  maxRepairs: number;
  cacheTtlSeconds: number;
}

/** The configured providers (the local engine is always added by the registry) and the call policy. */
export interface LlmSettings {
  providers: ProviderSettings[];
  policy: CallPolicy;
}

/** Turns parsed configuration into provider settings; reports keys that are set without their partners. */
export function llmSettings(config: LlmConfig): ConfigResult<LlmSettings> {
  const problems: ConfigProblem[] = [];
  const table: PriceTable = config.LLM_PRICES ?? {};
  const price = (key: string, model: string, free = false): TokenPrice => {
    const found = priceOf(model, table);
    if (found !== undefined) return found;
    if (!free) problems.push({ key, message: `model '${model}' has no known price; add it to LLM_PRICES` });
    return { input: 0, output: 0 };
  };
  const providers: ProviderSettings[] = [];
  if (config.OPENAI_API_KEY !== undefined) {
    const model = config.OPENAI_MODEL;
    providers.push({
      type: 'openai',
      id: 'openai',
      model,
      price: price('OPENAI_MODEL', model),
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
    });
  }
  const azure = {
    AZURE_OPENAI_API_KEY: config.AZURE_OPENAI_API_KEY,
    AZURE_OPENAI_ENDPOINT: config.AZURE_OPENAI_ENDPOINT,
    AZURE_OPENAI_DEPLOYMENT: config.AZURE_OPENAI_DEPLOYMENT,
  };
  const azureMissing = Object.entries(azure)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (azureMissing.length === 0) {
    const model = config.AZURE_OPENAI_MODEL;
    providers.push({
      type: 'azure',
      id: 'azure',
      model,
      price: price('AZURE_OPENAI_MODEL', model),
      apiKey: azure.AZURE_OPENAI_API_KEY ?? '',
      endpoint: azure.AZURE_OPENAI_ENDPOINT ?? '',
      deployment: azure.AZURE_OPENAI_DEPLOYMENT ?? '',
      apiVersion: config.AZURE_OPENAI_API_VERSION,
    });
  } else if (azureMissing.length < 3) {
    for (const key of azureMissing)
      problems.push({ key, message: 'is required when any AZURE_OPENAI_* key is set' });
  }
  if (config.ANTHROPIC_API_KEY !== undefined) {
    const model = config.ANTHROPIC_MODEL;
    providers.push({
      type: 'anthropic',
      id: 'anthropic',
      model,
      price: price('ANTHROPIC_MODEL', model),
      apiKey: config.ANTHROPIC_API_KEY,
      baseURL: config.ANTHROPIC_BASE_URL,
    });
  }
  if (config.GEMINI_API_KEY !== undefined) {
    const model = config.GEMINI_MODEL;
    providers.push({
      type: 'gemini',
      id: 'gemini',
      model,
      price: price('GEMINI_MODEL', model),
      apiKey: config.GEMINI_API_KEY,
      baseURL: config.GEMINI_BASE_URL,
    });
  }
  const baseURL = config.OPENAI_COMPATIBLE_BASE_URL;
  const compatibleModel = config.OPENAI_COMPATIBLE_MODEL;
  if (baseURL !== undefined && compatibleModel !== undefined) {
    providers.push({
      type: 'openai-compatible',
      id: config.OPENAI_COMPATIBLE_ID,
      model: compatibleModel,
      // Self-hosted models cost nothing per token unless LLM_PRICES says otherwise.
      price: price('OPENAI_COMPATIBLE_MODEL', compatibleModel, true),
      baseURL,
      ...(config.OPENAI_COMPATIBLE_API_KEY === undefined ? {} : { apiKey: config.OPENAI_COMPATIBLE_API_KEY }),
    });
  } else if (baseURL !== undefined || compatibleModel !== undefined) {
    const key = baseURL === undefined ? 'OPENAI_COMPATIBLE_BASE_URL' : 'OPENAI_COMPATIBLE_MODEL';
    problems.push({ key, message: 'is required when the other OPENAI_COMPATIBLE_* key is set' });
  }
  const ids = providers.map((p) => p.id);
  if (ids.includes('local') || new Set(ids).size !== ids.length) {
    problems.push({
      key: 'OPENAI_COMPATIBLE_ID',
      message: `'${config.OPENAI_COMPATIBLE_ID}' is taken by another provider`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const policy: CallPolicy = {
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    circuitThreshold: Math.max(1, config.LLM_CIRCUIT_THRESHOLD),
    circuitHalfOpenMs: config.LLM_CIRCUIT_HALF_OPEN_MS,
    maxRepairs: config.LLM_MAX_REPAIRS,
    cacheTtlSeconds: config.LLM_CACHE_TTL_SECONDS,
  };
  return { ok: true, config: { providers, policy } };
}

/** The settings of a result, or an error listing every problem (`KEY: message`), for composition roots and tests. */
export function requireSettings(result: ConfigResult<LlmSettings>): LlmSettings {
  if (result.ok) return result.config;
  throw new Error(
    `bad model configuration: ${result.problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`,
  );
}

/** Reads the AI layer's settings from `env` (pure: pass `process.env` at the composition root); every problem at once. */
export function providersFromEnv(env: Record<string, string | undefined>): ConfigResult<LlmSettings> {
  const parsed = parseConfig(llmConfig(), env);
  return parsed.ok ? llmSettings(parsed.config) : parsed;
}
