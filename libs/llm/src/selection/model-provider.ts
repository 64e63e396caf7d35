/** The seed's model registry entry: what a model can do, how well, and what it costs. */
import type { ProviderType, TokenPrice } from '../types.ts';

/** The kinds of work a model is chosen for. */
export const CAPABILITY_TYPES = ['generation', 'optimization', 'validation', 'reasoning'] as const;
/** A kind of work a model is chosen for. */
export type CapabilityType = (typeof CAPABILITY_TYPES)[number];

/** How well a model does one kind of work; empty `domains` means any domain. */
export interface ModelCapability {
  type: CapabilityType;
  /** 0..1. */
  strength: number;
  domains: string[];
}

/** A model the selector can choose: one per configured provider. */
export interface ModelProvider {
  /** The provider id, which the registry resolves to a client. */
  id: string;
  name: string;
  type: ProviderType;
  /** The model called (Azure: the model behind the deployment). */
  model: string;
  capabilities: ModelCapability[];
  /** US dollars per token. */
  costPerToken: TokenPrice;
  /** Context window in tokens. */
  maxTokens: number;
  specializations: string[];
  /** Typical time to a complete answer of a few hundred tokens, for `optimizeFor: 'speed'`. */
  typicalLatencyMs: number;
}
