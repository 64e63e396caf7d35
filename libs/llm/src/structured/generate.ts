/**
 * Structured output: ask a provider for JSON matching a schema through its native feature (OpenAI
 * `response_format: json_schema`, Anthropic forced tool use), re-validate whatever comes back with ajv
 * (model output is untrusted input), and feed validation errors back for a bounded number of repairs.
 * Usage and cost are kept per call and summed over the repairs, also when the call finally fails.
 */
import { ValidationError, type ErrorDetail } from '@dagwright/kit';
import { validateData, type JsonSchema } from '@dagwright/workflow';
import { z } from 'zod';
import { requestKey, type ResponseCache } from '../cache.ts';
import { StructuredOutputError } from '../errors.ts';
import {
  sumUsage,
  type ChatMessage,
  type Completion,
  type CompletionRequest,
  type LlmProvider,
  type LocalTask,
  type Usage,
} from '../types.ts';
import { parseJsonReply, strictCompatible, wireSchema } from './schema-tools.ts';

/** Repairs allowed after the first attempt unless a call says otherwise. */
export const DEFAULT_MAX_REPAIRS = 2;

/** A structured call. */
export interface StructuredOptions {
  provider: LlmProvider;
  /** JSON Schema (2020-12 or draft-07) the answer must satisfy. */
  schema: JsonSchema;
  /** `[A-Za-z0-9_-]{1,64}`; the json_schema or tool name. Defaults to `result`. */
  schemaName?: string;
  description?: string;
  messages: ChatMessage[];
  model?: string;
  maxTokens?: number;
  temperature?: number;
  localTask?: LocalTask;
  /** OpenAI strict mode; by default on exactly when the schema meets its rules. */
  strict?: boolean;
  maxRepairs?: number;
  /** Valid answers are cached here; invalid ones never are. */
  cache?: ResponseCache;
  signal?: AbortSignal;
}

/** A validated answer with its accounting. */
export interface StructuredResult<T = unknown> {
  value: T;
  /** Calls made, the first and each repair; empty when served from the cache. */
  calls: Completion[];
  attempts: number;
  usage: Usage;
  costUsd: number;
  model: string;
  provider: string;
  cached: boolean;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const CachedValue = z.object({ value: z.unknown(), model: z.string() });

function check(schema: JsonSchema, value: unknown): ErrorDetail[] {
  try {
    return validateData(schema, value);
  } catch (error) {
    throw new ValidationError(`the output schema is not a valid JSON Schema: ${(error as Error).message}`, [
      { code: 'INVALID_JSON_SCHEMA', path: '/schema', message: (error as Error).message },
    ]);
  }
}

function repairPrompt(problems: ErrorDetail[]): string {
  const lines = problems.slice(0, 20).map((p) => `- ${p.path || '/'}: ${p.message}`);
  return (
    'Your previous reply does not satisfy the required JSON Schema. Problems:\n' +
    `${lines.join('\n')}\nReply again with only the corrected JSON.`
  );
}

/** Reads one completion back: the object it carries or its JSON text, unwrapped, then validated. */
function readAnswer(completion: Completion, schema: JsonSchema, wrapped: boolean) {
  let raw: unknown = completion.output;
  if (raw === undefined) {
    const parsed = parseJsonReply(completion.text);
    if (!parsed.ok) {
      return {
        problems: [{ code: 'INVALID_JSON', path: '', message: `is not valid JSON: ${parsed.message}` }],
      };
    }
    raw = parsed.value;
  }
  const value = wrapped ? (raw as { value?: unknown } | null)?.value : raw;
  return { value, problems: check(schema, value) };
}

/** Asks `provider` for JSON matching `schema`, repairing invalid answers up to `maxRepairs` times. */
export async function generateStructured<T = unknown>(
  options: StructuredOptions,
): Promise<StructuredResult<T>> {
  const name = options.schemaName ?? 'result';
  if (!NAME.test(name)) {
    throw new ValidationError(`schema name '${name}' must match ${NAME.source}`, [
      { code: 'INVALID_SCHEMA_NAME', path: '/schemaName', message: `must match ${NAME.source}` },
    ]);
  }
  check(options.schema, null); // compiles the schema, so a broken one fails before any model call
  const wire = wireSchema(options.schema);
  const request: CompletionRequest = {
    messages: options.messages,
    outputSchema: {
      name,
      schema: wire.schema,
      strict: options.strict ?? strictCompatible(wire.schema),
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    cache: false,
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.localTask === undefined ? {} : { localTask: options.localTask }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const { provider, cache } = options;
  const key =
    cache === undefined ? undefined : requestKey('structured', provider.id, provider.model, request);
  if (cache !== undefined && key !== undefined) {
    // The cached value is checked and re-validated too: Redis is outside this process.
    const hit = CachedValue.safeParse(await cache.get(key));
    if (hit.success && check(options.schema, hit.data.value).length === 0) {
      const usage = { inputTokens: 0, outputTokens: 0 };
      return {
        value: hit.data.value as T,
        calls: [],
        attempts: 0,
        usage,
        costUsd: 0,
        model: hit.data.model,
        provider: provider.id,
        cached: true,
      };
    }
  }
  // The local engine is deterministic: asking it again cannot repair anything.
  const maxAttempts =
    1 + (provider.type === 'local' ? 0 : Math.max(0, options.maxRepairs ?? DEFAULT_MAX_REPAIRS));
  const conversation = [...options.messages];
  const calls: Completion[] = [];
  let problems: ErrorDetail[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const completion = await provider.complete({ ...request, messages: [...conversation] });
    calls.push(completion);
    const answer = readAnswer(completion, options.schema, wire.wrapped);
    problems = answer.problems;
    if (problems.length === 0) {
      if (cache !== undefined && key !== undefined)
        await cache.set(key, { value: answer.value, model: completion.model });
      const total = sumUsage(calls);
      return {
        value: answer.value as T,
        calls,
        attempts: attempt,
        ...total,
        model: completion.model,
        provider: provider.id,
        cached: false,
      };
    }
    conversation.push(
      { role: 'assistant', content: completion.text },
      { role: 'user', content: repairPrompt(problems) },
    );
  }
  throw new StructuredOutputError(provider.id, calls.length, problems, sumUsage(calls));
}
