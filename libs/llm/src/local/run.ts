/**
 * The built-in local engine: what an agentic agent can honestly do without a language model. It summarises
 * by extraction, classifies by keywords, extracts entities with patterns and drafts from templates shaped
 * by the target output schema. Any other task fails with `ModelRequiredError`, which names the
 * configuration that would serve it; it never invents output.
 */
import type { Agent, JsonSchema } from '@dagwright/workflow';
import { LocalInputError, ModelRequiredError } from '../errors.ts';
import type { LocalTask } from '../types.ts';
import { readPath, renderTemplate } from './template.ts';
import { ENTITY_PATTERNS, classify, extract, summarize, words } from './text.ts';

/** What the local engine returns for one call: the output and the words it read (its "tokens"). */
export interface LocalResult {
  output: Record<string, unknown>;
  tokens: number;
}

/** The tasks the local engine serves. */
export const LOCAL_TASKS = ['summarize', 'classify', 'extract', 'draft'] as const;

function textOf(input: Record<string, unknown>, field: string): string {
  const value = readPath(input, field);
  if (typeof value === 'string') return value;
  if (value === undefined) {
    throw new LocalInputError(`input field '${field}' is missing`, `/${field.split('.').join('/')}`);
  }
  return JSON.stringify(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function labelsOf(impl: Record<string, unknown>, label: string): Record<string, string[]> {
  const labels: unknown = impl.labels ?? {};
  if (typeof labels !== 'object' || labels === null || !Object.values(labels).every(isStringList)) {
    throw new LocalInputError(`${label}: implementation.labels must map each label to a list of keywords`);
  }
  return labels as Record<string, string[]>;
}

function sentencesOf(impl: Record<string, unknown>, label: string): number {
  const sentences = Number(impl.sentences ?? 3);
  if (!Number.isInteger(sentences) || sentences < 1) {
    throw new LocalInputError(`${label}: implementation.sentences must be a positive integer`);
  }
  return sentences;
}

/** A single-placeholder template (`{{path}}`) copies the value with its type; anything else renders text. */
function renderField(template: string, input: Record<string, unknown>): unknown {
  const whole = /^\{\{\s*([\w.$-]+)\s*\}\}$/.exec(template.trim());
  if (whole?.[1] !== undefined) return readPath(input, whole[1]) ?? '';
  return renderTemplate(template, input);
}

/** Fits a rendered value to the type the output schema declares for its field, or says why it can't. */
function fitToSchema(field: string, value: unknown, schema: JsonSchema | undefined, label: string): unknown {
  const properties = schema?.properties as Record<string, { type?: unknown }> | undefined;
  const type = properties?.[field]?.type;
  if (typeof value !== 'string' || (type !== 'number' && type !== 'integer' && type !== 'boolean'))
    return value;
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  const number = Number(value);
  if (type !== 'boolean' && value.trim() !== '' && Number.isFinite(number)) {
    if (type === 'number' || Number.isInteger(number)) return number;
  }
  throw new LocalInputError(
    `${label}: draft field '${field}' rendered '${value}', which is not a ${type}`,
    field,
  );
}

function draft(
  impl: Record<string, unknown>,
  input: Record<string, unknown>,
  schema: JsonSchema | undefined,
  label: string,
) {
  const template = impl.template;
  if (typeof template === 'string') return { draft: renderTemplate(template, input) };
  if (
    typeof template === 'object' &&
    template !== null &&
    Object.values(template).every((t) => typeof t === 'string')
  ) {
    return Object.fromEntries(
      Object.entries(template as Record<string, string>).map(([field, t]) => [
        field,
        fitToSchema(field, renderField(t, input), schema, label),
      ]),
    );
  }
  throw new LocalInputError(
    `${label}: a draft needs implementation.template (a template, or one template per output field)`,
    '/implementation/template',
  );
}

/** Runs one task on the local engine; `outputSchema` shapes per-field drafts. */
export function runLocalTask(task: LocalTask, outputSchema?: JsonSchema): LocalResult {
  const impl = task.implementation;
  const label = task.label ?? 'local task';
  const name = typeof impl.task === 'string' ? impl.task : undefined;
  const field = typeof impl.field === 'string' ? impl.field : 'text';
  const input = task.input;
  switch (name) {
    case 'summarize': {
      const text = textOf(input, field);
      return { output: { summary: summarize(text, sentencesOf(impl, label)) }, tokens: words(text).length };
    }
    case 'classify': {
      const text = textOf(input, field);
      const fallback = typeof impl.fallback === 'string' ? impl.fallback : 'other';
      return { output: classify(text, labelsOf(impl, label), fallback), tokens: words(text).length };
    }
    case 'extract': {
      const text = textOf(input, field);
      const kinds = isStringList(impl.entities) ? impl.entities : Object.keys(ENTITY_PATTERNS);
      return { output: { entities: extract(text, kinds) }, tokens: words(text).length };
    }
    case 'draft': {
      const output = draft(impl, input, outputSchema, label);
      const tokens = Object.values(output).reduce<number>(
        (sum, v) => sum + words(typeof v === 'string' ? v : JSON.stringify(v)).length,
        0,
      );
      return { output, tokens };
    }
    case undefined:
    default:
      throw new ModelRequiredError(`${label} (task '${name ?? '(none)'}')`);
  }
}

/** Runs an agentic catalog agent on the local engine: the same behaviour as the engine's former `runLocal`. */
export function runLocalAgent(agent: Agent, input: Record<string, unknown>): LocalResult {
  return runLocalTask(
    { implementation: agent.implementation, input, label: `agent '${agent.id}'` },
    agent.outputSchema,
  );
}
