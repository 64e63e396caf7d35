import { shapeOf } from './fields.ts';
import { type ClauseReading, type Step } from './select.ts';

// The order a statement's words put steps in, beyond what data decides: "then", "once X is done",
// "after both are back:", "... only after the booking is confirmed", and the order data forces on
// steps named out of turn ("get the rows (you'll need to write the SQL)").

/** Puts a step that provides an earlier step's required input before it ("... (you'll need to write the SQL)"). */
export function orderByData(steps: Step[]): Step[] {
  const order = [...steps].sort((a, b) => a.position - b.position);
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (let i = 0; i < order.length; i++) {
      const consumer = order[i];
      if (consumer === undefined) break;
      for (const field of shapeOf(consumer.agent).inputs.filter((f) => f.required && !f.entityLike)) {
        const earlier = order
          .slice(0, i)
          .some((s) => shapeOf(s.agent).outputs.some((o) => o.name === field.name));
        if (earlier) continue;
        // Only an aside of the same sentence is moved ("get the rows (you'll need to write the SQL)").
        const later = order
          .slice(i + 1)
          .find(
            (s) =>
              s.clause.sentence === consumer.clause.sentence &&
              shapeOf(s.agent).outputs.some((o) => o.name === field.name),
          );
        if (later === undefined) continue;
        const needsConsumer = shapeOf(later.agent).inputs.some(
          (f) => f.required && shapeOf(consumer.agent).outputs.some((o) => o.name === f.name),
        );
        if (needsConsumer) continue;
        order.splice(order.indexOf(later), 1);
        order.splice(i, 0, later);
        later.position = consumer.position - 0.25;
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }
  return order;
}

/**
 * The clause that ends the sentence a colon opens onto, when the reading's sentence follows it
 * directly or through semicolons ("once both are back: post ...; wipe ...").
 */
export function colonLead(readings: readonly ClauseReading[], at: number): ClauseReading | undefined {
  const sentence = readings[at]?.clause.sentence;
  if (sentence === undefined) return undefined;
  for (let s = sentence - 1; s >= 0; s--) {
    const last = readings.filter((r) => r.clause.sentence === s).at(-1);
    if (last === undefined || last.clause.stop === ':') return last;
    if (last.clause.stop !== ';') return undefined;
  }
  return undefined;
}

/** Phase of each clause: it grows at every clause that starts with an order word. */
export function phaseOf(readings: readonly ClauseReading[]): number[] {
  const phases: number[] = [];
  let phase = 0;
  for (const [k, r] of readings.entries()) {
    // "Separately, ..." opens a branch; "and grade them at the same time" stays in its phase.
    const opensSentence = readings[k - 1]?.clause.sentence !== r.clause.sentence;
    if (r.cues.sequence || r.cues.conditional || (r.cues.parallel && opensSentence)) phase++;
    phases.push(phase);
  }
  return phases;
}

/** The steps an order word puts before a clause's steps. */
export function sequencePredecessors(
  intro: ClauseReading,
  readings: readonly ClauseReading[],
  phases: readonly number[],
  order: readonly Step[],
): Step[] {
  const at = readings.indexOf(intro);
  const phase = phases[at] ?? 0;
  // A trailing "... only after the booking is confirmed" names what the clause before it waits for.
  const next = readings[at + 1];
  if (
    next !== undefined &&
    next.clause.sentence === intro.clause.sentence &&
    next.cues.subordinate &&
    !next.cues.conditional &&
    !next.cues.approval &&
    next.introduced.length === 0 &&
    next.references.length > 0
  )
    return next.references;
  // A leading "once X is done," / "if it matches," in the same sentence names what comes first.
  for (let k = at; k >= 0; k--) {
    const r = readings[k];
    if (r === undefined || r.clause.sentence !== intro.clause.sentence || phases[k] !== phase) break;
    if ((r.cues.subordinate || r.cues.conditional) && !r.cues.approval && r.references.length > 0)
      return r.references;
  }
  // "once both are back: post the covered ones; wipe the rest": a colon carries the condition on.
  const governing = colonLead(readings, at);
  if (
    governing !== undefined &&
    (governing.cues.subordinate || governing.cues.conditional) &&
    !governing.cues.approval &&
    governing.references.length > 0
  )
    return governing.references;
  // Otherwise "then" follows the steps of the phase before.
  const starts = readings.findIndex((r, k) => phases[k] === phase);
  const opener = readings[starts];
  if (
    opener === undefined ||
    opener.cues.parallel ||
    !(opener.cues.sequence || opener.cues.conditional) ||
    opener.cues.approval
  )
    return [];
  if (opener.clause.sentence !== intro.clause.sentence) return [];
  if (opener.cues.subordinate && !opener.cues.conditional && opener.introduced.length > 0) return [];
  // A phase set apart by "meanwhile"/"separately" runs beside the one before it: "afterwards" follows both.
  let from = phase - 1;
  while (from > 0 && readings.find((_, k) => phases[k] === from)?.cues.parallel === true) from--;
  const stepsFrom = (first: number): Step[] =>
    readings
      .filter((_, k) => (phases[k] ?? 0) >= first && (phases[k] ?? 0) < phase)
      .flatMap((r) => [...r.introduced, ...r.references]);
  let previous = stepsFrom(from);
  // "Book it once finance signs off, then send the invitations": a phase that only waits for a person
  // holds no step; "then" follows the one before it.
  while (previous.length === 0 && from > 0) previous = stepsFrom(--from);
  const inPhase = new Set(previous);
  // The sinks of that phase: its steps no other step of it depends on (approximated by position).
  return order.filter((s) => inPhase.has(s)).slice(-Math.max(1, countParallel(previous)));
}

function countParallel(previous: readonly Step[]): number {
  return new Set(previous).size;
}
