import { type Step } from './select.ts';
import { type Link, type Wiring } from './wire.ts';

// A numbered or bulleted list of steps ("1. read ... 2. dedupe ... 3. load ...") is a sequence: each
// item runs after the one before it unless it says otherwise. Data wiring alone often feeds every
// item from the list's first step (they all take "rows"), so the list's order is added on top.

/** One line of a list: where it starts and ends in the statement. */
interface Item {
  start: number;
  end: number;
  text: string;
}

const MARKER = /^[ \t]*(?:[-*•]|\d+[.)])[ \t]+/;
/** "at the same time, gauge the mood and look up articles": the item's steps run side by side. */
const PARALLEL =
  /^(?:and\s+)?(?:at the same time|in parallel|meanwhile|in the meantime|simultaneously|concurrently)\b/i;
/** "also share the summary", "separately, run ...": a branch beside the item before. */
const BESIDE = /^(?:and\s+)?(?:also|separately|additionally|in addition)\b/i;
/** "the controller must approve the report before it's emailed": a gate, placed by the approval reader. */
const GATE = /\b(?:approv\w*|sign\w* off|okays?|okayed)\b/i;
/** "all three at once" around a list: its items run side by side, not one after another. */
const ALL_AT_ONCE = /\b(?:at once|in parallel|at the same time|simultaneously|concurrently)\b/i;
/** "otherwise draft a reply": the alternative to the item before, so it follows what that one followed. */
const ALTERNATIVE = /^(?:otherwise|else|if not)\b/i;

/** The items of the statement's lists (lines that start with a bullet or a number), in order. */
function listItems(statement: string): Item[][] {
  const lists: Item[][] = [];
  let current: Item[] = [];
  let offset = 0;
  const close = (): void => {
    if (current.length >= 2) lists.push(current);
    current = [];
  };
  for (const line of statement.split('\n')) {
    const marker = MARKER.exec(line);
    if (marker !== null) {
      current.push({ start: offset, end: offset + line.length, text: line.slice(marker[0].length).trim() });
    } else if (line.trim().length > 0) close(); // prose after the items ends the list
    offset += line.length + 1;
  }
  close();
  return lists;
}

/** Whether the first sentence after a list, or the line that leads into it, runs its items at once. */
function allAtOnce(statement: string, items: readonly Item[]): boolean {
  const first = items[0]?.start ?? 0;
  const lead = statement.slice(statement.lastIndexOf('\n', first - 2) + 1, first);
  const after = statement.slice(items.at(-1)?.end ?? 0).trimStart();
  const sentence = /^[^.!?\n]*/.exec(after)?.[0] ?? '';
  return ALL_AT_ONCE.test(lead) || ALL_AT_ONCE.test(sentence);
}

/** Adds "runs after the item before" links between the steps of consecutive list items. */
export function orderLists(statement: string, wiring: Wiring): void {
  const lists = listItems(statement);
  if (lists.length === 0) return;
  const index = new Map(wiring.order.map((s, i) => [s, i]));
  const has = (from: Step, to: Step): boolean => wiring.links.some((l) => l.from === from && l.to === to);
  const add = (from: Step, to: Step): void => {
    if (from === to || (index.get(from) ?? 0) >= (index.get(to) ?? 0)) return;
    const existing = wiring.links.find((l) => l.from === from && l.to === to);
    const why = 'the list puts it after the item before';
    if (existing !== undefined) {
      if (!existing.why.includes(why)) existing.why.push(why);
      return;
    }
    const created: Link = { from, to, why: [why], bindings: [] };
    wiring.links.push(created);
  };
  for (const items of lists) {
    if (allAtOnce(statement, items)) continue;
    const stepsOf = items.map((item) =>
      wiring.order.filter(
        (s) => s.implied !== true && s.clause.start >= item.start && s.clause.start < item.end,
      ),
    );
    // What each item's steps wait for: the last steps of the item before (or what that one waited for).
    const waits: Step[][] = [];
    for (const [k, item] of items.entries()) {
      const steps = stepsOf[k] ?? [];
      const previous = stepsOf[k - 1] ?? [];
      const sinks = previous.filter((s) => !previous.some((t) => t !== s && has(s, t)));
      let preds = sinks.length > 0 ? sinks : (waits[k - 1] ?? []);
      // A lone step "at the same time" runs beside the item before; an alternative branches beside it.
      if ((PARALLEL.test(item.text) && steps.length === 1) || ALTERNATIVE.test(item.text))
        preds = waits[k - 1] ?? [];
      waits.push(preds);
      // "also share the summary": a side branch whose place the data decides; a gate is the approval's.
      if (BESIDE.test(item.text) || GATE.test(item.text)) continue;
      const sources = steps.filter((s) => !steps.some((t) => t !== s && has(t, s)));
      for (const to of sources) for (const from of preds) add(from, to);
    }
  }
}
