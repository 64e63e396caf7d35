/**
 * The built-in local engine: what an agentic agent can honestly do without a language model. It summarises
 * by extraction, classifies by keywords, extracts entities with patterns and drafts from templates. Any other
 * task fails with a clear message naming the configuration that would serve it, never with invented output.
 */
import type { Agent } from '@dagwright/workflow';
import { BlockError } from './block-handler.ts';
import { readPath, renderTemplate } from './tools.ts';

/** What the local engine returns for one call. */
export interface LocalResult {
  output: Record<string, unknown>;
  tokens: number;
}

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

function textOf(input: Record<string, unknown>, field: string): string {
  const value = readPath(input, field);
  if (typeof value === 'string') return value;
  if (value === undefined) throw new BlockError(`input field '${field}' is missing`, false);
  return JSON.stringify(value);
}

/** The highest-scoring sentences by term frequency, in their original order. */
export function summarize(text: string, sentences: number): string {
  const parts =
    text
      .match(/[^.!?]+[.!?]*/g)
      ?.map((s) => s.trim())
      .filter((s) => s.length > 0) ?? [];
  if (parts.length <= sentences) return parts.join(' ');
  const frequency = new Map<string, number>();
  for (const w of words(text)) if (!STOPWORDS.has(w)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const scored = parts.map((sentence, index) => {
    const ws = words(sentence).filter((w) => !STOPWORDS.has(w));
    const score = ws.reduce((sum, w) => sum + (frequency.get(w) ?? 0), 0) / Math.max(1, ws.length);
    return { sentence, index, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, sentences)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence)
    .join(' ');
}

/** The label whose keywords occur most often (ties: first declared); `fallback` when none occurs. */
export function classify(
  text: string,
  labels: Record<string, string[]>,
  fallback: string,
): { label: string; scores: Record<string, number> } {
  const ws = words(text);
  const scores = Object.fromEntries(
    Object.entries(labels).map(([label, keywords]) => [
      label,
      ws.filter((w) => keywords.map((k) => k.toLowerCase()).includes(w)).length,
    ]),
  );
  const best = Object.entries(scores).reduce<[string, number]>(
    (top, entry) => (entry[1] > top[1] ? entry : top),
    [fallback, 0],
  );
  return { label: best[0], scores };
}

const PATTERNS: Record<string, RegExp> = {
  emails: /[\w.+-]+@[\w-]+\.[\w.-]+/g,
  urls: /https?:\/\/[^\s"'<>]+/g,
  phones: /\+?\d[\d\s().-]{7,}\d/g,
  amounts: /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP))/g,
  dates: /\b\d{4}-\d{2}-\d{2}\b/g,
};

/** Entities found by pattern, of the requested kinds. */
export function extract(text: string, kinds: string[]): Record<string, string[]> {
  return Object.fromEntries(
    kinds.filter((k) => k in PATTERNS).map((k) => [k, [...new Set(text.match(PATTERNS[k] ?? /$^/g) ?? [])]]),
  );
}

/** Runs an agentic agent's task on the local engine. */
export function runLocal(agent: Agent, input: Record<string, unknown>): LocalResult {
  const impl = agent.implementation;
  const task = typeof impl.task === 'string' ? impl.task : undefined;
  const field = typeof impl.field === 'string' ? impl.field : 'text';
  switch (task) {
    case 'summarize': {
      const text = textOf(input, field);
      return {
        output: { summary: summarize(text, Number(impl.sentences ?? 3)) },
        tokens: words(text).length,
      };
    }
    case 'classify': {
      const text = textOf(input, field);
      const labels = (impl.labels ?? {}) as Record<string, string[]>;
      return {
        output: classify(text, labels, typeof impl.fallback === 'string' ? impl.fallback : 'other'),
        tokens: words(text).length,
      };
    }
    case 'extract': {
      const text = textOf(input, field);
      const kinds = Array.isArray(impl.entities) ? (impl.entities as string[]) : Object.keys(PATTERNS);
      return { output: { entities: extract(text, kinds) }, tokens: words(text).length };
    }
    case 'draft': {
      if (typeof impl.template !== 'string')
        throw new BlockError(`agent '${agent.id}': a draft needs implementation.template`, false);
      const draft = renderTemplate(impl.template, input);
      return { output: { draft }, tokens: words(draft).length };
    }
    case undefined:
    default:
      throw new BlockError(
        `agent '${agent.id}' needs a language model for task '${task ?? '(none)'}': the local engine only summarises, ` +
          'classifies, extracts and drafts; configure an LLM provider (OPENAI_API_KEY or another provider of libs/llm) to run it',
        false,
      );
  }
}
