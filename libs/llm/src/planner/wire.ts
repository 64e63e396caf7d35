import { entityFit, entitiesIn } from './bind.ts';
import { type Entity } from './entities.ts';
import { type FieldInfo, fieldAffinity, isBulk, shapeOf, typesCompatible } from './fields.ts';
import { type Ranker } from './ranker.ts';
import { type ClauseReading, type Step } from './select.ts';
import { colonLead, orderByData, phaseOf, sequencePredecessors } from './sequence.ts';
import { STOPWORDS, stem, words } from './text.ts';

// Decides which step feeds which. Data decides first: a step takes its inputs from the earlier step
// whose output fits best, preferring the most recent one, the one its clause names, or the first one
// when it asks for the "original". Words decide the rest: "then", "once X is done" and "if it matches"
// put a step after others even when no data passes; "separately" and "meanwhile" keep it off the
// branch before it. Steps with no path between them run in parallel.

/** Where one input of a step comes from. */
export interface Binding {
  field: FieldInfo;
  /** The step whose output provides it. */
  from?: Step;
  /** The output field of `from`; undefined with `whole` when the whole output is meant. */
  source?: FieldInfo;
  whole?: boolean;
  /** A value from the statement. */
  entity?: Entity;
}

/** A dependency between two steps and what it carries. */
export interface Link {
  from: Step;
  to: Step;
  why: string[];
  bindings: Binding[];
}

/** The dependencies of a plan. */
export interface Wiring {
  /** Steps in an order every link respects. */
  order: Step[];
  links: Link[];
  /** Inputs each step takes from the statement or from nowhere known. */
  inputs: Map<Step, Binding[]>;
}

const PROVIDER = 0.5;
const POINTERS = new Set(['it', 'them', 'this', 'these', 'those', 'whatever']);
/** A definite mention of what an earlier step produced ("post the numbers", "with the results"). */
const RESULT_MENTION =
  /\b(?:the|those|these)\s+(?:results?|outputs?|numbers|findings|figures|outcome|answer|details|status|verdict)\b/i;
const OBJECT_AFTER_VERB = /^(?:(?:and|then|also|just|please)\s+)*[\w-]+\s+(?:it|them)\b/i;
const LEAD_IN = /^\s*(?:from|using|with|based on|on|out of)\b/i;
const BOTH =
  /\b(?:both|all (?:of )?(?:these|those|the|them|it)|each of (?:these|those|them)|those (?:two|three|results)|everything)\b/i;
/** Field words too common to say which step a value comes from. */
const GENERIC = new Set(
  [
    'text',
    'data',
    'content',
    'body',
    'result',
    'output',
    'value',
    'item',
    'record',
    'status',
    'type',
    'mode',
    'count',
    'id',
    'name',
    'format',
    'message',
    'success',
    'total',
  ].map(stem),
);

function stemsOf(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOPWORDS.has(w.lower))
      .map((w) => stem(w.lower)),
  );
}

/** The reading of the clause that introduced a step. */
function introOf(step: Step, readings: readonly ClauseReading[]): ClauseReading | undefined {
  return readings.find((r) => r.clause === step.clause);
}

