// Tokens, a light stemmer and fuzzy term matching: the planner compares a statement with agent
// catalogs it has never seen, so everything here is plain English morphology, nothing domain-specific.

/** Irregular forms that suffix stripping cannot reach, mapped to their base verb or noun. */
const IRREGULAR: Readonly<Record<string, string>> = {
  sent: 'send',
  wrote: 'write',
  written: 'write',
  ran: 'run',
  got: 'get',
  gotten: 'get',
  found: 'find',
  built: 'build',
  paid: 'pay',
  made: 'make',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  brought: 'bring',
  bought: 'buy',
  drew: 'draw',
  drawn: 'draw',
  went: 'go',
  gone: 'go',
  done: 'do',
  did: 'do',
  kept: 'keep',
  left: 'leave',
  told: 'tell',
  sold: 'sell',
  spent: 'spend',
  chose: 'choose',
  chosen: 'choose',
  began: 'begin',
  begun: 'begin',
  children: 'child',
  people: 'person',
  data: 'data',
  analyses: 'analyze',
  analysis: 'analyze',
  analyse: 'analyze',
  summarise: 'summarize',
  categorise: 'categorize',
  prioritise: 'prioritize',
  optimise: 'optimize',
  anonymise: 'anonymize',
  localise: 'localize',
  recognise: 'recognize',
  deploys: 'deploy',
  findings: 'finding',
  finding: 'finding',
  deployed: 'deploy',
};

const SUFFIXES = [
  'izations',
  'ization',
  'izers',
  'izer',
  'izing',
  'ized',
  'izes',
  'ize',
  'ments',
  'ment',
  'ings',
  'ing',
  'ions',
  'ion',
  'ers',
  'ors',
  'er',
  'or',
  'ed',
  'es',
  'ly',
  's',
  'e',
  'y',
] as const;

const stemCache = new Map<string, string>();

function stripOnce(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ss')) return w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // Doubled final consonants come from inflection ("mapped", "shipping").
  if (w.length > 4 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Reduces an English word to a crude stem so that "summarize", "summary" and "summarizer" meet.
 * Stripping runs to a fixed point, so every inflection of a word lands on the same stem.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  // A word mapped to itself is protected: its suffix is not inflection ("finding" is not "find").
  const mapped = IRREGULAR[word];
  if (mapped !== undefined && IRREGULAR[mapped] === mapped) return mapped;
  let current = word;
  for (let i = 0; i < 4; i++) {
    const next = stripOnce(current);
    if (next === current) break;
    current = next;
  }
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, current);
  return current;
}

/** Splits camelCase, snake_case, kebab-case and dotted names into lower-case words. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.toLowerCase());
}

const CONTRACTED = new Set([
  'it',
  'let',
  'here',
  'there',
  'that',
  'what',
  'who',
  'he',
  'she',
  'where',
  'how',
  'when',
]);

/** A word of running text with its character offset. */
export interface Word {
  text: string;
  lower: string;
  start: number;
}

/** Splits running text into words, keeping apostrophes inside words ("don't", "customer's"). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0].replace(/’/g, "'");
    let lower = raw.toLowerCase();
    // A possessive is its noun ("the service's deploys"); contractions stay whole ("it's", "here's").
    if (lower.endsWith("'s") && !CONTRACTED.has(lower.slice(0, -2))) lower = lower.slice(0, -2);
    out.push({ text: raw, lower, start: match.index });
  }
  return out;
}

/** Common English words that carry no meaning for matching a step to an agent. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than so of to in on at by for from with into onto over under as is are was were be been ' +
    "being am do does did has have had having it its it's this that these those there here them they their theirs he him his " +
    'she her hers we us our ours you your yours i me my mine who whom whose which what when where why how all any each every ' +
    'some such no nor not only own same too very can could will would shall should may might must just also about ' +
    'up down out off back away again further once both few more most other s t via per e g eg ie etc one two via using use ' +
    "please thanks thank hey hi ok okay let lets let's i'm i'll we'll we've i've it'll that's there's here's " +
    "don't doesn't didn't can't won't isn't aren't wasn't shouldn't whatever whoever whichever anything " +
    'something everything nothing anyone someone everyone thing things way right now today yet still already ' +
    'need needs needed want wants like get gets got make makes sure new next last'
  ).split(/\s+/),
);

/** Damerau-Levenshtein distance, capped: returns `cap + 1` once the words are further apart than `cap`. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const cols = b.length + 1;
  // Three rolling rows: the one before the previous is needed for transpositions.
  let before = new Uint16Array(cols);
  let previous = new Uint16Array(cols);
  let current = new Uint16Array(cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // Typed arrays read 0 out of range, so no index here needs a guard.
      let v = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      current[j] = v;
      if (v < best) best = v;
    }
    if (best > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? cap + 1;
}

/** Whether two stems name the same thing: equal, or one a long-enough prefix of the other. */
export function stemsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}
