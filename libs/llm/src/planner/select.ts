import { type Agent } from '@dagwright/workflow';
import { type ClauseCues, cuesOf } from './cues.ts';
import { entitiesIn } from './bind.ts';
import { type Entity } from './entities.ts';
import { headOf } from './head.ts';
import { type Candidate, type ClauseContext, ownTerms, rankClause } from './matcher.ts';
import { type QueryTerm, type Ranker, profileAgent } from './ranker.ts';
import { REFERENCE, awaitedSteps, namedEarlier } from './refer.ts';
import { askingSentences, explain, gateFollows, imperativeHead, phrase, pickNew } from './pick.ts';
import { type Clause } from './segment.ts';
import { fieldAffinity, isBulk, isPlainContent, shapeOf } from './fields.ts';
import { ACTION_VERBS, META_VERBS } from './lexicon.ts';
import { STOPWORDS, stem, words } from './text.ts';

// Walks the clauses in order and decides, for each, which agent (if any) it asks for: a new step, a
// reference to a step already chosen, something the user rules out, or a need no agent meets.

/** Score a clause's best agent needs to become a step. */
const NEW_STEP = 6;
/** Score a noun-only clause ("for each new email") needs: it names a step less surely. */
const NOUN_STEP = 7;
/** How far a negation's best agent must lead the next one to undo an earlier ask for it. */
const CLEAR_NEGATION = 1.3;
/** Score at which a negated clause rules an agent out. */
const RULE_OUT = 4.5;
/** Below this best score, an action clause is reported as a missing capability. */
const MISSING = 3.5;
/** Score the words a clause's main agent left unexplained need to name a second agent. */
const SECONDARY = 6;

const PRONOUNS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'him', 'her']);
const INPUT_PHRASE =
  /\b(?:from|of|in|using|with|on)\s+((?:[\w'-]+\s+){1,4}?)(?:below|attached|pasted|underneath|enclosed|included)\b/gi;
const OBJECT_PRONOUN = /^\S+\s+(?:it|them|him|her|this|these|those)\b/i;
const REQUEST = /\b(?:tell|show|give|send|let) me\b|\blet me know\b|\bi (?:need|want|would like)\b/i;
/** A chosen step and why. */
export interface Step {
  agent: Agent;
  /** Clause that introduced the step. */
  clause: Clause;
  /** Character offset used to order steps by the statement. */
  position: number;
  score: number;
  reasons: string[];
  /** Clauses that mention this step after it was introduced. */
  mentions: Clause[];
  /** Added because other steps need it, not asked for by its own clause. */
  implied?: boolean;
}

/** How a clause was read. */
export interface ClauseReading {
  clause: Clause;
  cues: ClauseCues;
  /** Steps this clause introduced. */
  introduced: Step[];
  /** Earlier steps this clause refers back to. */
  references: Step[];
  /** Agents this clause rules out. */
  ruledOut: Agent[];
}

/** The outcome of selection. */
export interface Selection {
  steps: Step[];
  readings: ClauseReading[];
  ruledOut: Map<string, string>;
  missing: string[];
  /** Stems of nouns naming data the user supplies with the request. */
  inlineStems: Set<string>;
}

function nounStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w.lower) && !/^x+$/.test(w.lower))
    .map((w) => stem(w.lower));
}

