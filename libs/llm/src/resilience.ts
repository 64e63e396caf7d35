/**
 * The one resilience layer of model calls (the SDKs' own retries are off): a per-attempt timeout, retries
 * with exponential backoff on transient failures (429, 408, 5xx, network errors, timeouts) and a circuit
 * breaker per provider that fails fast while the provider keeps failing. Built on cockatiel.
 */
import {
  APIConnectionError as AnthropicConnectionError,
  APIUserAbortError as AnthropicAbort,
} from '@anthropic-ai/sdk';
import { AppError, DeadlineError, UnexpectedError } from '@dagwright/kit';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { APIConnectionError as OpenAiConnectionError, APIUserAbortError as OpenAiAbort } from 'openai';
import { ProviderRejectedError, ProviderTimeoutError, ProviderUnavailableError } from './errors.ts';
import type { Completion, CompletionRequest, LlmProvider } from './types.ts';

/** Bounds of one provider's calls. */
export interface ResilienceOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Consecutive transient failures that open the circuit. */
  circuitThreshold: number;
  /** How long the open circuit refuses calls before letting a trial call through. */
  circuitHalfOpenMs: number;
  /** First backoff delay (jittered, doubling up to `backoffMaxMs`); defaults 250 ms and 10 s. */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

/** A provider whose calls go through the resilience layer, with its circuit's state for health reporting. */
export interface ResilientProvider extends LlmProvider {
  circuitState(): 'closed' | 'open' | 'half-open';
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof OpenAiAbort || error instanceof AnthropicAbort;
}

/** Whether the same call may succeed if tried again. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TaskCancelledError) return true;
  if (isAbort(error)) return false;
  if (error instanceof OpenAiConnectionError || error instanceof AnthropicConnectionError) return true;
  const status = statusOf(error);
  return status !== undefined && (status === 408 || status === 429 || status >= 500);
}

/** Turns what a call threw into the error family, saying which provider and how many attempts. */
export function toProviderError(
  provider: string,
  error: unknown,
  attempts: number,
  timeoutMs: number,
): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TaskCancelledError) return new ProviderTimeoutError(provider, timeoutMs, error);
  if (error instanceof BrokenCircuitError) {
    return new ProviderUnavailableError(
      provider,
      'LLM_CIRCUIT_OPEN',
      `provider '${provider}' is failing repeatedly; its circuit is open and calls fail fast until a trial call succeeds`,
      error,
    );
  }
  if (isAbort(error))
    return new DeadlineError(`the call to provider '${provider}' was cancelled by its caller`, {
      cause: error,
    });
  const message = error instanceof Error ? error.message : String(error);
  if (isTransient(error)) {
    return new ProviderUnavailableError(
      provider,
      'LLM_UNAVAILABLE',
      `provider '${provider}' failed after ${attempts} attempt(s): ${message}`,
      error,
    );
  }
  const status = statusOf(error);
  if (status !== undefined) return new ProviderRejectedError(provider, status, message, error);
  return new UnexpectedError(`provider '${provider}' failed: ${message}`, { cause: error });
}

const STATES: Record<CircuitState, 'closed' | 'open' | 'half-open'> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** Wraps `provider` in timeout, retry and its own circuit breaker. */
export function resilient(provider: LlmProvider, options: ResilienceOptions): ResilientProvider {
  const transient = handleWhen(isTransient);
  const breaker: CircuitBreakerPolicy = circuitBreaker(transient, {
    halfOpenAfter: options.circuitHalfOpenMs,
    breaker: new ConsecutiveBreaker(options.circuitThreshold),
  });
  const policy = wrap(
    retry(transient, {
      maxAttempts: options.maxRetries,
      backoff: new ExponentialBackoff({
        initialDelay: options.backoffInitialMs ?? 250,
        maxDelay: options.backoffMaxMs ?? 10_000,
      }),
    }),
    breaker,
    timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
  );
  return {
    id: provider.id,
    type: provider.type,
    model: provider.model,
    circuitState: () => STATES[breaker.state],
    async complete(request: CompletionRequest): Promise<Completion> {
      let attempts = 0;
      try {
        // The caller's signal is joined per attempt rather than given to the policy, so a caller's
        // cancellation is neither retried nor counted against the provider's circuit.
        return await policy.execute(({ signal }) => {
          attempts++;
          request.signal?.throwIfAborted();
          const joined = request.signal === undefined ? signal : AbortSignal.any([signal, request.signal]);
          return provider.complete({ ...request, signal: joined });
        });
      } catch (error) {
        if (request.signal?.aborted === true && !(error instanceof AppError)) {
          throw new DeadlineError(`the call to provider '${provider.id}' was cancelled by its caller`, {
            cause: error,
          });
        }
        throw toProviderError(provider.id, error, attempts, options.timeoutMs);
      }
    },
  };
}
