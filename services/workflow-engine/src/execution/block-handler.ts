import type { Tenant } from '@dagwright/kit';
import type { Agent, Block } from '@dagwright/workflow';

/** Everything a block needs to run once. */
export interface BlockContext {
  tenant: Tenant;
  runId: string;
  block: Block;
  /** The block's input: the run input for roots, otherwise the (mapped) outputs of the edges that fired. */
  input: Record<string, unknown>;
  /** `runId:blockId`, the same on every attempt and after a crash; passed to agents and HTTP calls. */
  idempotencyKey: string;
  /** Aborted on timeout, cancel, or when this engine lost the run's lease. */
  signal: AbortSignal;
  /** The catalog agent of an `agent` block. */
  agent: Agent | undefined;
}

/** What a block produced, with its cost accounting. */
export interface BlockResult {
  output: unknown;
  cost?: number;
  tokens?: number;
  model?: string;
}

/** Runs one block; throws `BlockError` (or anything) on failure. */
export type BlockHandler = (ctx: BlockContext) => Promise<BlockResult>;

/** A failure of a block's own work, with whether retrying can help. */
export class BlockError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'BlockError';
    this.retryable = retryable;
  }
}

/** Waits `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Objects stay as they are; any other output is wrapped as `{ value }` so successors can map fields from it. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}
