import { ACTION_VERBS } from './lexicon.ts';
import { STOPWORDS, type Word, stem, words } from './text.ts';

// Finds the verb a clause is built on. Imperatives lead with it ("post the findings"), light verbs
// hide it in a noun ("run anomaly detection"), passives put it last ("before it's emailed"), and
// particles change it ("write the score back" is an update).

const SKIP = new Set(
  (
    "and or but then also so just please pls plz could would can you we i i'll we'll i'd need needs to should must will " +
    'first finally next now simply quickly immediately separately once after when if while before until ' +
    "let's lets go ahead kindly only as soon upon following whenever unless meanwhile additionally a an the " +
    "you'll you'd we'd they they'll he she it's don't do not never"
  ).split(' '),
);
const LIGHT = new Set([
  'run',
  'do',
  'perform',
  'execute',
  'carry',
  'conduct',
  'kick',
  'feed',
  'put',
  'give',
  'tell',
  'show',
  'provide',
  'want',
]);
const GET = new Set(['get', 'gets', 'getting', 'got']);
const PARTICLES = new Set(['back', 'up', 'out', 'off', 'over', 'through', 'down', 'for']);
const PHRASAL: Readonly<Record<string, string>> = {
  'writ back': 'updat',
  'look up': 'lookup',
  'look for': 'search',
  'roll back': 'rollback',
  'set up': 'creat',
  'pull out': 'extract',
  'strip out': 'remov',
  'figur out': 'analyz',
  'work out': 'determin',
  'send out': 'send',
  'find out': 'find',
  'sign up': 'regist',
  'sum up': 'summar',
  'check for': 'detect',
  'scan for': 'detect',
  'search for': 'search',
  'look over': 'review',
  'go through': 'review',
};
/** Words that cannot follow a verb used as a verb ("priority and id", "list of items", "grades must"). */
const NOT_AFTER_VERB = new Set(
  (
    "and or of is are was were has have 's must should can could will would may might shall cannot " +
    "can't won't don't doesn't shouldn't mustn't"
  ).split(' '),
);
const AUXILIARY =
  /\b(?:is|are|was|were|be|been|being|gets?|got|it's|they're|that's|has been|have been|had been)\s+(?:\w+\s+)?([a-z]+(?:ed|en)|sent|written|done|made|paid|built|run|read|set|put)\b/i;

/** The verb a clause is built on, as stems (the verb and, for phrasal verbs, what it means). */
export interface Head {
  stems: string[];
  /** Offset of the verb within the clause text. */
  at: number;
  /** The action sits in a noun after a light verb ("run a fraud check"): its modifiers name the agent. */
  light?: { from: number; to: number };
  /** The verb is not a known action word, only in command position ("fax the blurb"). */
  unknown?: boolean;
}

const OBJECT_START = new Set([
  'the',
  'a',
  'an',
  'it',
  'them',
  'this',
  'these',
  'those',
  'my',
  'our',
  'his',
  'her',
  'their',
  'each',
  'every',
  'all',
]);
const LEADING_PREPOSITIONS = new Set(['for', 'with', 'on', 'in', 'from', 'during']);
const FUNCTION_WORDS = new Set([
  'because',
  'since',
  'although',
  'though',
  'whether',
  'unless',
  'where',
  'while',
  'what',
  'how',
  'why',
  'who',
  'is',
  'are',
  'was',
  'were',
  'for',
  'from',
  'with',
  'about',
  'into',
  'onto',
  'over',
  'under',
  'after',
  'before',
]);

/** Index of the first word after leading connectors and subjects. */
function leading(ws: readonly Word[]): number {
  let i = 0;
  while (i < ws.length && SKIP.has(ws[i]?.lower ?? '')) i++;
  return i;
}

/** A statement about the world rather than a request ("Order #88123 looks suspicious"). */
const DECLARATIVE =
  /^\s*(?:[\w#@'.-]+\s+){1,2}(?:just\s+|already\s+|now\s+|still\s+|never\s+)?(?:looks|seems|appears|says|said|is|was|are|were|has|have|had|came|arrived|fired|happened|failed|broke|went|got)\b/i;

function isAction(lower: string): boolean {
  return ACTION_VERBS.has(stem(lower));
}

/** Whether the word at `i` is used as a verb: it is followed by an object, a particle or a preposition. */
export function usedAsVerb(ws: readonly Word[], i: number): boolean {
  const next = ws[i + 1];
  return next !== undefined && !NOT_AFTER_VERB.has(next.lower);
}

/** Finds the head verb of a clause, or undefined for a clause without one ("priority and customer id"). */
export function headOf(text: string): Head | undefined {
  if (heads.has(text)) return heads.get(text);
  const head = findHead(text);
  if (heads.size > 5_000) heads.clear();
  heads.set(text, head);
  return head;
}

const heads = new Map<string, Head | undefined>();

function findHead(text: string): Head | undefined {
  const found = headOfPlain(text);
  if (found !== undefined) return found;
  // "For requisition JR-1042, parse the résumé", "devices under warranty go back to the pool (just post
  // them ...)": the verb follows a leading phrase, after a comma, a parenthesis or a dash.
  const breaks = [', ', '(', ' - ', ' – ', ' — ']
    .map((mark) => ({ mark, at: text.indexOf(mark) }))
    .filter((b) => b.at > 0)
    .sort((a, b) => a.at - b.at);
  for (const { mark, at } of breaks) {
    const shift = at + mark.length;
    const rest = headOfPlain(text.slice(shift));
    if (rest === undefined) continue;
    // Inside parentheses or dashes only a verb with an object is an instruction ("(text below)" is not).
    const after = words(text.slice(shift + rest.at))[1]?.lower ?? '';
    if (mark !== ', ' && !OBJECT_START.has(after) && !PARTICLES.has(after)) continue;
    return {
      ...rest,
      at: rest.at + shift,
      ...(rest.light === undefined
        ? {}
        : { light: { from: rest.light.from + shift, to: rest.light.to + shift } }),
    };
  }
  return undefined;
}

/** Past participles that do not end in -ed. */
const PARTICIPLES = new Set(
  'sent written done made paid built run read set put found taken given drawn shown sold kept told'.split(
    ' ',
  ),
);
/** Words after which a participle is the verb of a reduced passive ("comps pulled for its address"). */
const AFTER_PARTICIPLE = new Set(
  (
    'for with in on by from to into at against via using through afterwards afterward first then and ' +
    'before after once when as so too again later separately'
  ).split(' '),
);
/** Words before a participle that make it an adjective ("the approved text", "an updated kitchen"). */
const BEFORE_ADJECTIVE = new Set(
  'the a an its their his her my our your this that these those each every all any some no is are was were be been not'.split(
    ' ',
  ),
);
/** "Invitations go out", "before it goes up on the MLS": going out is sending, going up is publishing. */
const GOING = /\b(?:go|goes|going|went|gone)\s+(out|up|live)\b/i;

/**
 * A verb that comes after its object: a reduced passive ("its warranty status checked with the
 * manufacturer", "I'd like the photos described") or an intransitive phrase ("invitations go out").
 */
function lateHead(text: string, ws: readonly Word[]): Head | undefined {
  for (const [i, w] of ws.entries()) {
    if (i === 0) continue;
    const participle = PARTICIPLES.has(w.lower) || (w.lower.endsWith('ed') && w.lower.length > 4);
    if (!participle || !isAction(w.lower)) continue;
    const before = ws[i - 1]?.lower ?? '';
    const after = ws[i + 1]?.lower;
    if (BEFORE_ADJECTIVE.has(before) || FUNCTION_WORDS.has(before)) continue;
    if (after !== undefined && !AFTER_PARTICIPLE.has(after)) continue;
    return { stems: [stem(w.lower)], at: w.start };
  }
  const going = GOING.exec(text);
  if (going !== null) {
    const meaning = going[1]?.toLowerCase() === 'out' ? 'send' : 'publish';
    return { stems: ['go', stem(meaning)], at: going.index };
  }
  return undefined;
}

function headOfPlain(text: string): Head | undefined {
  if (DECLARATIVE.test(text) && !/^\s*(?:and|but|then|also|once|after|when|if|before|until)\b/i.test(text))
    return undefined;
  const ws = words(text);
  for (const [i, w] of ws.entries()) {
    if (SKIP.has(w.lower)) continue;
    const next = ws[i + 1];
    // "SEO-optimize it", "risk-check them": the verb is the second half.
    if (
      next !== undefined &&
      text.slice(w.start + w.text.length, next.start) === '-' &&
      isAction(next.lower)
    ) {
      return withParticle(ws, i + 1);
    }
    // "gets a text", "get a freight quote": the action is the noun after a bare "get a".
    const article = ws[i + 1]?.lower;
    if (GET.has(w.lower) && (article === 'a' || article === 'an')) {
      for (const j of [i + 2, i + 3]) {
        const noun = ws[j];
        if (noun !== undefined && isAction(noun.lower))
          return {
            stems: [stem(noun.lower)],
            at: noun.start,
            light: { from: ws[i + 2]?.start ?? noun.start, to: noun.start },
          };
      }
    }
    if (LIGHT.has(w.lower)) {
      for (let j = i + 1; j < Math.min(ws.length, i + 9); j++) {
        const candidate = ws[j];
        if (candidate === undefined) continue;
        if (!STOPWORDS.has(candidate.lower) && isAction(candidate.lower)) {
          const from = ws[i + 1]?.start ?? candidate.start;
          return {
            stems: [stem(candidate.lower)],
            at: candidate.start,
            light: { from, to: candidate.start },
          };
        }
      }
      if (isAction(w.lower)) return withParticle(ws, i);
      // "Feed both into the valuation model": a light verb in command position is the action itself,
      // and the words after it name the agent.
      const next = ws[i + 1];
      if (i === leading(ws) && next !== undefined && !NOT_AFTER_VERB.has(next.lower))
        return { stems: [stem(w.lower)], at: w.start, light: { from: next.start, to: text.length } };
      return undefined;
    }
    if (isAction(w.lower) && usedAsVerb(ws, i)) return withParticle(ws, i);
    // An unknown word right before "the"/"it" in command position is a verb all the same ("fax the blurb").
    if (
      i === leading(ws) &&
      !FUNCTION_WORDS.has(w.lower) &&
      !STOPWORDS.has(w.lower) &&
      /^[a-z]{3,}$/.test(w.text) &&
      OBJECT_START.has(ws[i + 1]?.lower ?? '')
    ) {
      return { stems: [stem(w.lower)], at: w.start, unknown: true };
    }
    // "for each one look up the asset record": the verb follows a short leading phrase.
    if (i === leading(ws) && LEADING_PREPOSITIONS.has(w.lower)) {
      for (let j = i + 1; j < Math.min(ws.length, i + 5); j++) {
        const candidate = ws[j];
        const after = ws[j + 1]?.lower ?? '';
        if (
          candidate !== undefined &&
          isAction(candidate.lower) &&
          (OBJECT_START.has(after) || PARTICLES.has(after))
        )
          return withParticle(ws, j);
      }
    }
    break;
  }
  // "before it's emailed", "until anything is written": a passive puts the verb after its subject.
  const passive = AUXILIARY.exec(text);
  if (passive !== null && passive[1] !== undefined && isAction(passive[1].toLowerCase())) {
    const verb = passive[1].toLowerCase();
    const at = passive.index + passive[0].length - passive[1].length;
    return { stems: [stem(verb)], at };
  }
  return lateHead(text, ws);
}

function withParticle(ws: readonly Word[], i: number): Head {
  const verb = ws[i] ?? { text: '', lower: '', start: 0 };
  const stems = [stem(verb.lower)];
  for (let j = i + 1; j < Math.min(ws.length, i + 5); j++) {
    const w = ws[j]?.lower ?? '';
    if (!PARTICLES.has(w)) continue;
    const mapped = PHRASAL[`${stem(verb.lower)} ${w}`];
    if (mapped !== undefined) stems.push(mapped);
    if (w !== 'for') break;
  }
  return { stems, at: verb.start };
}
