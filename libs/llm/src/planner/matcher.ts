import { preferTier } from './tier.ts';
import { type Agent } from '@dagwright/workflow';
import { entityFit, entitiesIn } from './bind.ts';
import { type Entity } from './entities.ts';
import { fieldAffinity, shapeOf } from './fields.ts';
import { type Head, headOf } from './head.ts';
import { SYNONYMS } from './lexicon.ts';
import { type AgentProfile, type QueryTerm, type Ranker } from './ranker.ts';
import { type Clause } from './segment.ts';
import { words } from './text.ts';

// Scores every offered agent for one clause: BM25 of the clause, plus evidence a bag of words
// misses: the clause's head verb, the kind of values it names (a #channel, an email address), whether
// it reads as data arriving, and whether the agent can take what the previous step produced.

const PRONOUNS = new Set([
  'it',
  'them',
  'this',
  'that',
  'these',
  'those',
  'results',
  'result',
  'output',
  'everything',
  'all',
]);
const ARRIVAL =
  /\b(?:incoming|inbound|unread|arriv\w*|comes? in(?:to)?|came in(?:to)?|received|lands? in|landed in)\b|\b(?:new|next|latest|oldest) \w+ (?:in|into|from|there|comes?|arrives?)\b|\b(?:each|every) new\b/i;

/** What the clause sits in: the step before it, data the user supplies, the statement as a whole. */
export interface ClauseContext {
  previous: Agent | undefined;
  /** Stems of nouns naming data the user pastes or attaches ("the transcript below"). */
  inlineStems: ReadonlySet<string>;
  global: readonly QueryTerm[];
  entities: readonly Entity[];
  /** Words of earlier clauses a pronoun in this one may stand for ("sql q: ... write it"). */
  antecedent?: readonly QueryTerm[];
}

/** One agent's score for a clause, with the parts that made it. */
export interface Candidate {
  agent: Agent;
  score: number;
  bm25: number;
  matched: string[];
  penalized: string[];
  bonuses: string[];
}

/** The clause's words as query terms: entity words (languages) dropped, head verb expanded by synonyms. */
export function clauseQuery(
  ranker: Ranker,
  clause: Clause,
  entities: readonly Entity[],
  head: Head | undefined,
): QueryTerm[] {
  const terms = ownTerms(ranker, clause, entities);
  if (head === undefined) return ranker.related(terms);
  const extra: QueryTerm[] = head.stems.slice(1).map((s) => ({ stem: s, weight: 1, at: head.at }));
  // After a light verb, the words naming the action ("fraud" in "run a fraud check") matter most.
  const light = head.light;
  if (light !== undefined) {
    for (const t of terms) if (t.at >= light.from && t.at < light.to) t.weight = 1.5;
  }
  const headTerms = [...terms.filter((t) => t.at === head.at), ...extra];
  const expanded = ranker.expand(headTerms).filter((t) => t.synonym === true);
  return [...ranker.related(terms), ...extra, ...expanded];
}

/** Weight of a word inside parentheses. */
export const ASIDE = 0.4;

/** Spans of a text inside parentheses (an unclosed one runs to the end). */
function parentheticals(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    const end = close === -1 ? text.length : close;
    // "(just post them in #it-ops)" is an instruction, not an aside.
    if (headOf(text.slice(open + 1, end)) === undefined) spans.push([open, end]);
  }
  return spans;
}

/** The clause's own words as query terms: no value words (languages, quoted values), no light verb. */
export function ownTerms(ranker: Ranker, clause: Clause, entities: readonly Entity[]): QueryTerm[] {
  const found = headOf(clause.masked);
  const lightFrom = found?.light === undefined ? undefined : found.light.from + clause.start;
  const valueSpans = entitiesIn(entities, clause.start, clause.end).filter(
    (e) => e.kind === 'language' || e.kind === 'quoted',
  );
  const terms = ranker
    .queryTerms(clause.masked, clause.start)
    .filter((t) => !valueSpans.some((e) => t.at >= e.start && t.at < e.end))
    .filter((t) => lightFrom === undefined || t.at >= lightFrom);
  // An aside in parentheses explains or qualifies ("the fast screener misses hairline cracks"); it
  // names an agent less surely than the clause around it.
  for (const [from, to] of parentheticals(clause.masked))
    for (const t of terms) if (t.at >= clause.start + from && t.at < clause.start + to) t.weight = ASIDE;
  return terms;
}

