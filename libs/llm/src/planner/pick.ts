import { type ClauseCues } from './cues.ts';
import { type Head, headOf } from './head.ts';
import { type Candidate } from './matcher.ts';
import { type Clause } from './segment.ts';
import { type Step } from './select.ts';
import { words } from './text.ts';

// Small decisions of step selection: which sentences ask for something, whether a heading is an
// instruction, whether a gate follows a clause, and which agent a clause's new step is.

const DETERMINERS = new Set(
  'a an the this that these those it them its their his her my our your each every all any some'.split(' '),
);

/** Whether a heading ("Refund request for order 55012:") is really an instruction ("Draft an offer letter for X:"). */
export function imperativeHead(clause: Clause, head: Head | undefined): boolean {
  if (head === undefined) return false;
  const after = words(clause.masked.slice(head.at)).slice(1, 2)[0];
  return after !== undefined && DETERMINERS.has(after.lower);
}

/** A clause that only gates on a person's approval, or sits in the same stretch as one. */
export function gateFollows(readings: readonly { clause: Clause; cues: ClauseCues }[], at: number): boolean {
  const here = readings[at];
  if (here === undefined) return false;
  for (let k = at + 1; k < readings.length; k++) {
    const next = readings[k];
    if (next === undefined) break;
    if (next.clause.sentence !== here.clause.sentence) break;
    if (next.cues.approval && (next.cues.until || next.cues.before || next.cues.subordinate)) return true;
  }
  return false;
}

/**
 * Sentences that ask for something. A sentence without any verb describes the situation ("Alert
 * ALR-5521 just fired"), unless it is an item of a list ("pls:\n * soil sensor readings") or goes on
 * from what came before ("then an irrigation plan from the soil moisture").
 */
export function askingSentences(cued: readonly { clause: Clause; cues: ClauseCues }[]): Set<number> {
  const asking = new Set<number>();
  const stops = new Map<number, string>();
  for (const { clause } of cued) stops.set(clause.sentence, clause.stop);
  const listed = new Set<number>();
  for (const [sentence] of [...stops.entries()].sort((a, b) => a[0] - b[0])) {
    // A bullet ends the sentence before it with its marker; a line after a bullet item is one too.
    const before = stops.get(sentence - 1);
    const bullet = before !== undefined && !/^[.!?;:]?$/.test(before) && before !== '\n';
    if (bullet || (listed.has(sentence - 1) && before === '\n')) listed.add(sentence);
  }
  // After "the manuscript pasted below", a list is the pasted data, not requests.
  const pasted = cued.find(({ cues }) => cues.inline)?.clause.sentence ?? Infinity;
  for (const { clause, cues } of cued) {
    const first = cued.find((c) => c.clause.sentence === clause.sentence)?.clause === clause;
    if (
      headOf(clause.masked) !== undefined ||
      (listed.has(clause.sentence) && clause.sentence < pasted) ||
      (first && cues.sequence && !cues.subordinate)
    )
      asking.add(clause.sentence);
  }
  return asking;
}

const hasVerb = (c: Candidate): boolean => c.bonuses.some((b) => b.startsWith('verb'));
const titled = (c: Candidate): boolean => c.bonuses.some((b) => b.startsWith('title'));

/**
 * The clause's new step: its best agent, or, when that one is already a step, the best other agent
 * that does what the clause's verb says ("email Lena her new employee ID" is an email, not the HRIS).
 */
export function pickNew(
  ranked: readonly Candidate[],
  chosen: ReadonlyMap<string, Step>,
  threshold: number,
): Candidate | undefined {
  const best = ranked[0];
  if (best === undefined || best.score < threshold) return undefined;
  if (!chosen.has(best.agent.id)) {
    if (hasVerb(best)) return best;
    const doer = ranked.find((c) => hasVerb(c) && c.score >= Math.max(threshold, 0.75 * best.score));
    if (doer !== undefined) return chosen.has(doer.agent.id) ? best : doer;
    // A clause without a verb names an agent by what it is called ("once the 5-day forecast is in"),
    // not by the inputs it takes.
    if (titled(best)) return best;
    const named = ranked.find((c) => titled(c) && c.score >= Math.max(threshold, 0.75 * best.score));
    return named !== undefined && !chosen.has(named.agent.id) ? named : best;
  }
  const fresh = ranked.find((c) => !chosen.has(c.agent.id));
  if (fresh === undefined || fresh.score < threshold) return undefined;
  if (fresh.score >= 0.85 * best.score || (hasVerb(fresh) && !hasVerb(best))) return fresh;
  return undefined;
}

export function explain(candidate: Candidate, clause: Clause): string {
  const parts = [`matches "${clause.text.trim()}" on ${candidate.matched.join(', ') || 'context'}`];
  if (candidate.bonuses.length > 0) parts.push(`(${candidate.bonuses.join(', ')})`);
  return `${parts.join(' ')}; score ${candidate.score.toFixed(1)}`;
}

export function phrase(clause: Clause, at: number): string {
  const from = Math.max(0, at - clause.start);
  return clause.text
    .slice(from)
    .split(/\s+/)
    .slice(0, 7)
    .join(' ')
    .replace(/[,.;:]+$/, '');
}
