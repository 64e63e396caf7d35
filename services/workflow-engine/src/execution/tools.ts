/**
 * Built-in tools: deterministic, local work so a workflow does something real without any model or service.
 * Each reads its parameters and the block input, and returns a JSON object.
 */
import { readPath, renderTemplate } from '@dagwright/llm';
import { compileExpression } from '@dagwright/workflow';
import { BlockError, asRecord } from './block-handler.ts';
import { httpCall, type HttpPolicy, type HttpRequest } from './http-call.ts';

/** What a tool gets: its parameters (from block config or agent implementation) and the block input. */
export interface ToolCall {
  params: Record<string, unknown>;
  input: Record<string, unknown>;
  idempotencyKey: string;
  signal: AbortSignal;
}

/** A built-in tool. */
export type Tool = (call: ToolCall) => Promise<Record<string, unknown>>;

function param<T>(
  params: Record<string, unknown>,
  name: string,
  type: 'string' | 'number' | 'object',
  fallback?: T,
): T {
  const value = params[name] ?? fallback;
  if (value === undefined) throw new BlockError(`parameter '${name}' is required`, false);
  if (type === 'object' ? typeof value !== 'object' || value === null : typeof value !== type) {
    throw new BlockError(`parameter '${name}' must be a ${type}`, false);
  }
  return value as T;
}

const templateRender: Tool = (call) => {
  const template = param<string>(call.params, 'template', 'string');
  return Promise.resolve({ text: renderTemplate(template, call.input) });
};

const regexExtract: Tool = (call) => {
  const pattern = param<string>(call.params, 'pattern', 'string');
  const field = param<string>(call.params, 'field', 'string', 'text');
  const flags = param<string>(call.params, 'flags', 'string', 'g');
  if (pattern.length > 500) throw new BlockError('pattern longer than 500 characters', false);
  const text = readPath(call.input, field);
  if (typeof text !== 'string') throw new BlockError(`input field '${field}' must be text`, false);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags.includes('g') ? flags : `${flags}g`);
  } catch (error) {
    throw new BlockError(`invalid pattern: ${(error as Error).message}`, false);
  }
  const matches = [...text.slice(0, 1_000_000).matchAll(regex)].slice(0, 1000);
  return Promise.resolve({
    matches: matches.map((m) => m[0]),
    groups: matches.map((m) => m.groups ?? Object.fromEntries(m.slice(1).map((g, i) => [String(i + 1), g]))),
    count: matches.length,
  });
};

const jsonTransform: Tool = async (call) => {
  const expression = param<string>(call.params, 'expression', 'string');
  try {
    return asRecord(await compileExpression(expression).evaluate(call.input));
  } catch (error) {
    throw new BlockError(`expression failed: ${(error as Error).message}`, false, error);
  }
};

type Aggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';

function aggregate(values: number[], op: Aggregate): number | null {
  if (op === 'count') return values.length;
  if (values.length === 0) return null;
  switch (op) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

const recordsAggregate: Tool = (call) => {
  const field = param<string>(call.params, 'field', 'string', 'records');
  const valueField = param<string>(call.params, 'valueField', 'string', 'value');
  const ops = (call.params.ops as Aggregate[] | undefined) ?? ['count', 'sum', 'avg', 'min', 'max'];
  const groupBy = call.params.groupBy as string | undefined;
  const records = readPath(call.input, field);
  if (!Array.isArray(records))
    throw new BlockError(`input field '${field}' must be a list of records`, false);
  const groups = new Map<string, number[]>();
  for (const record of records) {
    const key = groupBy === undefined ? '*' : String(readPath(record, groupBy));
    const value = Number(readPath(record, valueField));
    const list = groups.get(key) ?? [];
    if (Number.isFinite(value)) list.push(value);
    groups.set(key, list);
  }
  const summarise = (values: number[]) => Object.fromEntries(ops.map((op) => [op, aggregate(values, op)]));
  if (groupBy === undefined) return Promise.resolve(summarise(groups.get('*') ?? []));
  return Promise.resolve({ groups: Object.fromEntries([...groups].map(([k, v]) => [k, summarise(v)])) });
};

/** Names of the built-in tools, which `tool` blocks and tool agents may use. */
export const BUILT_IN_TOOLS = [
  'template.render',
  'regex.extract',
  'json.transform',
  'records.aggregate',
  'http.fetch',
] as const;

/** The registry of built-in tools, by name; `http.fetch` needs the engine's HTTP policy. */
export function builtInTools(httpPolicy: HttpPolicy): ReadonlyMap<string, Tool> {
  const httpFetch: Tool = async (call) => {
    const request: HttpRequest = {
      url: renderTemplate(param<string>(call.params, 'url', 'string'), call.input),
      method: param<string>(call.params, 'method', 'string', 'GET').toUpperCase(),
      headers: call.params.headers as Record<string, string> | undefined,
      body: call.params.body ?? (call.params.sendInput === true ? call.input : undefined),
    };
    const response = await httpCall(httpPolicy, request, call.idempotencyKey, call.signal);
    return { status: response.status, body: response.body };
  };
  return new Map<string, Tool>([
    ['template.render', templateRender],
    ['regex.extract', regexExtract],
    ['json.transform', jsonTransform],
    ['records.aggregate', recordsAggregate],
    ['http.fetch', httpFetch],
  ]);
}
