import { type Agent } from '@dagwright/workflow';
import { shapeOf } from './fields.ts';
import { type Candidate, type ClauseContext, rankClause } from './matcher.ts';
import { type QueryTerm, type Ranker } from './ranker.ts';
import { type Clause } from './segment.ts';
import { type Step } from './select.ts';
import { stem, words } from './text.ts';

// Which steps already planned a clause talks about: "once the agenda is done and the venue search has
// come back" waits for two of them, "when both are back" for the last two, "build the agenda around
// those themes" works on the step that produced the themes.

/** Score at which a clause refers back to a chosen step. */
export const REFERENCE = 3;

const PRONOUNS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'him', 'her']);
const COUNTED: readonly [RegExp, number][] = [
  [/\b(?:both|the two|those two|these two|either)\b/i, 2],
  [/\b(?:all three|the three|those three|these three)\b/i, 3],
  [/\b(?:all four|the four|those four|these four)\b/i, 4],
];
const RESULTS = /^(?:results|outputs|findings|hits|matches)\b/i;
const CONJUNCTION = /\s*(?:,|;|\band\b|\bor\b|\bas well as\b|\s\+\s)\s*/i;
/** Words too common in agent names and outputs to say which earlier step a clause means. */
const REFERENCE_NOISE = new Set(
  [
    'data',
    'text',
    'record',
    'id',
    'name',
    'status',
    'type',
    'count',
    'result',
    'item',
    'custom',
    'customer',
    'email',
    'messag',
    'new',
    'list',
    'link',
    'url',
    'summary',
    'row',
    'entry',
    'output',
    'file',
    'document',
    'content',
  ].map(stem),
);

/** The latest of the chosen candidates close to the best one ("when the offer is out for signature"). */
function latestFitting(ranked: readonly Candidate[], chosen: ReadonlyMap<string, Step>): Step | undefined {
  const known = ranked.filter((c) => chosen.has(c.agent.id) && c.score >= REFERENCE);
  const top = known[0];
  if (top === undefined) return undefined;
  const ref = known
    .filter((c) => c.score >= 0.6 * top.score)
    .sort((a, b) => (chosen.get(b.agent.id)?.position ?? 0) - (chosen.get(a.agent.id)?.position ?? 0))[0];
  return ref === undefined ? undefined : chosen.get(ref.agent.id);
}

/**
 * The chosen steps a subordinate clause waits for: one per conjunct it names ("once the NCR exists
 * and the sensor data is in"), the last few when it counts them ("after both are done"), or the step
 * a pronoun stands for ("once it is approved").
 */
export function awaitedSteps(
  ranker: Ranker,
  clause: Clause,
  ranked: readonly Candidate[],
  chosen: ReadonlyMap<string, Step>,
  steps: readonly Step[],
  context: ClauseContext,
  own: readonly QueryTerm[],
): Step[] {
  const parts = clause.masked.split(CONJUNCTION);
  const named = new Set<Step>();
  if (parts.length > 1) {
    let offset = 0;
    for (const part of parts) {
      const from = clause.masked.indexOf(part, offset);
      offset = from + part.length;
      if (part.trim().length === 0 || ranker.queryTerms(part).length === 0) continue;
      const sub = {
        ...clause,
        masked: part,
        text: part,
        start: clause.start + from,
        end: clause.start + offset,
      };
      const step = latestFitting(rankClause(ranker, sub, { ...context, antecedent: [] }), chosen);
      if (step !== undefined) named.add(step);
    }
  }
  // "after both are done": as many of the latest steps as the clause counts, unless it names them.
  const counted = COUNTED.find(([pattern]) => pattern.test(clause.masked))?.[1];
  if (counted !== undefined && named.size < counted)
    return [...steps].sort((a, b) => a.position - b.position).slice(-counted);
  if (named.size > 1) return [...named];
  const one = latestFitting(ranked, chosen);
  if (one !== undefined) return [one];
  const pointer = words(clause.masked).some((w) => PRONOUNS.has(w.lower)) && own.length <= 1;
  const last = steps.at(-1);
  return pointer && last !== undefined ? [last] : [];
}

/**
 * Earlier steps a clause names by what they are called or what they produce ("each lead's score",
 * "around those themes", "its asset record"): the latest such step is the clause's material.
 */
export function namedEarlier(
  ranker: Ranker,
  clause: Clause,
  own: readonly QueryTerm[],
  main: Agent,
  chosen: ReadonlyMap<string, Step>,
  options: { original: boolean; before: number | undefined },
): Step[] {
  const mainWords = ranker.profiles.find((p) => p.agent.id === main.id)?.actions ?? new Set<string>();
  const others = [...chosen.values()].filter((s) => s.agent.id !== main.id && s.clause !== clause);
  // A "separately" clause does not draw on the branch it was set apart from, unless it says whose.
  const apart = others.filter((s) => options.before === undefined || s.clause.sentence < options.before);
  const found: Step[] = [];
  const add = (step: Step | undefined): void => {
    if (step !== undefined && !found.includes(step)) found.push(step);
  };
  const order = (a: Step, b: Step): number =>
    options.original ? a.position - b.position : b.position - a.position;
  for (const term of own) {
    if (mainWords.has(term.stem) || REFERENCE_NOISE.has(term.stem) || ranker.common(term.stem)) continue;
    // "the search results" names the output of every search step, even on a branch set apart.
    const after = clause.masked.slice(term.at - clause.start).split(/\s+/)[1] ?? '';
    const results = RESULTS.test(after);
    const matching = (results ? others : apart)
      .filter((s) => {
        const profile = ranker.profiles.find((p) => p.agent.id === s.agent.id);
        const produced = shapeOf(s.agent).outputs.flatMap((o) => o.stems);
        return (profile?.actions.has(term.stem) ?? false) || produced.includes(term.stem);
      })
      .sort(order);
    if (results) for (const step of matching) add(step);
    else add(matching[0]);
  }
  // "its items", "those themes": a possessive or demonstrative points at the step that produced the noun.
  for (const match of clause.masked.matchAll(/\b(?:its|their|those|these)\s+(\w+)(?:\s+(\w+))?/gi)) {
    const nouns = [match[1], match[2]]
      .filter((w): w is string => w !== undefined)
      .map((w) => stem(w.toLowerCase()));
    add(
      others
        .filter((s) => shapeOf(s.agent).outputs.some((o) => nouns.some((n) => o.stems.includes(n))))
        .sort((a, b) => b.position - a.position)[0],
    );
  }
  return found;
}
