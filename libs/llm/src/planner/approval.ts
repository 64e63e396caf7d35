import { shapeOf } from './fields.ts';
import { STRONG_APPROVAL, WEAK_APPROVAL } from './lexicon.ts';
import { type Ranker } from './ranker.ts';
import { type ClauseReading, type Step } from './select.ts';
import { words } from './text.ts';

// Turns "the controller must approve the report before it's emailed" into a human step: after the
// step that produced what is approved (the report), before the steps that must wait (the email).

/** A person's approval and the steps it sits between. */
export interface Approval {
  /** The clause that asks for it. */
  clause: ReadingRef;
  /** Steps whose result the person reviews; the approval comes after them. */
  after: Step[];
  /** Steps that must wait for the approval. */
  guards: Step[];
  prompt: string;
}

type ReadingRef = ClauseReading['clause'];

const POINTERS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'which', 'they']);
/** Gates that approve before what follows ("once approved, send it", "if she approves, draft ..."). */
const LEADING = /^(?:and\s+|but\s+|so\s+)?(?:only\s+)?(?:once|after|when|if|as soon as|upon|following)\b/i;

function objectText(text: string): string {
  const verb = [...STRONG_APPROVAL, WEAK_APPROVAL]
    .map((p) => new RegExp(p.source, 'i').exec(text))
    .find((m): m is RegExpExecArray => m !== null);
  return verb === undefined ? text : text.slice(verb.index + verb[0].length);
}

function stepsOf(reading: ClauseReading): Step[] {
  return [...reading.introduced, ...reading.references];
}

/** Finds every approval the statement asks for, with what it reviews and what it holds back. */
export function findApprovals(
  ranker: Ranker,
  readings: readonly ClauseReading[],
  order: readonly Step[],
): Approval[] {
  const approvals: Approval[] = [];
  const byPosition = [...order].sort((a, b) => a.position - b.position);
  let last: Approval | undefined;
  for (const [at, reading] of readings.entries()) {
    const { cues, clause } = reading;
    if (cues.approvedRef && !cues.approval && last !== undefined) {
      // "translate the approved text": whatever it introduces waits for the approval before it.
      for (const step of stepsOf(reading))
        if (!last.guards.includes(step) && !last.after.includes(step)) last.guards.push(step);
      continue;
    }
    if (!cues.approval) continue;
    const sameSentence = readings.filter((r) => r.clause.sentence === clause.sentence);
    // Approvals of one sentence are one person's one decision ("I'll review the draft, and it should
    // only be sent after I approve it"); a bare "after approval" continues the one before it.
    const merge =
      last !== undefined &&
      (last.clause.sentence === clause.sentence ||
        (/approv|sign|she does|he does|they do/i.test(clause.masked) && words(clause.masked).length <= 4));
    const approval: Approval =
      merge && last !== undefined ? last : { clause, after: [], guards: [], prompt: '' };

    // 1. What is reviewed: the thing named after the approval verb, a pointer to the step before, or
    //    (for "after seeing those findings") the clause right after.
    let object = objectText(clause.masked);
    const next = readings[at + 1];
    if (
      words(object).length === 0 &&
      next !== undefined &&
      next.clause.sentence === clause.sentence &&
      /^(?:after|once)\b/i.test(next.clause.connector)
    ) {
      object = next.clause.masked;
    }
    const before = byPosition.filter((s) => s.position < clause.start);
    const objectWords = words(object).filter((w) => !POINTERS.has(w.lower));
    const pointer = words(clause.masked).some((w) => POINTERS.has(w.lower)) && objectWords.length <= 1;
    let reviewed: Step | undefined;
    if (objectWords.length > 0) {
      const latest = objectWords.some((w) =>
        /^(?:final|latest|last|finished|finalized|completed|resulting)$/.test(w.lower),
      );
      const terms = ranker.queryTerms(objectWords.map((w) => w.text).join(' '));
      const scored = before
        .map((s, k) => {
          const profile = ranker.profiles.find((p) => p.agent.id === s.agent.id);
          const score = profile === undefined ? 0 : ranker.score(terms, profile).score;
          return { step: s, score: score + (latest ? 2 : 0.5) * k };
        })
        .sort((a, b) => b.score - a.score);
      if (scored[0] !== undefined && scored[0].score >= 1.5) reviewed = scored[0].step;
    }
    if (reviewed === undefined && pointer) reviewed = before.at(-1);
    if (reviewed !== undefined) {
      // Approving an action ("approve any refund") holds the action; approving a result reviews it.
      if (shapeOf(reviewed.agent).sink) approval.guards.push(reviewed);
      else if (!approval.after.includes(reviewed)) approval.after.push(reviewed);
    }

    // 2. What waits: "before ..." clauses of the sentence; for a leading or "until" gate, what follows;
    //    for a trailing "(only) after X approves", the clause just before.
    // What a "before ..." clause introduces waits; what it merely mentions waits only if nothing is introduced.
    for (const r of sameSentence)
      if (r.cues.before) approval.guards.push(...(r.introduced.length > 0 ? r.introduced : r.references));
    const leading = LEADING.test(`${clause.connector} ${clause.masked}`) || cues.until;
    const prior = readings[at - 1];
    // "Book the venue once finance signs off": the clause just before waits for the approval.
    const trailing =
      /\b(?:after|once|when|upon)\b/i.test(clause.connector) &&
      prior !== undefined &&
      prior.clause.sentence === clause.sentence &&
      stepsOf(prior).length > 0;
    if (trailing) approval.guards.push(...stepsOf(prior));
    else if (leading) {
      for (const r of readings.slice(at + 1)) {
        if (r.clause.sentence !== clause.sentence && r.cues.parallel && !r.cues.approvedRef) break;
        if (r.cues.approval && r.clause.sentence !== clause.sentence) break;
        approval.guards.push(...r.introduced);
      }
    }
    if (approval.guards.length === 0 && !merge) {
      const following = readings.slice(at + 1).find((r) => r.introduced.length > 0);
      if (following !== undefined) approval.guards.push(...following.introduced);
    }
    approval.guards = [...new Set(approval.guards)].filter((s) => !approval.after.includes(s));
    approval.prompt =
      approval.prompt.length === 0 ? clause.text.trim() : `${approval.prompt}; ${clause.text.trim()}`;
    if (!merge) approvals.push(approval);
    last = approval;
  }
  return approvals.filter((a) => a.guards.length > 0 || a.after.length > 0);
}
