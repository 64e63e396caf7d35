/**
 * The AI layer's failures, as members of the kit's error family so services map them to gRPC/HTTP in one
 * table: configuration gaps and refused requests are the caller's (4xx), provider outages are transient
 * (503/504), and nothing a model said is ever passed on as if it were valid.
 */
import { DeadlineError, OperationalError, UserError, type ErrorDetail } from '@dagwright/kit';
import type { Usage } from './types.ts';

/** The configuration keys that register a real model, quoted whenever a task needs one. */
export const MODEL_CONFIG_HINT =
  'OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, AZURE_OPENAI_API_KEY with AZURE_OPENAI_ENDPOINT and ' +
  'AZURE_OPENAI_DEPLOYMENT, or OPENAI_COMPATIBLE_BASE_URL with OPENAI_COMPATIBLE_MODEL';

/** The local engine was asked for something only a language model can do honestly. */
export class ModelRequiredError extends UserError {
  constructor(what: string) {
    super(
      'failed_precondition',
      'MODEL_REQUIRED',
      `${what} needs a language model: the local engine only summarises (extractively), classifies by ` +
        `keywords, extracts entities and drafts from templates; configure a provider (${MODEL_CONFIG_HINT}) to run it`,
    );
  }
}

/** The input of a local task is missing or of the wrong shape. */
export class LocalInputError extends UserError {
  constructor(message: string, path = '') {
    super('invalid_argument', 'LOCAL_INPUT_INVALID', message, {
      details: [{ code: 'LOCAL_INPUT_INVALID', path, message }],
    });
  }
}

/** A provider refused the request itself (bad key, unknown model, schema it cannot serve); retrying won't help. */
export class ProviderRejectedError extends UserError {
  readonly provider: string;
  readonly status: number | undefined;

  constructor(provider: string, status: number | undefined, message: string, cause?: unknown) {
    const auth = status === 401 || status === 403;
    super(
      'failed_precondition',
      auth ? 'LLM_AUTH_FAILED' : 'LLM_REQUEST_REJECTED',
      `provider '${provider}' rejected the request${status === undefined ? '' : ` (HTTP ${status})`}: ${message}` +
        (auth ? '; check its API key' : ''),
      { cause },
    );
    this.provider = provider;
    this.status = status;
  }
}

/** A provider is down, overloaded or its circuit is open; the same call may succeed later. */
export class ProviderUnavailableError extends OperationalError {
  readonly provider: string;

  constructor(
    provider: string,
    code: 'LLM_UNAVAILABLE' | 'LLM_CIRCUIT_OPEN',
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.provider = provider;
  }
}

/** A provider did not answer within the per-attempt timeout. */
export class ProviderTimeoutError extends DeadlineError {
  readonly provider: string;

  constructor(provider: string, timeoutMs: number, cause?: unknown) {
    super(`provider '${provider}' did not answer within ${timeoutMs} ms`, { cause });
    this.provider = provider;
  }
}

/** The model's output still broke the schema after every allowed repair; `details` holds the last problems. */
export class StructuredOutputError extends OperationalError {
  readonly attempts: number;
  /** What the failed attempts consumed: they are paid for even though their output is discarded. */
  readonly usage: Usage;
  readonly costUsd: number;

  constructor(
    provider: string,
    attempts: number,
    details: ErrorDetail[],
    spent: { usage: Usage; costUsd: number },
  ) {
    const listed = details
      .slice(0, 5)
      .map((d) => `${d.path || '/'} ${d.message}`)
      .join('; ');
    super(
      'LLM_OUTPUT_INVALID',
      `provider '${provider}' gave no output matching the schema in ${attempts} attempt(s): ${listed}`,
      { details },
    );
    this.attempts = attempts;
    this.usage = spent.usage;
    this.costUsd = spent.costUsd;
  }
}

/** No registered model can serve a request (only when even the local engine is absent). */
export class NoModelError extends UserError {
  constructor(message: string) {
    super('failed_precondition', 'NO_MODEL', message);
  }
}
