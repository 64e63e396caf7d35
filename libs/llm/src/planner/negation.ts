import { headOf } from './head.ts';
import { NEGATION_PHRASES } from './lexicon.ts';
import { type Clause } from './segment.ts';

// A negation inside a clause often rules out only an aside: "search the scholarly index (not arXiv)",
// "run it through the lite classifier - we don't need treatment advice -", "run the full valuation
// (not the quick one)". The action before it is still asked for. Such a clause becomes two: the
// action with the aside blanked out, and the aside on its own, which rules out what it names.

/** Where the first negation of a clause starts, if any. */
function negationAt(text: string): number | undefined {
  let at: number | undefined;
  for (const pattern of NEGATION_PHRASES) {
    const match = pattern.exec(text);
    if (match !== null && (at === undefined || match.index < at)) at = match.index;
  }
  return at;
}

/** Where an aside that starts at `from` ends: its closing parenthesis or dash, else the clause end. */
function asideEnd(text: string, from: number): number {
  const before = text.slice(0, from);
  const open = before.lastIndexOf('(');
  if (open !== -1 && before.indexOf(')', open) === -1) {
    const close = text.indexOf(')', from);
    return close === -1 ? text.length : close;
  }
  if (/\s[–—-]\s/.test(before)) {
    const dash = /\s[–—-]\s/.exec(text.slice(from));
    return dash === null ? text.length : from + dash.index;
  }
  return text.length;
}

const blank = (text: string, from: number, to: number): string =>
  text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);

/** Splits the negated aside off every clause whose action comes before its negation. */
export function scopeNegations(clauses: readonly Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const clause of clauses) {
    const at = negationAt(clause.masked);
    const head = at === undefined ? undefined : headOf(clause.masked);
    // "Don't book the venue": the negation governs the verb, so the whole clause is unwanted.
    if (at === undefined || head === undefined || head.at >= at) {
      out.push(clause);
      continue;
    }
    const end = asideEnd(clause.masked, at);
    const asideText = clause.masked.slice(at, end).trim();
    if (asideText.length === 0) {
      out.push(clause);
      continue;
    }
    out.push({ ...clause, masked: blank(clause.masked, at, end), text: blank(clause.text, at, end) });
    out.push({
      ...clause,
      text: clause.text.slice(at, at + asideText.length),
      masked: asideText,
      start: clause.start + at,
      end: clause.start + at + asideText.length,
      connector: '',
      hasVerb: false,
    });
  }
  return out.map((clause, index) => ({ ...clause, index }));
}
