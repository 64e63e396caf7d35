/**
 * The storage layout of a run, as pure functions: which head update and which journal a change of a run
 * makes, and how a run is put back together from its head, its graph document and its events.
 */
import { BSON, type UpdateFilter } from 'mongodb';
import type { Tenant } from '@dagwright/kit';
import {
  initialBlockState,
  type BlockStateDoc,
  type RunDoc,
  type RunEventDoc,
  type RunGraphDoc,
  type RunHeadDoc,
  type RunJournal,
  type StoredRunEvent,
} from './run.model.ts';

/** Fields of the in-memory run that are not head fields, or that are written in a way of their own. */
const NOT_HEAD = new Set(['graph', 'input', 'blocks', 'newEvents', 'outbox', 'version', 'lastSeq']);

/** The `_id` of a run's head and graph documents; the parts are encoded, so distinct tenants never collide. */
export function runKey(tenant: Tenant, runId: string): string {
  return [tenant.clientId, tenant.projectId, tenant.workspaceId, runId].map(encodeURIComponent).join('/');
}

/** The `_id` of one event: the same event written twice (a replay after a crash) is one document. */
export function eventKey(tenant: Tenant, runId: string, seq: number): string {
  return `${runKey(tenant, runId)}/${seq}`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Equal field values of a block state: primitives, dates and arrays of primitives (edge indexes). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}

/** Whether two states of a block are equal (field by field: a run has up to thousands, compared on every write). */
function sameBlock(a: BlockStateDoc | undefined, b: BlockStateDoc): boolean {
  if (a === undefined) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(y);
  return keys.length === Object.keys(x).length && keys.every((k) => sameValue(x[k], y[k]));
}

/**
 * The copy of a run a mutation works on. Block states are copied one level deep (with their edge lists):
 * mutations assign fields and never change a date in place, and a full deep copy of a run of hundreds of
 * blocks on every write costs more than the write itself.
 */
export function copyOf(run: RunDoc): RunDoc {
  return {
    ...run,
    blocks: run.blocks.map((b) =>
      b.firedEdges === undefined ? { ...b } : { ...b, firedEdges: [...b.firedEdges] },
    ),
    newEvents: [...run.newEvents],
    ...(run.outbox === undefined ? {} : { outbox: [...run.outbox] }),
  };
}

/**
 * The journal of the write that turns `before` into `after`: the new events, where the last event of each
 * changed block carries the block's new state. Throws when a block changed without a recorded transition
 * (its state would then never be stored) or when the events do not continue `before`'s sequence.
 */
export function journalOf(before: RunDoc, after: RunDoc, version: number): RunJournal {
  const events: StoredRunEvent[] = after.newEvents.map((e) => ({ ...e }));
  events.forEach((event, i) => {
    if (event.seq !== before.lastSeq + i + 1)
      throw new Error(`run ${after.runId}: event ${event.seq} does not follow ${before.lastSeq + i}`);
  });
  if (after.lastSeq !== before.lastSeq + events.length)
    throw new Error(`run ${after.runId}: lastSeq ${after.lastSeq} does not match its new events`);
  const was = new Map(before.blocks.map((b) => [b.blockId, b]));
  for (const state of after.blocks) {
    if (sameBlock(was.get(state.blockId), state)) continue;
    const last = events.findLast((e) => e.blockId === state.blockId);
    if (last === undefined)
      throw new Error(`run ${after.runId}: block ${state.blockId} changed without a recorded transition`);
    last.block = { ...state };
  }
  return { version, events };
}

/**
 * The update of the head for the write `before` → `after`: changed head fields are `$set` (or `$unset`),
 * the outbox `$push`es its new tail, and version, last sequence number and journal (`journalText`) are replaced.
 */
export function headChanges(
  before: RunDoc,
  after: RunDoc,
  version: number,
  journal: string,
): UpdateFilter<RunHeadDoc> {
  const set: Record<string, unknown> = { version, lastSeq: after.lastSeq, journal };
  const unset: Record<string, ''> = {};
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (NOT_HEAD.has(field)) continue;
    if (b[field] === undefined) {
      if (a[field] !== undefined) unset[field] = '';
    } else if (!same(a[field], b[field])) {
      set[field] = b[field];
    }
  }
  const was = before.outbox ?? [];
  const is = after.outbox ?? [];
  if (is.length < was.length || !same(was, is.slice(0, was.length)))
    throw new Error(`run ${after.runId}: the outbox only grows in a write`);
  return {
    $set: set,
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    ...(is.length > was.length ? { $push: { outbox: { $each: is.slice(was.length) } } } : {}),
  };
}