/** Reads every clause and picks the steps the statement needs. */
export function selectSteps(
  ranker: Ranker,
  clauses: readonly Clause[],
  entities: readonly Entity[],
  global: readonly QueryTerm[],
): Selection {
  const steps: Step[] = [];
  const ruledOut = new Map<string, string>();
  // Where the last clause that ruled each agent out starts.
  const ruledAt = new Map<string, number>();
  const missing: string[] = [];
  const inlineStems = new Set<string>();
  const cued = clauses.map((clause) => ({ clause, cues: cuesOf(clause) }));
  const readings: ClauseReading[] = [];
  const chosen = new Map<string, Step>();
  let previous: Agent | undefined;
  const asking = askingSentences(cued);
  const addStep = (candidate: Candidate, clause: Clause, reading: ClauseReading, why: string): Step => {
    const step: Step = {
      agent: candidate.agent,
      clause,
      position: clause.start,
      score: candidate.score,
      reasons: [why],
      mentions: [],
    };
    steps.push(step);
    chosen.set(candidate.agent.id, step);
    reading.introduced.push(step);
    return step;
  };

  for (const [at, { clause, cues }] of cued.entries()) {
    const reading: ClauseReading = { clause, cues, introduced: [], references: [], ruledOut: [] };
    readings.push(reading);
    const head = headOf(clause.masked);
    if (cues.inline && (head === undefined || META_VERBS.has(head.stems[0] ?? ''))) {
      for (const s of nounStems(clause.masked)) inlineStems.add(s);
      continue;
    }
    if ((clause.heading && !imperativeHead(clause, head)) || cues.meta || (cues.approval && !cues.before))
      continue;
    if (cues.inline) for (const s of nounStems(clause.masked)) inlineStems.add(s);

    const own = ownTerms(ranker, clause, entities);
    const pronoun = words(clause.masked).some((w) => PRONOUNS.has(w.lower));
    // "book it", "look him up": a pronoun right after the verb stands for what the clauses before named.
    const objectPronoun = head !== undefined && OBJECT_PRONOUN.test(clause.masked.slice(head.at));
    const before = readings.filter((r) => r !== reading && r.clause.sentence >= clause.sentence - 2);
    const unconsumed = before.filter((r) => r.introduced.length === 0 && r.references.length === 0).slice(-3);
    const lastOne = objectPronoun ? before.slice(-1) : [];
    // "Look it up" says nothing but the verb: what "it" stands for decides as much as the verb does.
    const bare = head !== undefined && own.every((t) => t.at === clause.start + head.at);
    const antecedent =
      (pronoun && own.length <= 2) || objectPronoun
        ? [...new Set([...unconsumed, ...lastOne])].flatMap((r) =>
            ranker
              .queryTerms(r.clause.masked, r.clause.start)
              .map((t) => ({ ...t, weight: objectPronoun && bare ? 2 : 1 })),
          )
        : [];
    const context: ClauseContext = { previous, inlineStems, global, entities, antecedent };
    const ranked = rankClause(ranker, clause, context);
    const best = ranked[0];
    if (best === undefined) continue;

    // 1. "Don't roll anything back": the agents it names are ruled out, unless a gate follows. A
    // statement of fact ("the order never arrived") negates nothing the user asks for.
    const imperative =
      head !== undefined ||
      /^\s*(?:(?:and|but|so|also|just)\s+)*(?:no|not|nothing|none|never|skip|avoid|without|don't|do not|please don't|leave)\b/i.test(
        clause.masked,
      );
    if (cues.negated && imperative && !gateFollows(cued, at)) {
      for (const candidate of ranked) {
        if (candidate.score < Math.max(RULE_OUT, 0.9 * best.score)) break;
        if (!ruledOut.has(candidate.agent.id))
          ruledOut.set(candidate.agent.id, `the statement rules it out: "${clause.text}"`);
        // Only an agent the negation names clearly overrides an earlier ask for it.
        const runnerUp = ranked[1]?.score ?? 0;
        if (candidate === best && best.score >= CLEAR_NEGATION * runnerUp)
          ruledAt.set(candidate.agent.id, clause.start);
        reading.ruledOut.push(candidate.agent);
      }
      continue;
    }

    // 2. "Once the HRIS record exists", "if it matches": a reference to a chosen step, if one fits.
    if (cues.subordinate || cues.approval) {
      const awaited = cues.approval ? [] : awaitedSteps(ranker, clause, ranked, chosen, steps, context, own);
      if (awaited.length > 0) {
        for (const step of awaited) step.mentions.push(clause);
        reading.references.push(...awaited);
        continue;
      }
      if (cues.approval) continue;
    }

    // 3. A new step when the best agent is clear enough; a mention when it is already chosen. A verb
    //    no offered agent knows ("fax the blurb") is a missing capability, whatever its object matches.
    if (!asking.has(clause.sentence) && !cues.before) continue;
    // "before it is made", "once that's done": nothing but a pointer and a verb refers back to a step
    // already planned; it never asks for a capability of its own.
    const refersBack =
      pronoun && steps.length > 0 && own.every((t) => head === undefined || t.at === clause.start + head.at);
    if (head?.unknown === true && !ranked.some((c) => c.bonuses.some((b) => b.startsWith('verb')))) {
      const spelled = ranker.queryTerms(clause.masked.slice(head.at).split(/\s+/)[0] ?? '')[0]?.stem;
      if (
        !refersBack &&
        !head.stems.some((s) => ranker.known(s)) &&
        (spelled === undefined || !ranker.known(spelled))
      ) {
        missing.push(phrase(clause, clause.start + head.at));
        continue;
      }
    }
    // "lot L-7781", "lat 41.6": a value with the word that labels it asks for nothing.
    if (head === undefined && own.length <= 1 && entitiesIn(entities, clause.start, clause.end).length > 0)
      continue;
    const threshold = head === undefined && !REQUEST.test(clause.masked) ? NOUN_STEP : NEW_STEP;
    // "As soon as the camera uploads the photos", "once the forecast is in": an event clause can only
    // name where data comes from, never a step that works on it (the main clause names that one).
    const event = cues.subordinate && !cues.conditional && head === undefined;
    const pick = pickNew(event ? ranked.filter((c) => shapeOf(c.agent).source) : ranked, chosen, threshold);
    let main: Candidate;
    if (pick === undefined) {
      const ref = ranked.find((c) => chosen.has(c.agent.id));
      // "Before anything changes on the store": a before-clause names a chosen step more loosely.
      const loose = cues.before && ref !== undefined && ref.score >= REFERENCE;
      if (ref === undefined || (ref.score < NEW_STEP && !loose)) {
        if (head !== undefined && !META_VERBS.has(head.stems[0] ?? '') && best.score < MISSING && !refersBack)
          missing.push(phrase(clause, clause.start + head.at));
        continue;
      }
      const step = chosen.get(ref.agent.id);
      if (step === undefined) continue;
      step.mentions.push(clause);
      reading.references.push(step);
      previous = step.agent;
      main = ref;
    } else {
      const step = addStep(pick, clause, reading, explain(pick, clause));
      // "Translate the narrative after parsing the form": a trailing after-clause's step runs first.
      const prior = readings.at(-2);
      if (
        cues.subordinate &&
        !cues.conditional &&
        /\b(?:after|once|following)\b/.test(clause.connector) &&
        prior?.clause.sentence === clause.sentence &&
        prior.introduced.length > 0
      )
        step.position = Math.min(...prior.introduced.map((s) => s.position)) - 0.1;
      previous = pick.agent;
      main = pick;
    }
    const pickAgent = main.agent;

    // 4. Another agent the clause also names ("pull the logs and the recent deploys", "a reply in the
    // customer's language based on help-center articles"): either the words the main agent left
    // unexplained point at it, or words it is named for that the main agent is not.
    // Words describing the pasted input ("from the lesson notes below") name no second step.
    const described = new Set(
      [...clause.masked.matchAll(INPUT_PHRASE)].flatMap((m) => words(m[1] ?? '').map((w) => stem(w.lower))),
    );
    let rest = own.filter((t) => !main.matched.includes(t.stem) && !described.has(t.stem));
    // The branch a "separately"/"meanwhile" clause is set apart from: the sentence of the latest step before it.
    const latestBranch = Math.max(
      -1,
      ...steps.filter((s) => s.clause.start < clause.start).map((s) => s.clause.sentence),
    );
    const mainProfile = ranker.profiles.find((p) => p.agent.id === pickAgent.id);
    const seconds: Candidate[] = [];
    const others = ranked
      .filter((c) => c.agent.id !== pickAgent.id)
      .slice(0, 8)
      .map((c) => ({ candidate: c, profile: profileAgent(c.agent) }))
      .map((x) => ({ ...x, residual: rest.length === 0 ? 0 : ranker.score(rest, x.profile).score }))
      .sort((a, b) => b.residual - a.residual);
    for (const { candidate, profile } of others) {
      // Words already explained by an agent taken from this clause are not evidence for another.
      const residual = rest.length === 0 ? undefined : ranker.score(rest, profile);
      const unique = new Set(
        own
          .filter(
            (t) =>
              t.weight >= 1 &&
              !ACTION_VERBS.has(t.stem) &&
              profile.actions.has(t.stem) &&
              !(mainProfile?.actions.has(t.stem) ?? false),
          )
          .map((t) => t.stem),
      );
      const uniqueWeight = [...unique].reduce((sum, term) => sum + ranker.idf(term), 0);
      const named = candidate.score >= Math.max(NEW_STEP, 0.5 * main.score) && uniqueWeight >= 3;
      const known = chosen.has(candidate.agent.id);
      // An earlier step is referred to by what it is called, not by a word of its description.
      const titled =
        residual !== undefined &&
        residual.matched.some((m) => profile.actions.has(m) && !(mainProfile?.actions.has(m) ?? false));
      const apart =
        cues.parallel && known && (chosen.get(candidate.agent.id)?.clause.sentence ?? -1) >= latestBranch;
      const enough =
        residual !== undefined &&
        (known ? residual.score >= REFERENCE && titled && !apart : residual.score >= SECONDARY);
      if (enough || (named && !apart)) {
        seconds.push(candidate);
        const used = new Set(residual?.matched ?? []);
        rest = rest.filter((t) => !used.has(t.stem));
      }
      if (seconds.length === 2) break;
    }
    for (const named of namedEarlier(ranker, clause, own, pickAgent, chosen, {
      original: cues.original,
      before: cues.parallel ? latestBranch : undefined,
    })) {
      if (reading.references.includes(named)) continue;
      reading.references.push(named);
      named.mentions.push(clause);
    }
    for (const candidate of seconds) {
      const existing = chosen.get(candidate.agent.id);
      if (existing !== undefined) {
        if (!reading.references.includes(existing)) reading.references.push(existing);
        existing.mentions.push(clause);
        continue;
      }
      if (ruledOut.has(candidate.agent.id)) continue;
      const added = addStep(
        candidate,
        clause,
        reading,
        `${explain(candidate, clause)} (alongside ${pickAgent.id})`,
      );
      // A step named alongside the main one that feeds it runs before it ("a reply based on help-center articles").
      const mainInputs = shapeOf(pickAgent).inputs;
      const feedsMain = shapeOf(candidate.agent).outputs.some((o) =>
        mainInputs.some(
          (f) =>
            fieldAffinity(o, f) >= (f.entityLike ? 0.7 : 0.5) ||
            (f.required && isPlainContent(f) && isBulk(o)),
        ),
      );
      const fedByMain = shapeOf(pickAgent).outputs.some((o) =>
        shapeOf(candidate.agent).inputs.some((f) => f.required && fieldAffinity(o, f) >= 0.95),
      );
      if (feedsMain && !fedByMain) {
        const main = chosen.get(pickAgent.id);
        added.position = Math.min(added.position, (main?.position ?? added.position) - 0.1);
      }
    }
  }

  // An agent ruled out after it was asked for ("write a reply ... Either way, don't reply") goes: the
  // later word is the user's last. One asked for after it was ruled out stays (the more specific ask).
  const dropped = new Set(steps.filter((s) => (ruledAt.get(s.agent.id) ?? -1) > s.clause.start));
  const kept = dropped.size === steps.length ? steps : steps.filter((s) => !dropped.has(s));
  for (const reading of readings) {
    reading.introduced = reading.introduced.filter((s) => kept.includes(s));
    reading.references = reading.references.filter((s) => kept.includes(s));
  }
  for (const step of kept) ruledOut.delete(step.agent.id);
  return { steps: kept, readings, ruledOut, missing, inlineStems };
}
