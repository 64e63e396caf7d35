import { type Agent } from '@dagwright/workflow';

// Catalogs often offer a cheap and a thorough agent for the same job ("Instant Translator" and
// "Localization Specialist"). Which one the user wants is said in words about the job ("a rough
// translation", "cheap and fast is fine", "a thorough investigation"), not in the job itself, so the
// words only decide between such rivals, never bring in an agent of their own.

/** Which end of a cheap/thorough pair the statement asks for. */
export type Tier = 'cheap' | 'thorough';

const CHEAP =
  /\b(?:cheap(?:ly|er|est)?|inexpensive|low[- ]cost|rough(?:ly)?|first[- ]pass|first cut|quick (?:and|&) (?:dirty|cheap)|cheap and (?:fast|quick)|fast and cheap|gist|ballpark|good enough|no[- ]frills|basic|quick(?! as))\b/gi;
const THOROUGH =
  /\b(?:thorough(?:ly)?|in[- ]depth|deep[- ]dive|detailed|careful(?:ly)?|polished|professional(?:ly)?|publication|publish(?:-ready|able)|high[- ](?:quality|accuracy)|most accurate|rigorous(?:ly)?|full (?:investigation|analysis|review|root[- ]cause)|proper(?:ly)?|customer[- ]facing)\b/gi;
/** A negation just before a tier word turns it around: "nothing polished", "not a rough pass". */
const NEGATED = /\b(?:no|not|nothing|don't need|doesn't need|no need for|without|never)\s+(?:\w+\s+){0,2}$/i;

function count(statement: string, pattern: RegExp): { plain: number; negated: number } {
  let plain = 0;
  let negated = 0;
  for (const match of statement.matchAll(pattern)) {
    if (NEGATED.test(statement.slice(Math.max(0, match.index - 40), match.index))) negated++;
    else plain++;
  }
  return { plain, negated };
}

/** The tier the statement's words favour, if they favour one. */
export function tierOf(statement: string): Tier | undefined {
  const cheap = count(statement, CHEAP);
  const thorough = count(statement, THOROUGH);
  const forCheap = cheap.plain + thorough.negated;
  const forThorough = thorough.plain + cheap.negated;
  if (forCheap === forThorough) return undefined;
  return forCheap > forThorough ? 'cheap' : 'thorough';
}

const capabilityWords = (agent: Agent): Set<string> =>
  new Set(agent.capabilities.flatMap((c) => c.toLowerCase().split(/[-_\s]+/)).filter((w) => w.length > 3));

/** Whether two agents do the same job: they share a capability or a word of one. */
export function rivals(a: Agent, b: Agent): boolean {
  const words = capabilityWords(a);
  return [...capabilityWords(b)].some((w) => words.has(w));
}

/** Words an agent uses to say it is the cheap or the thorough one of a pair. */
const SAYS: Readonly<Record<Tier, RegExp>> = {
  cheap: /\b(?:fast|quick|cheap|instant|lite|light|lightweight|rule-based|rough|first|basic|simple)\b/i,
  thorough:
    /\b(?:thorough|accurate|slow|slower|costlier|expensive|detailed|in-depth|deep|professional|specialist|publication)\b/i,
};

/** What is left of a passed-over rival's score. */
const DEMOTED = 0.3;

/** How close a rival's score must come to the best one's for the tier to pick between them. */
const CLOSE = 0.5;

/**
 * Puts the rival the tier favours first: the cheaper for "cheap", the costlier for "thorough". It
 * takes the best score, so it is chosen exactly where the best would have been.
 */
export function preferTier<T extends { agent: Agent; score: number }>(
  ranked: T[],
  tier: Tier | undefined,
): T[] {
  const best = ranked[0];
  if (tier === undefined || best === undefined || best.score <= 0) return ranked;
  const better = (x: T, y: T): boolean =>
    tier === 'cheap' ? x.agent.costPerCall < y.agent.costPerCall : x.agent.costPerCall > y.agent.costPerCall;
  let chosen = best;
  for (const c of ranked.slice(1)) {
    if (c.score < CLOSE * best.score) break;
    const says = SAYS[tier].test(`${c.agent.name} ${c.agent.description}`);
    if (says && rivals(best.agent, c.agent) && better(c, chosen)) chosen = c;
  }
  if (chosen === best) return ranked;
  // The rival passed over must not come back as a second step of the same clause.
  const rest = ranked
    .filter((c) => c !== best && c !== chosen)
    .map((c) =>
      rivals(c.agent, chosen.agent) && c.score >= CLOSE * best.score ? { ...c, score: DEMOTED * c.score } : c,
    );
  return [{ ...chosen, score: best.score }, ...rest, { ...best, score: DEMOTED * best.score }].sort(
    (a, b) => b.score - a.score,
  );
}