/** Scores all agents for a clause, best first. */
export function rankClause(ranker: Ranker, clause: Clause, context: ClauseContext): Candidate[] {
  const found = headOf(clause.masked);
  const head =
    found === undefined
      ? undefined
      : {
          ...found,
          at: found.at + clause.start,
          ...(found.light === undefined
            ? {}
            : { light: { from: found.light.from + clause.start, to: found.light.to + clause.start } }),
        };
  const query = [
    ...clauseQuery(ranker, clause, context.entities, head),
    ...(context.antecedent ?? []).map((t) => ({ ...t, weight: 0.5 * t.weight })),
  ];
  const inClause = entitiesIn(context.entities, clause.start, clause.end);
  const arriving = ARRIVAL.test(clause.masked);
  const pronoun = words(clause.masked).some((w) => PRONOUNS.has(w.lower));
  const headStems = new Set<string>();
  for (const s of head?.stems ?? []) for (const syn of SYNONYMS.get(s) ?? [s]) headStems.add(syn);

  const ranked = ranker.profiles
    .map((profile) =>
      scoreOne(ranker, profile, query, { clause, context, inClause, arriving, pronoun, headStems, head }),
    )
    .sort((a, b) => ranker.compare(a, b));
  return preferTier(ranked, ranker.tier);
}

interface Evidence {
  clause: Clause;
  context: ClauseContext;
  inClause: Entity[];
  arriving: boolean;
  pronoun: boolean;
  headStems: Set<string>;
  head: Head | undefined;
}

function scoreOne(
  ranker: Ranker,
  profile: AgentProfile,
  query: readonly QueryTerm[],
  e: Evidence,
): Candidate {
  const match = ranker.score(query, profile);
  const bonuses: string[] = [];
  let score = match.score;
  const shape = shapeOf(profile.agent);

  // 1. The head verb names what this agent is built to do; its other words name what it is called.
  if (e.head !== undefined && [...e.headStems].some((s) => profile.verbs.has(s))) {
    const bonus =
      (2.5 + 0.3 * ranker.idf(e.head.stems.at(-1) ?? '')) * (e.head.light === undefined ? 1 : 0.5);
    score += bonus;
    bonuses.push(`verb +${bonus.toFixed(1)}`);
  }
  let title = 0;
  const titled = new Set<string>();
  for (const term of query) {
    if (term.synonym === true || term.weight < 1 || titled.has(term.stem) || e.headStems.has(term.stem))
      continue;
    if (!profile.actions.has(term.stem)) continue;
    titled.add(term.stem);
    title += 0.6 * ranker.idf(term.stem);
  }
  if (title > 0) {
    score += Math.min(title, 3);
    bonuses.push(`title +${Math.min(title, 3).toFixed(1)}`);
  }
  // 2. Values in the clause that only some agents take (a #channel, a phone number, a table).
  const weights: Partial<Record<Entity['kind'], number>> = {
    channel: 4,
    handle: 2,
    phone: 3,
    table: 2,
    url: 1.5,
    email: 1.2,
    language: 1.5,
    money: 1,
    id: 0.8,
    date: 0.5,
    time: 0.5,
    quantity: 0.5,
  };
  const kinds = new Set<Entity['kind']>();
  for (const entity of e.inClause) {
    if (kinds.has(entity.kind)) continue;
    const fit = Math.max(0, ...shape.inputs.map((f) => entityFit(f, entity)));
    if (fit >= 0.8) {
      kinds.add(entity.kind);
      const bonus = (weights[entity.kind] ?? 0) * fit;
      score += bonus;
      if (bonus > 0) bonuses.push(`${entity.kind} +${bonus.toFixed(1)}`);
    }
  }
  // 3. "A new email comes in": data arriving is fetched, not sent.
  if (e.arriving) {
    if (shape.source) score += 2;
    if (shape.sink) score -= 2;
  }
  // 4. The agent can take what the step before produced, or what the user pasted.
  if (shape.contentInputs.length > 0) {
    const previous = e.context.previous === undefined ? [] : shapeOf(e.context.previous).outputs;
    const fed = shape.contentInputs.filter((input) =>
      previous.some((output) => fieldAffinity(output, input) >= 0.5),
    ).length;
    if (fed > 0) {
      const bonus = (fed / shape.contentInputs.length) * (e.pronoun ? 3 : 1.5);
      score += bonus;
      bonuses.push(`feeds +${bonus.toFixed(1)}`);
    }
    const pasted = shape.contentInputs.some((input) => input.stems.some((s) => e.context.inlineStems.has(s)));
    if (pasted) {
      score += 2;
      bonuses.push('pasted +2');
    }
  }
  // 5. The statement as a whole, lightly, to settle ties between look-alikes.
  score += 0.1 * ranker.memoScore(e.context.global, profile);
  return {
    agent: profile.agent,
    score,
    bm25: match.score,
    matched: match.matched,
    penalized: match.penalized,
    bonuses,
  };
}
