import { LANGUAGES } from './lexicon.ts';

/** Kinds of concrete value a statement can carry. */
export type EntityKind =
  | 'email'
  | 'url'
  | 'channel'
  | 'handle'
  | 'phone'
  | 'id'
  | 'date'
  | 'time'
  | 'money'
  | 'quantity'
  | 'language'
  | 'table'
  | 'quoted'
  | 'number';

/** A concrete value found in the statement, with where it sits. */
export interface Entity {
  kind: EntityKind;
  /** The text as written. */
  text: string;
  /** The value to hand to a step (an ISO code for a language, a number for money). */
  value: string | number;
  start: number;
  end: number;
  /** For quantities: the unit word that followed ("minute", "kg"). */
  unit?: string;
  /** The word right before the value, which often names what it is ("ISBN 978-...", "order 77120"). */
  label?: string;
}

const PATTERNS: readonly { kind: EntityKind; pattern: RegExp }[] = [
  { kind: 'url', pattern: /\b(?:https?|s3|gs|ftp|sftp|file|azure|abfss?):\/\/[^\s<>"'`)\]]+/gi },
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g },
  { kind: 'channel', pattern: /(?<![\w&])#[A-Za-z][\w.-]*[\w]/g },
  { kind: 'handle', pattern: /(?<![\w.])@[A-Za-z][\w.-]*\w/g },
  { kind: 'phone', pattern: /(?<!\w)\+\d[\d\s().-]{6,}\d/g },
  { kind: 'date', pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g },
  { kind: 'time', pattern: /\b\d{1,2}:\d{2}(?:\s?(?:am|pm))?(?:\s?[A-Z]{2,4}\b)?/gi },
  {
    kind: 'money',
    pattern:
      /[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s?[kKmM]?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|JPY|CHF|CAD|AUD)\b/g,
  },
  { kind: 'table', pattern: /\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\b/g },
  { kind: 'id', pattern: /\b(?=[A-Za-z0-9-]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b|\b[A-Z]{2,}\d+[A-Z0-9]*\b/g },
  { kind: 'quoted', pattern: /(?<!\w)'([^'\n]{2,80})'(?!\w)|"([^"\n]{2,80})"/g },
  {
    kind: 'quantity',
    pattern:
      /\b(\d[\d,]*(?:\.\d+)?)[\s-]?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|seconds?|kg|kilos?|g|lbs?|pounds?|tons?|tonnes?|km|miles?|m|cm|mm|percent|%|words?|questions?|items?|pages?|results?|rows?|records?|leads?|posts?|slides?|people|users?)\b/gi,
  },
  { kind: 'id', pattern: /\b\d{2,}(?:-\d+){2,}\b/g },
  { kind: 'number', pattern: /(?<![\w.#-])#?\d{3,}(?![\w-]|\.\d)/g },
];

function moneyValue(text: string): number {
  const digits = Number(text.replace(/[^\d.]/g, ''));
  return /k\b/i.test(text) ? digits * 1000 : /m\b/i.test(text) ? digits * 1_000_000 : digits;
}

/** Finds emails, URLs, channels, ids, dates, amounts, languages and quoted values, leftmost-longest. */
export function extractEntities(statement: string): Entity[] {
  const found: Entity[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number): boolean => taken.some(([s, e]) => start < e && end > s);
  for (const { kind, pattern } of PATTERNS) {
    for (const match of statement.matchAll(pattern)) {
      let text = match[0];
      if (kind === 'url' || kind === 'email') text = text.replace(/[.,;:!?]+$/, '');
      const start = match.index;
      const end = start + text.length;
      if (overlaps(start, end)) continue;
      let value: string | number = text;
      let unit: string | undefined;
      if (kind === 'money') value = moneyValue(text);
      else if (kind === 'quoted') value = match[1] ?? match[2] ?? text;
      else if (kind === 'channel' && /^#\d/.test(text)) continue;
      else if (kind === 'phone') value = text.replace(/[\s().-]/g, '');
      else if (kind === 'number') value = text.replace(/^#/, '');
      else if (kind === 'quantity') {
        unit = (match[2] ?? '').toLowerCase();
        value = Number((match[1] ?? '').replace(/,/g, ''));
      }
      found.push({ kind, text, value, start, end, ...(unit === undefined ? {} : { unit }) });
      taken.push([start, end]);
    }
  }
  for (const match of statement.matchAll(/\b[A-Za-z]+\b/g)) {
    const code = LANGUAGES.get(match[0].toLowerCase());
    if (code === undefined || overlaps(match.index, match.index + match[0].length)) continue;
    found.push({
      kind: 'language',
      text: match[0],
      value: code,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  for (const entity of found) {
    const before = /([A-Za-z][A-Za-z-]*)[\s:#]*$/.exec(
      statement.slice(Math.max(0, entity.start - 30), entity.start),
    );
    if (before?.[1] !== undefined) entity.label = before[1].toLowerCase();
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The statement with each URL, email, channel and table name replaced by a neutral word of equal length. */
export function maskEntities(statement: string, entities: readonly Entity[]): string {
  let out = statement;
  for (const entity of entities) {
    if (!['url', 'email', 'channel', 'handle', 'table', 'phone'].includes(entity.kind)) continue;
    const filler = 'x'.repeat(entity.end - entity.start);
    out = out.slice(0, entity.start) + filler + out.slice(entity.end);
  }
  return out;
}
