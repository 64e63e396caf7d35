/** The one interface every model provider implements, and what flows through it. */
import type { JsonSchema } from '@dagwright/workflow';

/** The kinds of provider the layer speaks to. */
export type ProviderType = 'openai' | 'anthropic' | 'azure' | 'gemini' | 'openai-compatible' | 'local';

/** One turn of a conversation. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON Schema the reply must satisfy, named for the provider's structured-output feature. */
export interface OutputSchema {
  /** `[A-Za-z0-9_-]{1,64}`: the json_schema name (OpenAI) or the tool name (Anthropic). */
  name: string;
  /** Must have an object root; `generateStructured` wraps other roots. */
  schema: JsonSchema;
  description?: string;
  /** OpenAI strict mode; only for schemas that meet its rules (closed objects, every property required). */
  strict?: boolean;
}

/**
 * A task the local engine can serve without a model: the implementation of a catalog agent
 * (`task`: summarize | classify | extract | draft, plus its parameters) and the input to run it on.
 * Real providers ignore it and answer the messages.
 */
export interface LocalTask {
  implementation: Record<string, unknown>;
  input: Record<string, unknown>;
  /** Names the task in errors, e.g. the agent id. */
  label?: string;
}

/** What a caller asks of a provider. */
export interface CompletionRequest {
  messages: ChatMessage[];
  /** Overrides the provider's configured model (OpenAI-wire providers; Azure uses its deployment). */
  model?: string;
  maxTokens?: number;
  temperature?: number;
  /** Ask for JSON matching this schema through the provider's native structured-output feature. */
  outputSchema?: OutputSchema;
  localTask?: LocalTask;
  /** Set to false to bypass the response cache for this call. */
  cache?: boolean;
  signal?: AbortSignal;
}

/** Tokens a call consumed. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** A provider's answer, with what it cost. */
export interface Completion {
  /** The reply text (for structured calls, the JSON text). */
  text: string;
  /** The reply as an object when the provider returns one natively (Anthropic tool input, local engine). */
  output?: unknown;
  usage: Usage;
  costUsd: number;
  model: string;
  provider: string;
  /** True when served from the response cache (no tokens consumed, no cost). */
  cached?: boolean;
}

/** Price of one token in US dollars. */
export interface TokenPrice {
  input: number;
  output: number;
}

/** A configured model endpoint. */
export interface LlmProvider {
  readonly id: string;
  readonly type: ProviderType;
  /** The model (or Azure deployment) this provider calls unless a request names another. */
  readonly model: string;
  complete(request: CompletionRequest): Promise<Completion>;
}

/** Dollars for `usage` at `price`. */
export function costOf(usage: Usage, price: TokenPrice): number {
  return usage.inputTokens * price.input + usage.outputTokens * price.output;
}

/** Adds usage and cost over several calls (e.g. a structured call and its repairs). */
export function sumUsage(calls: readonly Completion[]): { usage: Usage; costUsd: number } {
  return calls.reduce(
    (sum, c) => ({
      usage: {
        inputTokens: sum.usage.inputTokens + c.usage.inputTokens,
        outputTokens: sum.usage.outputTokens + c.usage.outputTokens,
      },
      costUsd: sum.costUsd + c.costUsd,
    }),
    { usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0 },
  );
}