/** Wires the chosen steps into a DAG. */
export function wire(
  ranker: Ranker,
  steps: readonly Step[],
  readings: readonly ClauseReading[],
  entities: readonly Entity[],
  inlineStems: ReadonlySet<string>,
  approved: ReadonlyMap<Step, readonly Step[]> = new Map(),
): Wiring {
  const order = orderByData([...steps]);
  const index = new Map(order.map((s, i) => [s, i]));
  const links = new Map<string, Link>();
  const inputs = new Map<Step, Binding[]>();
  const link = (from: Step, to: Step, why: string, binding?: Binding): void => {
    if (from === to || (index.get(from) ?? 0) >= (index.get(to) ?? 0)) return;
    const key = `${from.agent.id}>${to.agent.id}`;
    const existing = links.get(key) ?? { from, to, why: [], bindings: [] };
    if (!existing.why.includes(why)) existing.why.push(why);
    if (binding !== undefined) existing.bindings.push(binding);
    links.set(key, existing);
  };
  const phases = phaseOf(readings);
  const clauseOrder = readings.map((r) => r.clause);

  for (const [i, step] of order.entries()) {
    const intro = step.implied === true ? undefined : introOf(step, readings);
    const cues = intro?.cues;
    const earlier = order.slice(0, i);
    // Words of the step's clauses that are not its own name say which earlier result it works on.
    const ownWords = ranker.profiles.find((p) => p.agent.id === step.agent.id)?.actions ?? new Set<string>();
    // A step added for what others need has no clause of its own to read.
    const own = step.implied === true ? [] : [step.clause, ...step.mentions];
    const said = new Set([...stemsOf(own.map((c) => c.masked).join(' '))].filter((x) => !ownWords.has(x)));
    const pointsBack =
      step.implied !== true &&
      (words(step.clause.masked).some((w) => POINTERS.has(w.lower)) ||
        RESULT_MENTION.test(step.clause.masked));
    const clauseEntities =
      step.implied === true ? [] : entitiesIn(entities, step.clause.start, step.clause.end);
    const referenced = new Set(intro?.references ?? []);
    // "When the themes are ready, build the agenda around them": what the leading clause waits for is
    // what the step works on.
    const before = intro === undefined ? undefined : readings[readings.indexOf(intro) - 1];
    const lead =
      before !== undefined && before.clause.sentence === intro?.clause.sentence
        ? before
        : intro === undefined
          ? undefined
          : colonLead(readings, readings.indexOf(intro));
    if (lead?.cues.subordinate === true && !lead.cues.approval && !lead.cues.conditional)
      for (const r of lead.references) referenced.add(r);
    // "From the redacted text, write a summary and classify it": the lead-in names the material of
    // every clause of its sentence joined by "and", not only the first.
    if (intro !== undefined && !cues?.sequence) {
      const opener = readings.find((r) => r.clause.sentence === intro.clause.sentence);
      if (opener !== undefined && opener !== intro && LEAD_IN.test(opener.clause.masked))
        for (const r of opener.references) referenced.add(r);
    }
    // A clause that repeats a value given to an earlier step works on that step's result
    // ("email the English summary" after "translate it into English").
    for (const source of earlier) {
      const theirs = entitiesIn(entities, source.clause.start, source.clause.end).filter((e) =>
        shapeOf(source.agent).inputs.some((f) => entityFit(f, e) >= 0.8),
      );
      const shared = theirs.some((e) =>
        clauseEntities.some(
          (mine) => mine !== e && String(mine.value).toLowerCase() === String(e.value).toLowerCase(),
        ),
      );
      if (shared && shapeOf(source.agent).contentOutputs.length > 0) referenced.add(source);
    }
    // Steps on the branch just before a "separately"/"meanwhile" clause are not its sources: the
    // previous sentence's for a sentence that opens so, the same sentence's for "X and, meanwhile, Y".
    const at = intro === undefined ? -1 : clauseOrder.indexOf(intro.clause);
    const opensSentence = at <= 0 || readings[at - 1]?.clause.sentence !== intro?.clause.sentence;
    const siblings = new Set<Step>();
    if (cues?.parallel === true && intro !== undefined) {
      for (let k = at - 1; k >= 0; k--) {
        const r = readings[k];
        if (r === undefined || r.clause.sentence < intro.clause.sentence - (opensSentence ? 1 : 0)) break;
        for (const s of r.introduced) siblings.add(s);
        if (r.cues.parallel) break;
      }
    }

    type Choice = { source: Step; output: FieldInfo | undefined; whole: boolean; score: number };
    // Distance back along the current branch: a "separately" clause does not count the branch before it.
    const branch = earlier.filter((s) => !siblings.has(s));
    const previousIndex = (source: Step): number =>
      branch.includes(source)
        ? branch.length - 1 - branch.indexOf(source)
        : earlier.length - 1 - earlier.indexOf(source);
    const recency = (source: Step): number => 0.6 * Math.max(0, 1 - 0.3 * previousIndex(source));
    // What "it" / "the results" stands for: the latest step the clause names, else the step before.
    const antecedent =
      [...referenced].filter((s) => earlier.includes(s)).sort((a, b) => b.position - a.position)[0] ??
      branch.at(-1);
    // Content (text, records, a document) comes down the chain: the latest producer, the one the clause
    // names, or the first one when it asks for the original.
    const bestForContent = (field: FieldInfo): Choice | undefined => {
      const plainContent = isBulk(field) && field.stems.every((x) => GENERIC.has(x));
      if (cues?.original === true && inlineStems.size > 0 && field.required) return undefined;
      // "Summarize the transcript (pasted below)": the content is in the run input.
      if (
        cues?.inline === true &&
        field.required &&
        field.stems.some((x) => said.has(x) || inlineStems.has(x))
      )
        return undefined;
      // "the raw result rows": the first step whose output is that kind of thing.
      const first =
        earlier.find((s) => shapeOf(s.agent).outputs.some((o) => fieldAffinity(o, field) >= 0.6)) ??
        earlier.find((s) => shapeOf(s.agent).contentOutputs.length > 0);
      const latestContent = [...branch].reverse().find((s) => shapeOf(s.agent).contentOutputs.length > 0);
      const choices: Choice[] = [];
      for (const source of earlier) {
        const shape = shapeOf(source.agent);
        // "email the customer where it is", "text them whatever it says": a message is made of
        // whatever the step pointed at returns, even a status or a label.
        const told = plainContent && pointsBack && source === antecedent;
        let best: { output: FieldInfo | undefined; affinity: number; whole: boolean } = {
          output: undefined,
          affinity: 0,
          whole: false,
        };
        let bestFit = -1;
        for (const output of shape.outputs) {
          let affinity = fieldAffinity(output, field);
          // Any body of content can feed a step that works on content ("post the findings"); for a
          // plain "text" or "body" input, which one is decided by the chain, not by field names.
          if (isBulk(output) && isBulk(field) && affinity < 0.2) affinity = 0.2;
          if (plainContent && affinity < 0.95 && isBulk(output)) affinity = 0.45;
          if (told && affinity < 0.3) affinity = 0.3;
          const fit = affinity - (typesCompatible(output, field) ? 0 : 0.3);
          if (fit > bestFit) {
            bestFit = fit;
            best = { output, affinity, whole: false };
          }
        }
        if (field.type === 'object' && best.affinity < 0.6) {
          const profile = ranker.profiles.find((p) => p.agent.id === source.agent.id);
          if (profile !== undefined && field.stems.some((s) => profile.actions.has(s)))
            best = { output: undefined, affinity: 0.7, whole: true };
        }
        if (
          best.affinity < 0.2 ||
          (best.output !== undefined && best.output.entityLike && best.affinity < 0.6 && !told)
        )
          continue;
        if (!field.required && best.affinity < 0.95) continue;
        let score = best.affinity;
        if (cues?.original === true) score += source === first ? 0.8 : 0;
        else {
          score += recency(source);
          // "proofread it", "score them": the pronoun is the latest result.
          if (pointsBack && source === latestContent) score += 0.6;
        }
        if (referenced.has(source)) score += 0.5;
        if (approved.get(step)?.includes(source) === true) score += 0.3;
        // A value that must be converted (a list into a message) is a weaker feed than one that fits.
        if (best.output !== undefined && !typesCompatible(best.output, field)) score -= 0.3;
        const distinctive = (best.output?.stems ?? []).filter((x) => !GENERIC.has(x));
        const named = distinctive.some((x) => said.has(x));
        if (named) score += 0.5;
        // "In parallel" is the statement's word: a sibling feeds only what the clause names ("from the
        // summary", "the original message") or what is named exactly like its output.
        if (siblings.has(source) && best.affinity < 0.95) {
          if (!named && !(cues?.original === true && source === first)) continue;
          score -= 0.6;
        }
        choices.push({ source, output: best.output, whole: best.whole, score });
      }
      choices.sort((a, b) => b.score - a.score);
      const top = choices[0];
      if (top === undefined || top.score < PROVIDER) return undefined;
      if (!field.required && siblings.has(top.source) && !field.stems.some((x) => said.has(x)))
        return undefined;
      return top;
    };
    // Parameters (ids, addresses, dates) come by name from a step that produced them, unless the
    // clause gives the value itself.
    const bestForParameter = (field: FieldInfo, entity: Entity | undefined): Choice | undefined => {
      const choices: Choice[] = [];
      for (const source of earlier) {
        for (const output of shapeOf(source.agent).outputs) {
          const affinity = fieldAffinity(output, field);
          const exact = affinity >= 0.95;
          if (entity !== undefined && !exact) continue;
          if (affinity < 0.6) continue;
          const generic = field.stems.every((x) => GENERIC.has(x));
          if (generic && !referenced.has(source) && previousIndex(source) > 0) continue;
          if (!field.required && !exact) continue;
          // "In parallel" is the statement's word: a sibling passes only a value named exactly alike.
          if (siblings.has(source) && !exact) continue;
          const score = affinity + recency(source) + (referenced.has(source) ? 0.5 : 0);
          choices.push({ source, output, whole: false, score });
        }
      }
      choices.sort((a, b) => b.score - a.score);
      const top = choices[0];
      if (top === undefined || top.score < PROVIDER) return undefined;
      if (entity !== undefined && !referenced.has(top.source)) return undefined;
      return top;
    };

    // 1. Data: each input from the best earlier step, or from a value in the statement.
    const bindings: Binding[] = [];
    for (const field of shapeOf(step.agent).inputs) {
      const entity = clauseEntities.find((e) => entityFit(field, e) >= 0.8);
      const chosen =
        field.entityLike || entity !== undefined ? bestForParameter(field, entity) : bestForContent(field);
      if (chosen !== undefined) {
        const binding: Binding = {
          field,
          from: chosen.source,
          ...(chosen.output === undefined ? {} : { source: chosen.output }),
          whole: chosen.whole,
        };
        link(chosen.source, step, `"${field.name}" from ${chosen.source.agent.id}`, binding);
        continue;
      }
      if (entity !== undefined) bindings.push({ field, entity });
      else if (field.required) {
        const anywhere = entities.find((e) => entityFit(field, e) >= 0.9);
        bindings.push(anywhere === undefined ? { field } : { field, entity: anywhere });
      }
    }
    inputs.set(step, bindings);

    // 2. Steps the clause names as its material ("email the summary together with the risk findings"),
    //    or whose value it repeats ("email the English summary" after "translate it into English").
    for (const ref of referenced) link(ref, step, `its clause refers to ${ref.agent.id}`);

    // "email both results", "from those two results": everything so far that nothing consumed yet.
    const leadIn = intro === undefined ? undefined : readings[readings.indexOf(intro) - 1];
    // ("those two can happen in parallel" counts steps to set apart, not results to take.)
    const both =
      intro !== undefined &&
      cues?.parallel !== true &&
      (BOTH.test(intro.clause.masked) ||
        (leadIn !== undefined &&
          leadIn.clause.sentence === intro.clause.sentence &&
          leadIn.cues.subordinate &&
          BOTH.test(leadIn.clause.masked)));
    if (both) {
      const consumed = new Set([...links.values()].map((l) => l.from));
      for (const source of earlier) {
        if (!consumed.has(source) && shapeOf(source.agent).contentOutputs.length > 0)
          link(source, step, 'its clause takes every open result');
      }
    }

    // 3. Order words: "then", "once X is done", "if it matches", "after both are done".
    // "If a defect is found, open an NCR and, at the same time, pull the sensor data": a clause set
    // beside another of its sentence shares what that one waits for.
    if (intro !== undefined && cues !== undefined && (!cues.parallel || !opensSentence)) {
      const preds = sequencePredecessors(intro, readings, phases, order).filter((p) => !siblings.has(p));
      // "Afterwards, work out the review themes": a step already fed from the phase before needs no more.
      const fed = [...links.values()].filter((l) => l.to === step).map((l) => l.from);
      const subordinateRefs =
        preds.length > 0 &&
        preds.every(
          (p) =>
            intro.references.includes(p) ||
            readings.some((r) => r.references.includes(p) && r.cues.subordinate),
        );
      if (subordinateRefs || !preds.some((p) => fed.includes(p)))
        for (const before of preds) link(before, step, 'the statement orders it after');
    }
    // "book it", "send it": the pronoun is the result of the step just before on this branch.
    if (intro !== undefined && OBJECT_AFTER_VERB.test(step.clause.masked) && step.implied !== true) {
      const latest = referenced.size > 0 ? antecedent : [...earlier].reverse().find((s) => !siblings.has(s));
      const fed = [...links.values()].some((l) => l.to === step && l.from === latest);
      if (latest !== undefined && !fed && latest.clause.sentence >= step.clause.sentence - 1)
        link(latest, step, 'its pronoun is the step before');
    }
  }
  return { order, links: [...links.values()], inputs };
}
