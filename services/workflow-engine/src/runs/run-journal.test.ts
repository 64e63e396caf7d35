import { describe, expect, it } from 'vitest';
import { record, transition } from '../execution/run-state.ts';
import {
  assembleRun,
  decodeJournal,
  documentsOf,
  encodeJournal,
  eventsUpTo,
  headChanges,
  journaled,
  journalFull,
  journalOf,
  journalText,
  JOURNAL_LIMIT,
  runKey,
} from './run-journal.ts';
import { newRunDoc, type RunDoc, type RunHeadDoc } from './run.model.ts';

const tenant = { clientId: 'c', projectId: 'p', workspaceId: 'w' };

//   a ──► b ──► c
function queued(): RunDoc {
  const run = newRunDoc({
    tenant,
    runId: 'run_1',
    workflowId: 'wf',
    workflowVersion: 1,
    graph: JSON.stringify({ nodes: ['a', 'b', 'c'].map((id) => ({ id })), edges: [] }),
    blockIds: ['a', 'b', 'c'],
    input: '{"n":1}',
    createdBy: 'tester',
  });
  return { ...run, newEvents: [] };
}

/** Applies `change` to a copy of `before`, as a mutation inside `RunRepository.update` does. */
function changed(before: RunDoc, change: (doc: RunDoc) => void): RunDoc {
  const after = structuredClone(before);
  change(after);
  return after;
}

describe('journal of a write', () => {
  it('keeps the new events, and the last event of each changed block carries its new state', () => {
    const before = queued();
    const after = changed(before, (doc) => {
      record(doc, { kind: 'run', status: 'running' });
      transition(doc, 'a', 'running', { attempts: 1 });
      transition(doc, 'a', 'succeeded', { output: '{"x":1}' });
      transition(doc, 'b', 'running', { attempts: 1 });
    });
    const journal = journalOf(before, after, 2);
    expect(journal.version).toBe(2);
    expect(journal.events.map((e) => [e.seq, e.blockId ?? 'run', e.status])).toEqual([
      [2, 'run', 'running'],
      [3, 'a', 'running'],
      [4, 'a', 'succeeded'],
      [5, 'b', 'running'],
    ]);
    expect(journal.events.map((e) => e.block?.status)).toEqual([
      undefined,
      undefined,
      'succeeded',
      'running',
    ]);
    expect(journal.events[2]?.block).toMatchObject({ blockId: 'a', output: '{"x":1}', attempts: 1 });
  });

  it('refuses a block change without a recorded transition, which would never be stored', () => {
    const before = queued();
    const after = changed(before, (doc) => {
      const a = doc.blocks[0];
      if (a) a.attempts = 5;
    });
    expect(() => journalOf(before, after, 2)).toThrow(/block a changed without a recorded transition/);
  });

  it('refuses events that do not continue the stored sequence', () => {
    const before = queued();
    const after = changed(before, (doc) => {
      doc.newEvents.push({ seq: 7, kind: 'run', status: 'running', at: new Date() });
      doc.lastSeq = 7;
    });
    expect(() => journalOf(before, after, 2)).toThrow(/event 7 does not follow 1/);
  });
});

describe('head update', () => {
  it('sets only changed head fields, pushes the outbox tail and never writes the graph or block states', () => {
    const at = new Date(0);
    const before = {
      ...queued(),
      leaseOwner: 'me',
      outbox: [{ id: 'e1', topic: 't', event: '{}', createdAt: at }],
    };
    const after = changed(before, (doc) => {
      doc.status = 'running';
      delete doc.leaseOwner;
      doc.outbox = [...(doc.outbox ?? []), { id: 'e2', topic: 't', event: '{}', createdAt: at }];
      transition(doc, 'a', 'running', { attempts: 1 });
    });
    const journal = journalOf(before, after, 2);
    const text = journalText(2, journaled(journal.events));
    const update = headChanges(before, after, 2, text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(update.$set ?? {}).sort()).toEqual(['journal', 'lastSeq', 'status', 'version']);
    expect(update.$set).toMatchObject({ status: 'running', version: 2, lastSeq: 2 });
    expect(update.$unset).toEqual({ leaseOwner: '' });
    expect(decodeJournal(update.$set?.journal as string)).toEqual(journal);
    expect(update.$push).toEqual({
      outbox: { $each: [{ id: 'e2', topic: 't', event: '{}', createdAt: at }] },
    });
  });
});

describe('journal of several writes', () => {
  it('is the text encodeJournal gives, and fills at the event or byte limit', () => {
    const before = queued();
    const after = changed(before, (doc) => {
      record(doc, { kind: 'run', status: 'running' });
      transition(doc, 'a', 'running', { attempts: 1, startedAt: new Date(5) });
    });
    const { events } = journalOf(before, after, 2);
    expect(decodeJournal(journalText(2, journaled(events)))).toEqual({ version: 2, events });
    expect(journalText(2, journaled(events))).toBe(encodeJournal({ version: 2, events }));

    const one = journaled([{ seq: 2, kind: 'run', status: 'running', at: new Date(0) }]);
    const times = (n: number) => Array.from({ length: n }, () => one).flat();
    expect(journalFull(times(JOURNAL_LIMIT.events - 1))).toBe(false);
    expect(journalFull(times(JOURNAL_LIMIT.events))).toBe(true);
    const big = one.map((e) => ({ ...e, text: 'x'.repeat(JOURNAL_LIMIT.bytes) }));
    expect(journalFull(big)).toBe(true);
  });
});

describe('reading a run back', () => {
  it('overlays the journal on the stored events, each once, up to the head and no further', () => {
    const before = queued();
    const first = changed(before, (doc) => transition(doc, 'a', 'running', { attempts: 1 }));
    const second = changed({ ...first, newEvents: [] }, (doc) => {
      transition(doc, 'a', 'succeeded', { output: '{"x":1}' });
      transition(doc, 'b', 'running', { attempts: 1 });
    });
    const stored = journalOf(before, first, 2).events;
    const journal = journalOf({ ...first, newEvents: [] }, second, 3);
    const head: RunHeadDoc = {
      ...documentsOf({ ...second, newEvents: [] }).head,
      version: 3,
      journal: encodeJournal(journal),
    };
    // An event a newer write stored after this head was read is not part of this version of the run.
    const newer = { seq: 9, kind: 'block' as const, blockId: 'c', status: 'running', at: new Date() };
    const events = eventsUpTo(head, [...stored, ...journal.events.slice(0, 1), newer]);
    expect(events.map((e) => e.seq)).toEqual([2, 3, 4]);

    const run = assembleRun(head, documentsOf(second).graph, ['a', 'b', 'c'], [...stored, newer]);
    expect(run.blocks.map((b) => [b.blockId, b.status])).toEqual([
      ['a', 'succeeded'],
      ['b', 'running'],
      ['c', 'pending'],
    ]);
    expect(run.input).toBe('{"n":1}');
    expect(run.newEvents).toEqual([]);
  });

  it('gives runs of different tenants different keys even when the ids would join alike', () => {
    expect(runKey({ clientId: 'a/b', projectId: 'c', workspaceId: 'w' }, 'r')).not.toBe(
      runKey({ clientId: 'a', projectId: 'b/c', workspaceId: 'w' }, 'r'),
    );
  });
});
