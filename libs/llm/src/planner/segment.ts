import { headOf, usedAsVerb } from './head.ts';
import { ACTION_VERBS, ACTION_VERB_WORDS, META_VERBS } from './lexicon.ts';
import { STOPWORDS, type Word, editDistance, stem, words } from './text.ts';

/** A stretch of the statement that asks for (at most) a few related actions. */
export interface Clause {
  index: number;
  /** Index of the sentence (or bullet) the clause belongs to. */
  sentence: number;
  /** Text as written, entities left in. */
  text: string;
  /** Text with URLs, emails and channels masked, for matching. */
  masked: string;
  start: number;
  end: number;
  /** Leading connector words ("and then", "once", "separately"), lower-case; '' when none. */
  connector: string;
  /** Whether a known action verb appears in the clause. */
  hasVerb: boolean;
  /** Whether the clause sits in a heading: a leading sentence that ends with a colon ("Nightly ETL:"). */
  heading: boolean;
  /** What ends the clause's sentence: '.', '!', '?', ';', ':', a line break, a bullet, or '' at the end. */
  stop: string;
}

const ABBREVIATIONS = /\b(?:dr|mr|mrs|ms|st|vs|etc|approx|inc|ltd|jr|sr|no|e\.g|i\.e|fig|dept|est)\.$/i;

/** Splits at sentence ends, semicolons, colons, line breaks and bullets, keeping character offsets. */
function sentences(masked: string): { start: number; end: number; stop: string }[] {
  const out: { start: number; end: number; stop: string }[] = [];
  let start = 0;
  const push = (end: number, stop = ''): void => {
    if (masked.slice(start, end).trim().length > 0) out.push({ start, end, stop });
    // "pls:\n * soil readings": the bullet right after the colon is what the sentence leads into.
    else if (stop !== '' && !/^[.!?;:\n]$/.test(stop) && out.length > 0) {
      const last = out.at(-1);
      if (last !== undefined) last.stop = stop;
    }
  };
  const boundary = /(?:^|\n)\s*(?:[-*•]|\d+[.)])\s+|[.!?](?=\s|$)|[;:](?=\s|$)|\n+/g;
  for (const match of masked.matchAll(boundary)) {
    const end = match.index;
    if (match[0] === '.' && ABBREVIATIONS.test(masked.slice(Math.max(0, end - 5), end + 1))) continue;
    push(end, match[0].trim().charAt(0) || '\n');
    start = end + match[0].length;
  }
  push(masked.length);
  return out;
}

const CONNECTOR_WORDS = new Set(
  'and or but then also so while whereas before after once until unless when whenever if separately meanwhile finally next afterwards lastly additionally plus'.split(
    ' ',
  ),
);
const CUE_ONLY =
  /^(?:and |but |so )?(?:in parallel|separately|meanwhile|in the meantime|at the same time|after that|afterwards|then|also|next|finally|first|in addition|additionally|simultaneously|concurrently|independently|right away|immediately)$/i;
const PARALLEL_AHEAD =
  /^\s*(?:at the same time|in parallel|meanwhile|in the meantime|separately|simultaneously|concurrently)\b/i;
const NEGATED_BEFORE = /\b(?:don't|dont|do not|does not|doesn't|never|not|no|without|neither)\b[^,;]*$/i;
const SUBORDINATORS = new Set('before after once until unless when whenever if while whereas'.split(' '));
const BREAKERS = new Set(['and', 'or', 'but', 'then', 'plus', 'so']);
const ADVERBS = new Set([
  'also',
  'then',
  'finally',
  'immediately',
  'separately',
  'just',
  'only',
  'quickly',
  'afterwards',
]);

const verbCache = new Map<string, boolean>();

function isVerbWord(lower: string): boolean {
  const cached = verbCache.get(lower);
  if (cached !== undefined) return cached;
  const s = stem(lower);
  // A typo of a verb still starts an action ("and scroe them").
  const verb = ACTION_VERBS.has(s)
    ? !META_VERBS.has(s)
    : lower.length >= 5 &&
      ACTION_VERB_WORDS.some((v) => Math.abs(v.length - lower.length) <= 1 && editDistance(v, lower, 1) <= 1);
  if (verbCache.size > 20_000) verbCache.clear();
  verbCache.set(lower, verb);
  return verb;
}

const SPLITTING_META = new Set(['tell', 'give', 'show', 'let', 'get', 'make', 'take', 'use']);

/** Whether the words at `i` start a new action: a verb, a meta verb, or a hyphenated verb ("risk-assess"). */
function startsAction(ws: readonly Word[], i: number, text: string): boolean {
  const first = ws[i];
  if (first === undefined) return false;
  if (isVerbWord(first.lower) || SPLITTING_META.has(first.lower)) return true;
  // An unknown word followed by an object is a verb in command position ("and fax the blurb").
  const after = ws[i + 1]?.lower ?? '';
  if (
    /^[a-z]{3,}$/.test(first.text) &&
    !STOPWORDS.has(first.lower) &&
    ['the', 'a', 'an', 'it', 'them', 'this', 'these', 'those'].includes(after)
  ) {
    return true;
  }
  const second = ws[i + 1];
  const joined = second !== undefined && text.slice(first.start + first.text.length, second.start) === '-';
  return joined && isVerbWord(second.lower);
}

