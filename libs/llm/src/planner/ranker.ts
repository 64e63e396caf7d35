import { type Tier } from './tier.ts';
import { type Agent } from '@dagwright/workflow';
import { RELATED, SYNONYMS } from './lexicon.ts';
import { STOPWORDS, editDistance, splitIdentifier, stem, stemsMeet, words } from './text.ts';

// BM25 over the offered agents, each agent a document with weighted fields. Statements and catalogs
// are both free text, so the same tokenizer reads both; what an agent's description says it does NOT
// do ("It only drafts; nothing is sent") becomes negative evidence instead of positive.

const FIELD_WEIGHTS = {
  name: 3,
  capability: 3,
  id: 1.5,
  description: 1,
  domain: 0.5,
  fieldName: 0.7,
  fieldDescription: 0.3,
} as const;
const K1 = 1.2;
const B = 0.5;
/**
 * Offered agents are a sample of a larger catalog: a word found in 2 of 5 offered agents is not
 * common, only the sample is small. IDF counts at least this many documents (the rest without the
 * word), so scores and the planner's thresholds mean the same for 3 agents as for 60.
 */
const MIN_DOCUMENTS = 40;

/** One query term: a stem and how much it counts. */
export interface QueryTerm {
  stem: string;
  weight: number;
  /** Offset of the word in the statement (synonyms share their source word's offset). */
  at: number;
  /** A synonym added by `expand`: it only counts against what the agent is named and built for. */
  synonym?: boolean;
}

/** What the ranker knows about one agent. */
export interface AgentProfile {
  agent: Agent;
  terms: Map<string, number>;
  length: number;
  /** Stems the description says the agent does not handle. */
  negative: Set<string>;
  /** Stems of what the agent is named and built for: name, id, capabilities, leading verbs. */
  actions: Set<string>;
  /** Stems of what the agent does: capability verbs, the agent noun of its name, leading description verbs. */
  verbs: Set<string>;
}

/** A relevance score with the stems that earned it. */
export interface Match {
  score: number;
  matched: string[];
  penalized: string[];
}

const NEGATOR = /\b(?:not|no|nothing|never|without|doesn't|don't|isn't|aren't|cannot|can't|won't)\b/i;

function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w.lower) && !/^\d+$/.test(w.lower) && w.lower.length > 1)
    .map((w) => stem(w.lower));
}

/** Splits a description into what the agent does and what it says it does not do. */
function describe(description: string): { positive: string[]; negative: string[] } {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const piece of description.split(/[.;:()]|,\s*(?=but\b|not\b|without\b)|\bbut\b/i)) {
    const match = NEGATOR.exec(piece);
    if (match === null) positive.push(...contentStems(piece));
    else {
      positive.push(...contentStems(piece.slice(0, match.index)));
      negative.push(...contentStems(piece.slice(match.index + match[0].length)));
    }
  }
  return { positive, negative };
}

function schemaFields(schema: Record<string, unknown>): [string, string][] {
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties as Record<string, unknown>).map(([name, value]) => {
    const description =
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { description?: unknown }).description === 'string'
        ? (value as { description: string }).description
        : '';
    return [name, description];
  });
}

const profiles = new WeakMap<Agent, AgentProfile>();

/** Builds the weighted term bag of an agent (memoized per agent object). */
export function profileAgent(agent: Agent): AgentProfile {
  const cached = profiles.get(agent);
  if (cached !== undefined) return cached;
  const profile = buildProfile(agent);
  profiles.set(agent, profile);
  return profile;
}

