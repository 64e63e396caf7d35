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

/** A run: a self-contained copy of the graph it executes plus every block's state, written with compare-and-set. */
export interface RunDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  runId: string;
  workflowId: string;
  workflowVersion: number;
  graph: string;
  status: RunStatus;
  /** Compare-and-set counter: every write requires the version it read and increments it. */
  version: number;
  input: string;
  output?: string;
  error?: string;
  blocks: BlockStateDoc[];
  events: RunEventDoc[];
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