/** Splits the statement into clauses: one action (or one description) each, with its connector. */
export function segment(statement: string, masked: string): Clause[] {
  const clauses: Clause[] = [];
  const spans = sentences(masked);
  for (const [sentenceIndex, span] of spans.entries()) {
    const heading = span.stop === ':' && sentenceIndex === 0 && spans.length > 1;
    const cuts = new Set<number>([span.start]);
    const text = masked.slice(span.start, span.end);
    for (const match of text.matchAll(/(?<!\d),|,(?!\d)|[()&]|\+(?!\d)|\s[–—-]\s/g))
      cuts.add(span.start + match.index);
    const ws = words(text);
    for (const [i, w] of ws.entries()) {
      if (i === 0) continue;
      const next = ws[i + 1]?.lower ?? '';
      let verbAt = i + 1;
      if (ADVERBS.has(next)) verbAt++;
      const verbWord = ws[verbAt];
      const rest = verbWord === undefined ? '' : text.slice(verbWord.start);
      const secondWord =
        verbWord === undefined ? 0 : (ws[verbAt + 1]?.start ?? verbWord.start) - verbWord.start;
      const restHead = rest.length > 0 ? headOf(rest) : undefined;
      const actionAhead =
        startsAction(ws, verbAt, text) &&
        (usedAsVerb(ws, verbAt) || (restHead !== undefined && restHead.at <= secondWord));
      // "when"/"while" open a clause only after a comma ("from around when it started" does not).
      const loose = (w.lower === 'when' || w.lower === 'while') && !/,\s*$/.test(text.slice(0, w.start));
      const splitsHere =
        (SUBORDINATORS.has(w.lower) && !loose) ||
        (BREAKERS.has(w.lower) &&
          (actionAhead ||
            SUBORDINATORS.has(next) ||
            next === 'then' ||
            PARALLEL_AHEAD.test(text.slice(w.start + w.text.length))));
      const previous = ws[i - 1]?.lower ?? '';
      // "Don't retire or wipe anything": the negation carries over "or" to the second verb.
      const negatedOr =
        (w.lower === 'or' || w.lower === 'nor') && NEGATED_BEFORE.test(text.slice(0, w.start));
      if (splitsHere && !CONNECTOR_WORDS.has(previous) && !negatedOr) cuts.add(span.start + w.start);
    }
    const ordered = [...cuts].sort((a, b) => a - b);
    let carried: string[] = [];
    let held: { start: number; sentence: number; connector: string[] } | undefined;
    for (const [k, cut] of ordered.entries()) {
      const end = ordered[k + 1] ?? span.end;
      let start = cut;
      while (start < end && /[\s,()+&–—-]/.test(masked[start] ?? '')) start++;
      const piece = masked.slice(start, end).trim();
      if (piece.length === 0 || !/[\p{L}\p{N}]/u.test(piece)) continue;
      const clauseWords = words(piece);
      const connector: string[] = [...carried];
      let leading = 0;
      for (const w of clauseWords) {
        if (!CONNECTOR_WORDS.has(w.lower) && !ADVERBS.has(w.lower)) break;
        connector.push(w.lower);
        leading++;
      }
      // A piece that is only connectors ("and", "but only", "in parallel") hands them to the next clause.
      if (leading === clauseWords.length || CUE_ONLY.test(piece)) {
        carried = leading === clauseWords.length ? connector : [...carried, piece.toLowerCase()];
        continue;
      }
      carried = [];
      // A piece without a verb continues the clause before it ("(text below)", "priority and customer id").
      const last = clauses.at(-1);
      if (
        last !== undefined &&
        last.sentence === sentenceIndex &&
        connector.length === 0 &&
        !SUBORDINATORS.has(last.connector.split(' ').at(-1) ?? '') &&
        headOf(piece) === undefined &&
        !/^(?:which|who|whom|whose|that)\b/i.test(piece) &&
        headOf(last.masked) !== undefined
      ) {
        last.end = start + piece.length;
        last.text = statement.slice(last.start, last.end);
        last.masked = masked.slice(last.start, last.end);
        continue;
      }
      // A leading phrase without a verb belongs to the clause it introduces ("From the original text,
      // create posts"); it is held and prepended to the next piece of the sentence.
      const nextCut = ordered[k + 1];
      const nextPiece =
        nextCut === undefined
          ? ''
          : masked.slice(nextCut, ordered[k + 2] ?? span.end).replace(/^[\s,()+&–—-]+/, '');
      if (
        headOf(piece) === undefined &&
        (last === undefined || last.sentence !== sentenceIndex || held !== undefined) &&
        nextPiece.length > 0 &&
        headOf(nextPiece) !== undefined &&
        !SUBORDINATORS.has(connector.at(-1) ?? '') &&
        !SUBORDINATORS.has(words(nextPiece)[0]?.lower ?? '') &&
        !BREAKERS.has(words(nextPiece)[0]?.lower ?? '') &&
        !/\b(?:below|attached|pasted|here|approv\w*|sign\w* off|review\w*|must|has to|have to|needs? to)\b/i.test(
          piece,
        )
      ) {
        held ??= { start, sentence: sentenceIndex, connector };
        continue;
      }
      let from = start;
      let joined = connector;
      if (held !== undefined && held.sentence === sentenceIndex) {
        from = held.start;
        joined = [...held.connector, ...connector];
      }
      held = undefined;
      const text = masked.slice(from, end).trim();
      clauses.push({
        index: clauses.length,
        sentence: sentenceIndex,
        text: statement.slice(from, from + text.length),
        masked: text,
        start: from,
        end: from + text.length,
        connector: joined.join(' '),
        hasVerb: clauseWords.some((w) => isVerbWord(w.lower)),
        heading,
        stop: span.stop,
      });
    }
  }
  return clauses;
}
