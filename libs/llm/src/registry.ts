/**
 * The model registry built from configuration: one client per configured provider (behind the resilience
 * layer and the response cache) plus the local engine, each with the descriptor the selector weighs.
 */
import type { Redis } from 'ioredis';
import { cachedProvider, RedisResponseCache, type ResponseCache } from './cache.ts';
import { describeModel } from './catalog.ts';
import {
  providersFromEnv,
  requireSettings,
  type CallPolicy,
  type LlmSettings,
  type ProviderSettings,
} from './config.ts';
import { NoModelError } from './errors.ts';
import { anthropicProvider } from './providers/anthropic.provider.ts';
import { localProvider } from './providers/local.provider.ts';
import {
  azureProvider,
  compatibleProvider,
  geminiProvider,
  openAiProvider,
} from './providers/openai-chat.provider.ts';
import { resilient, type ResilienceOptions, type ResilientProvider } from './resilience.ts';
import type { ModelProvider } from './selection/model-provider.ts';
import { selectModel, type Selection, type SelectionRequest } from './selection/selector.ts';
import type { SuccessRateSource } from './selection/success-rates.ts';
import { generateStructured, type StructuredOptions, type StructuredResult } from './structured/generate.ts';
import type { Completion, CompletionRequest, LlmProvider } from './types.ts';

/** What the registry is built with besides settings. */
export interface RegistryDeps {
  /** Caches identical requests; see `redisCache`. */
  cache?: ResponseCache;
  /** Learned success rates for the selector (the learning service's, or `InMemorySuccessRates`). */
  successRates?: SuccessRateSource;
  /** Backoff bounds of retries (tests shorten them). */
  backoff?: Pick<ResilienceOptions, 'backoffInitialMs' | 'backoffMaxMs'>;
}

/** A registered model: its descriptor and its client. */
export interface RegisteredModel {
  descriptor: ModelProvider;
  provider: LlmProvider;
  resilient?: ResilientProvider;
}

function client(settings: ProviderSettings, timeoutMs: number): LlmProvider {
  switch (settings.type) {
    case 'openai':
      return openAiProvider(settings, timeoutMs);
    case 'azure':
      return azureProvider(settings, timeoutMs);
    case 'anthropic':
      return anthropicProvider(settings, timeoutMs);
    case 'gemini':
      return geminiProvider(settings, timeoutMs);
    case 'openai-compatible':
      return compatibleProvider(settings, timeoutMs);
  }
}

/** The Redis response cache of `policy`, or undefined when its TTL is 0 (cache off). */
export function redisCache(
  redis: Redis,
  policy: Pick<CallPolicy, 'cacheTtlSeconds'>,
  onError: (error: Error, operation: 'get' | 'set') => void,
): ResponseCache | undefined {
  return policy.cacheTtlSeconds > 0
    ? new RedisResponseCache(redis, { ttlSeconds: policy.cacheTtlSeconds, onError })
    : undefined;
}

/** The configured models: describe, select, call. */
export class ModelRegistry {
  readonly #entries: ReadonlyMap<string, RegisteredModel>;
  readonly #deps: RegistryDeps;
  readonly #maxRepairs: number;

  constructor(entries: RegisteredModel[], deps: RegistryDeps, maxRepairs: number) {
    this.#entries = new Map(entries.map((e) => [e.descriptor.id, e]));
    this.#deps = deps;
    this.#maxRepairs = maxRepairs;
  }

  /** Every registered model's descriptor; the local engine is always among them. */
  models(): ModelProvider[] {
    return [...this.#entries.values()].map((e) => e.descriptor);
  }

  /** The client of model `id` (resilient and cached), or `NoModelError` naming the registered ones. */
  provider(id: string): LlmProvider {
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      throw new NoModelError(
        `no model '${id}' is registered; registered: ${[...this.#entries.keys()].join(', ')}`,
      );
    }
    return entry.provider;
  }

  /** Chooses a model, fetching learned success rates from the configured source. */
  async select(request: Omit<SelectionRequest, 'successRates'>): Promise<Selection> {
    const successRates = await this.#deps.successRates?.ratesFor(request.task, request.domain);
    const selection = selectModel(this.models(), {
      ...request,
      ...(successRates === undefined ? {} : { successRates }),
    });
    if (selection === undefined) throw new NoModelError(`no registered model serves ${request.task}`);
    return selection;
  }

  /** One call to model `id`. */
  complete(id: string, request: CompletionRequest): Promise<Completion> {
    return this.provider(id).complete(request);
  }

  /** A structured call to model `id`, with the registry's cache and repair bound unless given. */
  generateStructured<T = unknown>(
    id: string,
    options: Omit<StructuredOptions, 'provider' | 'cache'>,
  ): Promise<StructuredResult<T>> {
    return generateStructured<T>({
      maxRepairs: this.#maxRepairs,
      ...options,
      provider: this.provider(id),
      ...(this.#deps.cache === undefined ? {} : { cache: this.#deps.cache }),
    });
  }

  /** Circuit state per provider (the local engine has none), for health reporting. */
  circuitStates(): Record<string, 'closed' | 'open' | 'half-open'> {
    return Object.fromEntries(
      [...this.#entries.values()].flatMap((e) =>
        e.resilient === undefined ? [] : [[e.descriptor.id, e.resilient.circuitState()]],
      ),
    );
  }
}

/** Builds the registry: every configured provider (resilient, cached) and the local engine. */
export function createRegistry(settings: LlmSettings, deps: RegistryDeps = {}): ModelRegistry {
  const { policy } = settings;
  const entries: RegisteredModel[] = settings.providers.map((s) => {
    const guarded = resilient(client(s, policy.timeoutMs), { ...policy, ...deps.backoff });
    return {
      descriptor: describeModel(s.id, s.type, s.model, s.price),
      provider: deps.cache === undefined ? guarded : cachedProvider(guarded, deps.cache),
      resilient: guarded,
    };
  });
  const local = localProvider();
  entries.push({
    descriptor: describeModel(local.id, 'local', local.model, { input: 0, output: 0 }),
    provider: local,
  });
  return new ModelRegistry(entries, deps, policy.maxRepairs);
}

/** The registry of the providers `env` configures (none: the local engine only); throws on bad configuration. */
export function registryFromEnv(
  env: Record<string, string | undefined>,
  deps: RegistryDeps = {},
): ModelRegistry {
  return createRegistry(requireSettings(providersFromEnv(env)), deps);
}
