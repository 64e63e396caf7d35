import { type Agent } from '@dagwright/workflow';
import { entityFit, entitiesIn } from './bind.ts';
import { type Entity } from './entities.ts';
import { type FieldInfo, fieldAffinity, shapeOf } from './fields.ts';
import { type Ranker, type QueryTerm } from './ranker.ts';
import { type Selection, type Step } from './select.ts';
import { STOPWORDS, stem, words } from './text.ts';

// Adds steps the statement implies without asking for them: where the data comes from ("when a new
// email comes into support@acme.io" needs the inbox read) and what a step is explicitly fed ("a
// reply in the customer's language" needs the language detected). Each addition must be fed itself:
// by a value in the statement or by a step already chosen.

/** A source is added only when the statement mentions it at least this much. */
const SOURCE_MENTION = 2;
/** How well an added step's output must stand for the missing input. */
const SOURCE_AFFINITY = 0.45;

function stemsOf(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOPWORDS.has(w.lower))
      .map((w) => stem(w.lower)),
  );
}

/** Entities no chosen step takes from its own clause: values still looking for a step. */
function unclaimed(entities: readonly Entity[], steps: readonly Step[]): Entity[] {
  return entities.filter((entity) => {
    const owner = steps.find((s) => entity.start >= s.clause.start && entity.end <= s.clause.end);
    if (owner === undefined) return true;
    return !shapeOf(owner.agent).inputs.some((f) => entityFit(f, entity) >= 0.8);
  });
}

function fillable(agent: Agent, entities: readonly Entity[], providers: readonly Agent[]): boolean {
  return shapeOf(agent)
    .inputs.filter((f) => f.required)
    .every(
      (f) =>
        entities.some((e) => entityFit(f, e) >= 0.8) ||
        providers.some((p) => shapeOf(p).outputs.some((o) => fieldAffinity(o, f) >= 0.5)),
    );
}

function provided(field: FieldInfo, by: readonly Agent[], threshold: number): boolean {
  return by.some((agent) => shapeOf(agent).outputs.some((o) => fieldAffinity(o, field) >= threshold));
}

/** Completes a selection with the sources and providers the chosen steps need; returns the added steps. */
export function completeSteps(
  ranker: Ranker,
  selection: Selection,
  entities: readonly Entity[],
  global: readonly QueryTerm[],
  statementInline: boolean,
): Step[] {
  const added: Step[] = [];
  const steps = selection.steps;
  const offered = ranker.profiles.map((p) => p.agent);
  const usable = (agent: Agent): boolean =>
    !steps.some((s) => s.agent.id === agent.id) && !selection.ruledOut.has(agent.id);
  const mention = new Map(ranker.profiles.map((p) => [p.agent.id, ranker.score(global, p).score]));
  const firstConsumer = [...steps]
    .sort((a, b) => a.position - b.position)
    .find((s) => shapeOf(s.agent).contentInputs.length > 0);

  const add = (agent: Agent, before: Step, why: string, source: boolean): void => {
    // A source goes before every step of the consumer's sentence: they may all read from it.
    const sentenceStart = Math.min(
      before.position,
      ...steps.filter((s) => s.clause.sentence === before.clause.sentence).map((s) => s.position),
    );
    const step: Step = {
      agent,
      clause: before.clause,
      position: source ? sentenceStart - 0.5 : before.position - 0.05,
      score: mention.get(agent.id) ?? 0,
      reasons: [why],
      mentions: [],
      implied: true,
    };
    steps.push(step);
    added.push(step);
  };

  // 1. Where content comes from: a step that needs text or records nobody provides gets a source the
  //    statement points at with a value (a mailbox, a file URL, an alert id).
  for (const step of [...steps].sort((a, b) => a.position - b.position)) {
    // Senders and writers take whatever they are given; only steps that work on content need a source.
    if (shapeOf(step.agent).sink) continue;
    const pastedHere = selection.readings.some((r) => r.clause === step.clause && r.cues.inline);
    for (const field of shapeOf(step.agent).contentInputs) {
      const others = steps.filter((s) => s !== step && s.position < step.position).map((s) => s.agent);
      if (provided(field, others, SOURCE_AFFINITY)) continue;
      const generic = field.stems.every((s) =>
        ['text', 'content', 'bodi', 'messag', 'input', 'data'].includes(s),
      );
      if (pastedHere || field.stems.some((s) => selection.inlineStems.has(s))) continue;
      if (statementInline && generic && step === firstConsumer) continue;
      const free = unclaimed(entities, steps);
      const candidates = offered
        .filter((agent) => usable(agent) && shapeOf(agent).source)
        .map((agent) => {
          const affinity = Math.max(0, ...shapeOf(agent).outputs.map((o) => fieldAffinity(o, field)));
          return { agent, affinity, mentioned: mention.get(agent.id) ?? 0 };
        })
        .filter((c) => {
          const evident = c.mentioned >= SOURCE_MENTION || c.affinity >= 0.9;
          return c.affinity >= SOURCE_AFFINITY && evident && fillable(c.agent, free, []);
        })
        .sort((a, b) => b.affinity + 0.1 * b.mentioned - (a.affinity + 0.1 * a.mentioned));
      const best = candidates[0];
      if (best !== undefined)
        add(
          best.agent,
          step,
          `provides "${field.name}" for ${step.agent.id}, from a value in the statement`,
          true,
        );
    }
  }

  // 2. What a step is explicitly fed: an input the statement names ("in the customer's language")
  //    that a chosen step does not produce and the statement does not give.
  for (const step of [...steps].sort((a, b) => a.position - b.position)) {
    const text = [step.clause, ...step.mentions].map((c) => c.masked).join(' ');
    const said = stemsOf(text);
    const inClauses = [step.clause, ...step.mentions].flatMap((c) => entitiesIn(entities, c.start, c.end));
    for (const field of shapeOf(step.agent).inputs) {
      if (field.stems.length === 0 || !field.stems.every((s) => said.has(s))) continue;
      if (field.stems.every((s) => selection.inlineStems.has(s))) continue;
      if (inClauses.some((e) => entityFit(field, e) >= 0.8)) continue;
      const others = steps.filter((s) => s !== step).map((s) => s.agent);
      if (provided(field, others, 0.9)) continue;
      const earlier = steps.filter((s) => s !== step && s.position < step.position).map((s) => s.agent);
      const provider = offered.find(
        (agent) =>
          usable(agent) &&
          shapeOf(agent).outputs.some((o) => o.name === field.name) &&
          fillable(agent, entities, earlier),
      );
      if (provider !== undefined)
        add(
          provider,
          step,
          `provides "${field.name}", which the statement asks ${step.agent.id} to use`,
          false,
        );
    }
  }
  return added;
}
