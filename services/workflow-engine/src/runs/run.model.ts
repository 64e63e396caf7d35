import type { OutboxEntry } from '@dagwright/events';

/** Run states of §6. */
export type RunStatus = 'queued' | 'running' | 'waiting_human' | 'succeeded' | 'failed' | 'cancelled';
/** Block states of §6 (plus `cancelled` for blocks a cancel stopped). */
export type BlockStatus =
  'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'waiting_human' | 'cancelled';

/** Terminal run states: nothing changes a run after one of these. */
export const TERMINAL_RUN: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);
/** Block states after which a block never runs again. */
export const FINISHED_BLOCK: ReadonlySet<BlockStatus> = new Set([
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
]);

/** The durable state of one block of a run. Outputs are JSON text (arbitrary user JSON). */
export interface BlockStateDoc {
  blockId: string;
  status: BlockStatus;
  attempts: number;
  startedAt?: Date;
  finishedAt?: Date;
  output?: string;
  error?: string;
  /** Indexes (into graph.edges) of outgoing edges that fired when the block finished. */
  firedEdges?: number[];
  cost: number;
  tokens: number;
  model?: string;
  /** When a waiting human block times out. */
  waitUntil?: Date;
  /** The block whose handler produced this block's output (adaptive fallback). */
  fallbackUsed?: string;
}

/** One transition, kept in order for streams and logs. */
export interface RunEventDoc {
  seq: number;
  kind: 'run' | 'block';
  blockId?: string;
  status: string;
  at: Date;
  detail?: string;
}

/** A transition recorded by a write; a block's success carries the log of the attempt that produced it. */
export interface NewRunEvent extends RunEventDoc {
  log?: RunLogDoc;
}

/**
 * A transition as stored (collection `run_events`, one document per event, `_id` from tenant, run and `seq`).
 * The last event of a block in a write carries the block's whole state after that write, so the block
 * states of a run are the latest `block` of each block's events: transitions are only ever inserted.
 */
export interface StoredRunEvent extends NewRunEvent {
  block?: BlockStateDoc;
}

/**
 * The events of a run's latest writes that may not be in `run_events` yet, kept in its head: a write's events
 * are durable with its head's compare-and-set, and are stored in `run_events` (one `insertMany`) only when
 * the journal is full (`JOURNAL_LIMIT`), the run ends or parks, or its driver lets go. Every reader overlays
 * them and every writer that reads the run afresh stores them (idempotently) first, so an event the journal
 * no longer holds is stored.
 */
export interface RunJournal {
  /** The head version that wrote this journal. */
  version: number;
  events: StoredRunEvent[];
}

/**
 * The head of a run (collection `runs`): the small document every write of the run rewrites, with the
 * compare-and-set `version`, the lease, the counters, the outbox and the journal of the latest writes.
 */
export interface RunHeadDoc {
  _id: string;
  clientId: string;
  projectId: string;
  workspaceId: string;
  runId: string;
  workflowId: string;
  workflowVersion: number;
  status: RunStatus;
  /** Compare-and-set counter: every write requires the version it read and increments it. */
  version: number;
  /** Sequence number of the run's latest event. */
  lastSeq: number;
  output?: string;
  error?: string;
  leaseOwner?: string;
  leaseUntil?: Date;
  /** Earliest timeout of a waiting human block, for the timeout sweep. */
  humanDeadline?: Date;
  totalCost: number;
  totalTokens: number;
  createdBy: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  outbox?: OutboxEntry[];
  /**
   * The journal (`RunJournal`) as Extended JSON text (`encodeJournal`): for FerretDB one string field is
   * much cheaper to rewrite than the nested documents it holds.
   */
  journal: string;
}

/** What never changes after a run is created (collection `run_graphs`): its copy of the graph and its input. */
export interface RunGraphDoc {
  _id: string;
  clientId: string;
  projectId: string;
  workspaceId: string;
  runId: string;
  graph: string;
  input: string;
}

/**
 * A run as the engine works on it: the head plus the graph, the input and every block's state (in graph
 * order). Mutations change it in memory; the repository writes what changed.
 */
export interface RunDoc extends Omit<RunHeadDoc, '_id' | 'journal'> {
  graph: string;
  input: string;
  blocks: BlockStateDoc[];
  /** Transitions recorded since the run was read or last written (`seq` after the stored ones). */
  newEvents: NewRunEvent[];
}

/** A new, queued run of `graph`, as ExecuteWorkflow creates it. */
export function newRunDoc(fields: {
  tenant: { clientId: string; projectId: string; workspaceId: string };
  runId: string;
  workflowId: string;
  workflowVersion: number;
  graph: string;
  blockIds: readonly string[];
  input: string;
  createdBy: string;
}): RunDoc {
  const now = new Date();
  return {
    ...fields.tenant,
    runId: fields.runId,
    workflowId: fields.workflowId,
    workflowVersion: fields.workflowVersion,
    graph: fields.graph,
    status: 'queued',
    version: 1,
    lastSeq: 1,
    input: fields.input,
    blocks: fields.blockIds.map(initialBlockState),
    newEvents: [{ seq: 1, kind: 'run', status: 'queued', at: now }],
    totalCost: 0,
    totalTokens: 0,
    createdBy: fields.createdBy,
    createdAt: now,
  };
}

/** The state of a block that has not run yet (blocks without a stored transition are in it). */
export function initialBlockState(blockId: string): BlockStateDoc {
  return { blockId, status: 'pending', attempts: 0, cost: 0, tokens: 0 };
}

/** One attempt of one block, as the execution log keeps it. */
export interface RunLogDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  runId: string;
  blockId: string;
  blockType: string;
  attempt: number;
  startedAt: Date;
  finishedAt?: Date;
  durationMs?: number;
  input: string;
  output?: string;
  error?: string;
  cost: number;
  tokens: number;
  model?: string;
}