function buildProfile(agent: Agent): AgentProfile {
  const terms = new Map<string, number>();
  const add = (stems: readonly string[], weight: number): void => {
    for (const s of stems) terms.set(s, (terms.get(s) ?? 0) + weight);
  };
  const identifier = (name: string): string[] =>
    splitIdentifier(name)
      .filter((w) => !STOPWORDS.has(w) && w.length > 1)
      .map(stem);
  add(contentStems(agent.name), FIELD_WEIGHTS.name);
  for (const capability of agent.capabilities) add(identifier(capability), FIELD_WEIGHTS.capability);
  add(identifier(agent.id), FIELD_WEIGHTS.id);
  const { positive, negative } = describe(agent.description);
  add(positive, FIELD_WEIGHTS.description);
  for (const domain of agent.domains) add(identifier(domain), FIELD_WEIGHTS.domain);
  for (const schema of [agent.inputSchema, agent.outputSchema]) {
    for (const [name, description] of schemaFields(schema)) {
      add(identifier(name), FIELD_WEIGHTS.fieldName);
      add(contentStems(description), FIELD_WEIGHTS.fieldDescription);
    }
  }
  const length = [...terms.values()].reduce((sum, w) => sum + w, 0);
  const positiveSet = new Set(positive);
  const actions = new Set<string>([...contentStems(agent.name), ...identifier(agent.id)]);
  for (const capability of agent.capabilities) for (const s of identifier(capability)) actions.add(s);
  const verbs = new Set<string>();
  for (const capability of agent.capabilities) {
    const first = identifier(capability)[0];
    if (first !== undefined) verbs.add(first);
  }
  const idFirst = identifier(agent.id)[0];
  if (idFirst !== undefined) verbs.add(idFirst);
  const nameLast = contentStems(agent.name).at(-1);
  if (nameLast !== undefined) verbs.add(nameLast);
  for (const sentence of agent.description.split(/[.;]\s*/)) {
    // Only real sentences: "(travel, meals, etc.) and flags ..." is not one.
    if (NEGATOR.test(sentence) || !/^\s*[A-Z]/.test(sentence)) continue;
    const first = words(sentence).find((w) => !STOPWORDS.has(w.lower));
    if (first !== undefined) {
      actions.add(stem(first.lower));
      verbs.add(stem(first.lower));
    }
  }
  return {
    agent,
    terms,
    length,
    negative: new Set(negative.filter((s) => !positiveSet.has(s))),
    actions,
    verbs,
  };
}

/** What to favour between agents that fit a step equally well (the generator's `optimizeFor`). */
export type Preference = 'speed' | 'cost' | 'reliability' | 'accuracy';

/** Scores within this fraction of each other are a tie: look-alike agents differ only in words the statement does not use. */
const TIE = 0.01;

/** Scores text against a fixed set of agents. */
export class Ranker {
  readonly profiles: readonly AgentProfile[];
  readonly preference: Preference | undefined;
  /** Which of a cheap/thorough pair of rivals the statement asks for. */
  readonly tier: Tier | undefined;
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;
  private readonly surface = new Map<string, string>();
  private readonly meets = new Map<string, string[]>();

