/**
 * The AI layer (ARCHITECTURE.md §7): providers behind one interface (OpenAI, Azure OpenAI, Anthropic, Gemini,
 * OpenAI-compatible servers and the built-in local engine), model selection, structured output with
 * re-validation and bounded repair, one resilience layer and a Redis cache of identical requests.
 *
 * Typical use at a composition root:
 *   const settings = providersFromEnv(process.env)            // or llmSettings(config) after llmConfig()
 *   const registry = createRegistry(settings.config, { cache: redisCache(redis, settings.config.policy, warn) })
 *   const { model } = await registry.select({ task: 'generation', domain, optimizeFor: 'cost' })
 *   const result = await registry.generateStructured(model.id, { schema, messages })
 */
export {
  type CallPolicy,
  type LlmConfig,
  type LlmSettings,
  type ProviderSettings,
  llmConfig,
  llmSettings,
  providersFromEnv,
  requireSettings,
} from './config.ts';
export {
  type RegisteredModel,
  type RegistryDeps,
  ModelRegistry,
  createRegistry,
  redisCache,
  registryFromEnv,
} from './registry.ts';
export {
  type ChatMessage,
  type Completion,
  type CompletionRequest,
  type LlmProvider,
  type LocalTask,
  type OutputSchema,
  type ProviderType,
  type TokenPrice,
  type Usage,
  costOf,
} from './types.ts';
export {
  CAPABILITY_TYPES,
  type CapabilityType,
  type ModelCapability,
  type ModelProvider,
} from './selection/model-provider.ts';
export {
  type CandidateScore,
  type OptimizeFor,
  SELECTION_WEIGHTS,
  type Selection,
  type SelectionRequest,
  type SuccessStats,
  selectModel,
} from './selection/selector.ts';
export { InMemorySuccessRates, type SuccessRateSource } from './selection/success-rates.ts';
export { LOCAL_MODEL, describeModel, priceOf } from './catalog.ts';
export {
  DEFAULT_MAX_REPAIRS,
  type StructuredOptions,
  type StructuredResult,
  generateStructured,
} from './structured/generate.ts';
export { type ResilienceOptions, type ResilientProvider, isTransient, resilient } from './resilience.ts';
export {
  type RedisCacheOptions,
  type ResponseCache,
  RedisResponseCache,
  cachedProvider,
  requestKey,
} from './cache.ts';
export { LOCAL_PROVIDER_ID, localProvider } from './providers/local.provider.ts';
export { anthropicProvider } from './providers/anthropic.provider.ts';
export {
  azureProvider,
  chatProvider,
  compatibleProvider,
  geminiProvider,
  openAiProvider,
} from './providers/openai-chat.provider.ts';
export { LOCAL_TASKS, type LocalResult, runLocalAgent, runLocalTask } from './local/run.ts';
export { classify, extract, summarize } from './local/text.ts';
export { readPath, renderTemplate } from './local/template.ts';
export {
  LocalInputError,
  MODEL_CONFIG_HINT,
  ModelRequiredError,
  NoModelError,
  ProviderRejectedError,
  ProviderTimeoutError,
  ProviderUnavailableError,
  StructuredOutputError,
} from './errors.ts';
