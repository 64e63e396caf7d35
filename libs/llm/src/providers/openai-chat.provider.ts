/**
 * Providers that speak OpenAI's chat.completions wire format through the official `openai` SDK: OpenAI
 * itself, Azure OpenAI (`AzureOpenAI`: deployment in the path, api-version query, api-key header), Google
 * Gemini's OpenAI-compatible endpoint and any OpenAI-compatible server (Ollama, vLLM, LocalAI).
 * The SDK's own retries are off (`maxRetries: 0`): the resilience layer is the only place that retries.
 */
import { AzureOpenAI, OpenAI } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { ProviderRejectedError } from '../errors.ts';
import {
  costOf,
  type Completion,
  type CompletionRequest,
  type LlmProvider,
  type TokenPrice,
} from '../types.ts';
import type { AzureSettings, CompatibleSettings, GeminiSettings, OpenAiSettings } from '../config.ts';

interface ChatProviderOptions {
  id: string;
  type: 'openai' | 'azure' | 'gemini' | 'openai-compatible';
  client: OpenAI;
  model: string;
  price: TokenPrice;
  /** OpenAI and Azure take `max_completion_tokens`; Gemini and most compatible servers `max_tokens`. */
  tokenLimit: 'max_completion_tokens' | 'max_tokens';
}

function clientTimeout(timeoutMs: number): number {
  // A backstop only: the resilience layer's timeout fires first and aborts the request through its signal.
  return timeoutMs + 1000;
}

function chatBody(
  options: ChatProviderOptions,
  request: CompletionRequest,
): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: request.model ?? options.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (request.maxTokens !== undefined) body[options.tokenLimit] = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  const schema = request.outputSchema;
  if (schema !== undefined) {
    body.response_format = {
      type: 'json_schema',
      json_schema: {
        name: schema.name,
        schema: schema.schema,
        strict: schema.strict ?? false,
        ...(schema.description === undefined ? {} : { description: schema.description }),
      },
    };
  }
  return body;
}

/** A provider over an OpenAI-wire client; exported for tests and for callers with a client of their own. */
export function chatProvider(options: ChatProviderOptions): LlmProvider {
  return {
    id: options.id,
    type: options.type,
    model: options.model,
    async complete(request: CompletionRequest): Promise<Completion> {
      const response = await options.client.chat.completions.create(chatBody(options, request), {
        signal: request.signal,
      });
      const message = response.choices[0]?.message;
      if (message?.refusal) {
        throw new ProviderRejectedError(options.id, undefined, `the model refused: ${message.refusal}`);
      }
      const usage = {
        inputTokens: response.usage?.prompt_tokens ?? 0,
        outputTokens: response.usage?.completion_tokens ?? 0,
      };
      return {
        text: message?.content ?? '',
        usage,
        costUsd: costOf(usage, options.price),
        model: response.model || (request.model ?? options.model),
        provider: options.id,
      };
    },
  };
}

/** The fields a provider keeps of its settings; keys stay with the SDK client only. */
function identity<T extends ChatProviderOptions['type']>(settings: {
  id: string;
  type: T;
  model: string;
  price: TokenPrice;
}) {
  return { id: settings.id, type: settings.type, model: settings.model, price: settings.price };
}

// Explicit nulls stop the SDK from reading OPENAI_ORG_ID/OPENAI_PROJECT_ID/OPENAI_ADMIN_KEY from the
// process environment and sending an OpenAI organisation to another vendor's server.
const NO_AMBIENT = { organization: null, project: null, adminAPIKey: null, maxRetries: 0 } as const;

/** An OpenAI-wire client for `baseURL`; every option that the SDK would otherwise read from the environment is set. */
function openAiClient(apiKey: string, baseURL: string, timeoutMs: number): OpenAI {
  return new OpenAI({ ...NO_AMBIENT, apiKey, baseURL, timeout: clientTimeout(timeoutMs) });
}

/** OpenAI's API (or a proxy of it at OPENAI_BASE_URL). */
export function openAiProvider(settings: OpenAiSettings, timeoutMs: number): LlmProvider {
  const client = openAiClient(settings.apiKey, settings.baseURL, timeoutMs);
  return chatProvider({ ...identity(settings), client, tokenLimit: 'max_completion_tokens' });
}

/** Azure OpenAI: requests go to `{endpoint}/openai/deployments/{deployment}/...?api-version=...` with `api-key`. */
export function azureProvider(settings: AzureSettings, timeoutMs: number): LlmProvider {
  const client = new AzureOpenAI({
    ...NO_AMBIENT,
    apiKey: settings.apiKey,
    // A base URL rather than `endpoint`, so an OPENAI_BASE_URL in the process environment can't collide with it.
    baseURL: `${settings.endpoint.replace(/\/+$/, '')}/openai`,
    deployment: settings.deployment,
    apiVersion: settings.apiVersion,
    timeout: clientTimeout(timeoutMs),
  });
  // Azure routes by deployment; `settings.model` names the model behind it only for its price.
  return chatProvider({
    ...identity(settings),
    model: settings.deployment,
    client,
    tokenLimit: 'max_completion_tokens',
  });
}

/** Google Gemini through its OpenAI-compatible endpoint (Bearer key, `/chat/completions` under GEMINI_BASE_URL). */
export function geminiProvider(settings: GeminiSettings, timeoutMs: number): LlmProvider {
  const client = openAiClient(settings.apiKey, settings.baseURL, timeoutMs);
  return chatProvider({ ...identity(settings), client, tokenLimit: 'max_tokens' });
}

/** Any OpenAI-compatible server; many need no key, so a placeholder keeps the SDK from reading OPENAI_API_KEY. */
export function compatibleProvider(settings: CompatibleSettings, timeoutMs: number): LlmProvider {
  const client = openAiClient(settings.apiKey ?? 'not-needed', settings.baseURL, timeoutMs);
  return chatProvider({ ...identity(settings), client, tokenLimit: 'max_tokens' });
}
