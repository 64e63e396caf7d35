/**
 * What the layer knows about well-known models: list prices (US dollars per million tokens), context
 * windows and capability profiles that the selector weighs. Unknown models of paid providers need a price
 * in LLM_PRICES, so cost accounting is never silently zero.
 */
import type { CapabilityType, ModelCapability, ModelProvider } from './selection/model-provider.ts';
import type { ProviderType, TokenPrice } from './types.ts';

/** A model family's tier decides its capability strengths and typical latency. */
type Tier = 'frontier' | 'small' | 'nano' | 'reasoning' | 'self-hosted';

interface KnownModel {
  /** Matched as a prefix of the model name; the longest match wins. */
  prefix: string;
  perMillion: { input: number; output: number };
  contextTokens: number;
  tier: Tier;
  specializations: string[];
}

function known(
  prefix: string,
  inputPerMillion: number,
  outputPerMillion: number,
  contextTokens: number,
  tier: Tier,
  specializations: string[],
): KnownModel {
  return {
    prefix,
    perMillion: { input: inputPerMillion, output: outputPerMillion },
    contextTokens,
    tier,
    specializations,
  };
}

// prefix, USD per million input and output tokens, context window, tier, specializations.
const KNOWN_MODELS: readonly KnownModel[] = [
  known('gpt-4o', 2.5, 10, 128_000, 'frontier', ['analysis', 'code', 'vision']),
  known('gpt-4o-mini', 0.15, 0.6, 128_000, 'small', ['classification', 'extraction']),
  known('gpt-4.1', 2, 8, 1_047_576, 'frontier', ['code', 'long-context']),
  known('gpt-4.1-mini', 0.4, 1.6, 1_047_576, 'small', ['long-context']),
  known('gpt-4.1-nano', 0.1, 0.4, 1_047_576, 'nano', ['classification']),
  known('gpt-5', 1.25, 10, 400_000, 'frontier', ['analysis', 'code', 'planning']),
  known('gpt-5-mini', 0.25, 2, 400_000, 'small', []),
  known('gpt-5-nano', 0.05, 0.4, 400_000, 'nano', ['classification']),
  known('o3', 2, 8, 200_000, 'reasoning', ['planning', 'math']),
  known('o3-mini', 1.1, 4.4, 200_000, 'reasoning', ['planning', 'math']),
  known('o4-mini', 1.1, 4.4, 200_000, 'reasoning', ['planning', 'math']),
  known('claude-opus-4', 15, 75, 200_000, 'frontier', ['analysis', 'code', 'planning']),
  known('claude-opus-4-5', 5, 25, 200_000, 'frontier', ['analysis', 'code', 'planning']),
  known('claude-sonnet-4', 3, 15, 200_000, 'frontier', ['analysis', 'code', 'writing']),
  known('claude-haiku-4-5', 1, 5, 200_000, 'small', ['classification', 'extraction']),
  known('claude-3-5-haiku', 0.8, 4, 200_000, 'small', ['classification', 'extraction']),
  known('gemini-2.5-pro', 1.25, 10, 1_048_576, 'frontier', ['analysis', 'long-context']),
  known('gemini-2.5-flash', 0.3, 2.5, 1_048_576, 'small', ['long-context']),
  known('gemini-2.5-flash-lite', 0.1, 0.4, 1_048_576, 'nano', ['classification']),
  known('gemini-2.0-flash', 0.1, 0.4, 1_048_576, 'nano', ['long-context']),
];

const TIER_PROFILES: Readonly<
  Record<Tier, { strengths: Record<CapabilityType, number>; latencyMs: number }>
> = {
  frontier: {
    strengths: { generation: 0.9, reasoning: 0.9, optimization: 0.85, validation: 0.85 },
    latencyMs: 3000,
  },
  small: {
    strengths: { generation: 0.75, reasoning: 0.65, optimization: 0.7, validation: 0.75 },
    latencyMs: 1200,
  },
  nano: {
    strengths: { generation: 0.6, reasoning: 0.45, optimization: 0.5, validation: 0.65 },
    latencyMs: 700,
  },
  reasoning: {
    strengths: { generation: 0.8, reasoning: 0.95, optimization: 0.9, validation: 0.85 },
    latencyMs: 8000,
  },
  'self-hosted': {
    strengths: { generation: 0.6, reasoning: 0.5, optimization: 0.5, validation: 0.6 },
    latencyMs: 2500,
  },
};

/** Per-million-token prices by model name, as LLM_PRICES gives them. */
export type PriceTable = Record<string, { input: number; output: number }>;

function knownModel(model: string): KnownModel | undefined {
  return KNOWN_MODELS.filter((k) => model.startsWith(k.prefix)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
}

/** The per-token price of `model`: LLM_PRICES first, then the list price; undefined when neither knows it. */
export function priceOf(model: string, overrides: PriceTable = {}): TokenPrice | undefined {
  const perMillion = overrides[model] ?? knownModel(model)?.perMillion;
  return perMillion === undefined
    ? undefined
    : { input: perMillion.input / 1_000_000, output: perMillion.output / 1_000_000 };
}

/** What a provider of `type` running `model` declares to the selector. */
export function describeModel(
  id: string,
  type: ProviderType,
  model: string,
  costPerToken: TokenPrice,
): ModelProvider {
  if (type === 'local') return LOCAL_MODEL;
  const known = type === 'openai-compatible' ? undefined : knownModel(model);
  const tier = known?.tier ?? 'self-hosted';
  const profile = TIER_PROFILES[tier];
  const capabilities: ModelCapability[] = Object.entries(profile.strengths).map(([capability, strength]) => ({
    type: capability as CapabilityType,
    strength,
    domains: [],
  }));
  return {
    id,
    name: `${id} ${model}`,
    type,
    model,
    capabilities,
    costPerToken,
    maxTokens: known?.contextTokens ?? 32_768,
    specializations: known?.specializations ?? [],
    typicalLatencyMs: profile.latencyMs,
  };
}

/** The domains the local engine serves honestly; it declares nothing else. */
export const LOCAL_DOMAINS = ['summarization', 'classification', 'extraction', 'drafting'];

/** The local engine as the selector sees it: free and instant, but only for its own narrow domains. */
export const LOCAL_MODEL: ModelProvider = {
  id: 'local',
  name: 'built-in local engine',
  type: 'local',
  model: 'local',
  capabilities: [{ type: 'generation', strength: 0.35, domains: LOCAL_DOMAINS }],
  costPerToken: { input: 0, output: 0 },
  maxTokens: 1_000_000,
  specializations: LOCAL_DOMAINS,
  typicalLatencyMs: 5,
};