  constructor(agents: readonly Agent[], preference?: Preference, tier?: Tier) {
    this.profiles = agents.map(profileAgent);
    this.preference = preference;
    this.tier = tier;
    for (const profile of this.profiles) {
      for (const term of profile.terms.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      const text = [profile.agent.name, profile.agent.description, ...profile.agent.capabilities].join(' ');
      for (const w of words(text.replace(/-/g, ' '))) {
        if (w.lower.length >= 5 && !STOPWORDS.has(w.lower)) this.surface.set(w.lower, stem(w.lower));
      }
    }
    this.avgLength = this.profiles.reduce((sum, p) => sum + p.length, 0) / Math.max(1, this.profiles.length);
  }

  /**
   * Orders two scored agents, best first. Near-ties go to the agent the preference favours: the faster
   * for speed, the costlier (the thorough one of a cheap/full pair) for accuracy or reliability, else
   * the cheaper; then the faster, then the id, so plans are deterministic.
   */
  compare(a: { agent: Agent; score: number }, b: { agent: Agent; score: number }): number {
    if (Math.abs(a.score - b.score) > TIE * Math.max(Math.abs(a.score), Math.abs(b.score), 1))
      return b.score - a.score;
    const byCost = a.agent.costPerCall - b.agent.costPerCall;
    const byLatency = a.agent.avgLatencyMs - b.agent.avgLatencyMs;
    const ordered =
      this.preference === 'speed'
        ? [byLatency, byCost]
        : this.preference === 'accuracy' || this.preference === 'reliability'
          ? [-byCost, -byLatency]
          : [byCost, byLatency];
    return ordered.find((d) => d !== 0) ?? (b.score - a.score || a.agent.id.localeCompare(b.agent.id));
  }

  /** Inverse document frequency of a stem among the offered agents. */
  idf(term: string): number {
    const n = Math.max(this.profiles.length, MIN_DOCUMENTS);
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether a stem is in so many of the offered agents that it cannot tell one step from another. */
  common(term: string): boolean {
    return (this.df.get(term) ?? 0) > Math.max(2, this.profiles.length / 3);
  }

  /** Whether any agent's document contains the stem. */
  known(term: string): boolean {
    return this.df.has(term);
  }

  /** Vocabulary stems that a query stem matches (itself, or by a long shared prefix). */
  private variants(term: string): string[] {
    const cached = this.meets.get(term);
    if (cached !== undefined) return cached;
    const out = [...this.df.keys()].filter((t) => stemsMeet(term, t));
    this.meets.set(term, out);
    return out;
  }

  /** Stems of a piece of statement text, typo-corrected against the catalog's words. */
  queryTerms(text: string, offset = 0): QueryTerm[] {
    const out: QueryTerm[] = [];
    for (const w of words(text)) {
      if (STOPWORDS.has(w.lower) || /^x+$/.test(w.lower) || /^\d+$/.test(w.lower) || w.lower.length < 2)
        continue;
      out.push({ stem: this.correct(w.lower), weight: 1, at: offset + w.start });
    }
    return out;
  }

  /** Adds the synonyms of verbs at a lower weight, so "grab" finds an agent that "fetches". */
  expand(terms: readonly QueryTerm[], weight = 0.5): QueryTerm[] {
    const out = [...terms];
    const present = new Set(terms.map((t) => t.stem));
    for (const term of terms) {
      for (const synonym of SYNONYMS.get(term.stem) ?? []) {
        if (present.has(synonym)) continue;
        present.add(synonym);
        out.push({ stem: synonym, weight: weight * term.weight, at: term.at, synonym: true });
      }
    }
    return out;
  }

  /** Adds words related in meaning ("upset" → sentiment, mood) at a low weight. */
  related(terms: readonly QueryTerm[], weight = 0.35): QueryTerm[] {
    const out = [...terms];
    const present = new Set(terms.map((t) => t.stem));
    for (const term of terms) {
      for (const other of RELATED.get(term.stem) ?? []) {
        if (present.has(other)) continue;
        present.add(other);
        out.push({ stem: other, weight: weight * term.weight, at: term.at });
      }
    }
    return out;
  }

  private readonly corrected = new Map<string, string>();

  private correct(lower: string): string {
    const s = stem(lower);
    if (lower.length < 5 || this.variants(s).length > 0) return s;
    const cached = this.corrected.get(lower);
    if (cached !== undefined) return cached;
    let best: string | undefined;
    for (const [word, wordStem] of this.surface) {
      if (Math.abs(word.length - lower.length) > 1) continue;
      if (editDistance(word, lower, 1) <= 1) {
        best = wordStem;
        break;
      }
    }
    this.corrected.set(lower, best ?? s);
    return best ?? s;
  }

  private readonly memo = new WeakMap<readonly QueryTerm[], Map<AgentProfile, number>>();

  /** `score(...).score`, remembered per query array (the whole statement is scored for every clause). */
  memoScore(query: readonly QueryTerm[], profile: AgentProfile): number {
    let byProfile = this.memo.get(query);
    if (byProfile === undefined) {
      byProfile = new Map();
      this.memo.set(query, byProfile);
    }
    const known = byProfile.get(profile);
    if (known !== undefined) return known;
    const value = this.score(query, profile).score;
    byProfile.set(profile, value);
    return value;
  }

  /** BM25 of the query against one agent, minus what its description rules out. */
  score(query: readonly QueryTerm[], profile: AgentProfile): Match {
    let score = 0;
    const matched: string[] = [];
    const penalized: string[] = [];
    const norm = K1 * (1 - B + (B * profile.length) / this.avgLength);
    const seen = new Map<string, number>();
    for (const term of query) {
      if (term.synonym === true && !profile.actions.has(term.stem)) {
        // "email it" asks for sending; an agent that says it sends nothing is the wrong one.
        if (profile.negative.has(term.stem) && !penalized.includes(term.stem)) {
          score -= term.weight * Math.max(1, this.idf(term.stem));
          penalized.push(term.stem);
        }
        continue;
      }
      let tf = profile.terms.get(term.stem) ?? 0;
      let factor = 1;
      if (tf === 0) {
        for (const variant of this.variants(term.stem)) tf = Math.max(tf, profile.terms.get(variant) ?? 0);
        factor = 0.8;
      }
      // A word repeated in the query counts with diminishing returns.
      const repeat = seen.get(term.stem) ?? 0;
      seen.set(term.stem, repeat + 1);
      const damp = 1 / (1 + repeat);
      if (tf > 0) {
        score += damp * factor * term.weight * this.idf(term.stem) * ((tf * (K1 + 1)) / (tf + norm));
        if (repeat === 0) matched.push(term.stem);
      } else if (profile.negative.has(term.stem) && repeat === 0) {
        score -= term.weight * Math.max(1, this.idf(term.stem)) * 1.5;
        penalized.push(term.stem);
      }
    }
    return { score, matched, penalized };
  }
}