/** How much a head's journal holds before its events are stored in `run_events` (whichever limit comes first). */
export const JOURNAL_LIMIT = { events: 32, bytes: 4 * 1024 } as const;

/** An event held in a head's journal, with its Extended JSON text (encoded once, however many writes carry it). */
export interface JournaledEvent {
  event: StoredRunEvent;
  text: string;
}

/** Events ready to be carried in journals. */
export function journaled(events: readonly StoredRunEvent[]): JournaledEvent[] {
  return events.map((event) => ({ event, text: BSON.EJSON.stringify(event, { relaxed: true }) }));
}

/** The journal text of `entries`, written by the head version `version` (what `encodeJournal` gives). */
export function journalText(version: number, entries: readonly JournaledEvent[]): string {
  return `{"version":${version},"events":[${entries.map((e) => e.text).join(',')}]}`;
}

/** Whether `entries` fill a journal: they are to be stored in `run_events` now. */
export function journalFull(entries: readonly JournaledEvent[]): boolean {
  if (entries.length >= JOURNAL_LIMIT.events) return true;
  let bytes = 0;
  for (const { text } of entries) bytes += text.length;
  return bytes >= JOURNAL_LIMIT.bytes;
}

/** The journal as the head stores it (Extended JSON keeps its dates dates). */
export function encodeJournal(journal: RunJournal): string {
  return BSON.EJSON.stringify(journal, { relaxed: true });
}

/** The journal a head stores. */
export function decodeJournal(text: string): RunJournal {
  return BSON.EJSON.parse(text, { relaxed: true }) as RunJournal;
}

/** The head and graph documents of a new run; its first events wait in the head's journal. */
export function documentsOf(run: RunDoc): { head: RunHeadDoc; graph: RunGraphDoc } {
  const { graph, input, blocks: _blocks, newEvents, ...fields } = run;
  const tenant = { clientId: run.clientId, projectId: run.projectId, workspaceId: run.workspaceId };
  const _id = runKey(tenant, run.runId);
  return {
    head: { ...fields, _id, journal: encodeJournal({ version: run.version, events: newEvents }) },
    graph: { _id, ...tenant, runId: run.runId, graph, input },
  };
}

/**
 * The events of a run up to its head: the stored ones plus the head's journal (which may not be stored
 * yet), each once, in order. Events stored by a write newer than `head` are left out, so the result is
 * the run exactly as of the head's version.
 */
export function eventsUpTo(head: RunHeadDoc, stored: readonly StoredRunEvent[]): StoredRunEvent[] {
  const bySeq = new Map<number, StoredRunEvent>();
  for (const event of [...stored, ...decodeJournal(head.journal).events])
    if (event.seq <= head.lastSeq) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Every block's state (in graph order), folded from the run's events: the latest state each event carries. */
export function blockStates(blockIds: readonly string[], events: readonly StoredRunEvent[]): BlockStateDoc[] {
  const states = new Map(blockIds.map((id) => [id, initialBlockState(id)]));
  for (const event of events) if (event.block !== undefined) states.set(event.block.blockId, event.block);
  return [...states.values()];
}

/** The run as the engine works on it, from its three kinds of documents. */
export function assembleRun(
  head: RunHeadDoc,
  graphDoc: RunGraphDoc,
  blockIds: readonly string[],
  stored: readonly StoredRunEvent[],
): RunDoc {
  const { _id: _key, journal: _journal, ...fields } = head;
  return {
    ...fields,
    graph: graphDoc.graph,
    input: graphDoc.input,
    blocks: blockStates(blockIds, eventsUpTo(head, stored)),
    newEvents: [],
  };
}

/** An event as streams show it (without the block state and attempt log it may carry). */
export function publicEvent(event: StoredRunEvent): RunEventDoc {
  const { block: _block, log: _log, ...rest } = event;
  return rest;
}
