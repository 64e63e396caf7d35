import {
  HUMAN_REVIEW,
  INLINE_CUES,
  NEGATION_PHRASES,
  ORIGINAL_CUES,
  PARALLEL_CUES,
  SEQUENCE_CUES,
  STRONG_APPROVAL,
  WEAK_APPROVAL,
} from './lexicon.ts';
import { type Clause } from './segment.ts';
import { words } from './text.ts';

// Reads what a clause says about the plan besides its action: that a person approves, that the user
// does not want something, that it comes after or alongside what precedes it.

/** The role a clause plays besides naming an action. */
export interface ClauseCues {
  /** A person approves here ("the controller must approve the report", "check with me"). */
  approval: boolean;
  /** The clause names something the user does not want ("don't roll anything back"). */
  negated: boolean;
  /** The clause points at data the user supplies ("the transcript below"). */
  inline: boolean;
  /** Runs after what came before ("then", "once X is done", "after the rollback"). */
  sequence: boolean;
  /** A leading subordinate clause ("once ...", "if ...", "when ...") that refers back to a step. */
  subordinate: boolean;
  /** Conditional on the outcome of earlier steps ("if it matches"). */
  conditional: boolean;
  /** Runs alongside what came before ("separately", "meanwhile", "also"). */
  parallel: boolean;
  /** Works on the untouched input rather than the latest result ("the original text"). */
  original: boolean;
  /** Introduced by "before": the clause names what must wait. */
  before: boolean;
  /** Introduced by "until"/"unless": the clause names the condition that releases a wait. */
  until: boolean;
  /** Works on something already approved ("translate the approved text"): it comes after the approval. */
  approvedRef: boolean;
  /** Talks about the workflow itself ("set up our support flow"), not a step of it. */
  meta: boolean;
}

const APPROVED_REF =
  /\b(?:the|this|that|these|those|its|their|his|her|our|an?)\s+(?:\w+\s+)?(?:approved|signed[- ]off|okayed|vetted)\b/i;
const META =
  /\b(?:set up|build|create|automate|make|design|configure)\b.*\b(?:flow|workflow|pipeline|process|automation|routine)\b/i;
const SUBORDINATE =
  /^(?:and\s+|but\s+)?(?:only\s+)?(?:once|after(?!\s+(?:that|this|which)\b)|when|whenever|as soon as|upon|following(?!\s+that\b)|if|unless|until|in case)\b/i;
const CONDITIONAL = /^(?:and\s+|but\s+)?(?:only\s+)?(?:if|unless|in case)\b/i;

/** Reads the cues of one clause. */
export function cuesOf(clause: Clause): ClauseCues {
  const text = clause.masked;
  const lead = `${clause.connector} ${text}`.trim();
  const approvedRef = APPROVED_REF.test(text);
  const gateText = approvedRef ? text.replace(APPROVED_REF, ' ') : text;
  const strong = STRONG_APPROVAL.some((p) => p.test(gateText));
  const weak = WEAK_APPROVAL.test(gateText.toLowerCase()) && HUMAN_REVIEW.some((p) => p.test(gateText));
  const connectorWords = clause.connector.split(/\s+/);
  return {
    approval: strong || weak,
    negated: NEGATION_PHRASES.some((p) => p.test(text)),
    inline: INLINE_CUES.some((p) => p.test(text)),
    sequence: SEQUENCE_CUES.some((p) => p.test(clause.connector) || p.test(lead)),
    subordinate: SUBORDINATE.test(lead),
    conditional: CONDITIONAL.test(lead),
    parallel: PARALLEL_CUES.some((p) => p.test(lead)),
    original: words(text).some((w) => ORIGINAL_CUES.has(w.lower)),
    before: connectorWords.includes('before'),
    until: connectorWords.includes('until') || connectorWords.includes('unless'),
    approvedRef,
    meta: META.test(text),
  };
}
