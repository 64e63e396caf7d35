/** Small pure helpers that change a run document in memory; the repository writes the result with compare-and-set. */
import { createEvent, outboxEntry, Topics } from '@dagwright/events';
import type { WorkflowExecuted } from '@dagwright/contracts/generated/dagwright/events/v1/WorkflowExecuted';
import type { Graph } from '@dagwright/workflow';
import type { BlockStateDoc, RunDoc, RunEventDoc, RunLogDoc } from '../runs/run.model.ts';
import { asRecord } from './block-handler.ts';
import { decide, type Plan } from './scheduler.ts';

const SOURCE = '//dagwright/workflow-engine';

/** Appends a transition to the run's new events, numbered after the stored ones. */
export function record(run: RunDoc, event: Omit<RunEventDoc, 'seq' | 'at'>): void {
  run.lastSeq += 1;
  run.newEvents.push({ ...event, seq: run.lastSeq, at: new Date() });
}

/**
 * Keeps the log of the attempt that produced a block's outcome with the event of that outcome (just
 * recorded), so outcome and log are stored by the same write.
 */
export function attachLog(run: RunDoc, log: RunLogDoc): void {
  const event = run.newEvents.at(-1);
  if (event?.blockId !== log.blockId)
    throw new Error(`run ${run.runId}: no new event of block ${log.blockId}`);
  event.log = log;
}

/** The state of one block (every block of the graph has one from the start). */
export function blockState(run: RunDoc, blockId: string): BlockStateDoc {
  const state = run.blocks.find((b) => b.blockId === blockId);
  if (state === undefined) throw new Error(`run ${run.runId} has no block ${blockId}`);
  return state;
}

/** Sets a block's status and records the transition. */
export function transition(
  run: RunDoc,
  blockId: string,
  status: BlockStateDoc['status'],
  changes: Partial<BlockStateDoc> = {},
  detail?: unknown,
): void {
  Object.assign(blockState(run, blockId), changes, { status });
  record(run, {
    kind: 'block',
    blockId,
    status,
    ...(detail === undefined ? {} : { detail: JSON.stringify(detail) }),
  });
}

/** Keeps `humanDeadline` at the earliest timeout of a waiting human block, for the timeout sweep. */
export function refreshHumanDeadline(run: RunDoc): void {
  const deadlines = run.blocks
    .filter((b) => b.status === 'waiting_human' && b.waitUntil !== undefined)
    .map((b) => (b.waitUntil as Date).getTime());
  if (deadlines.length === 0) delete run.humanDeadline;
  else run.humanDeadline = new Date(Math.min(...deadlines));
}

/** Blocks with no outgoing edges: their outputs are the run's output. */
export function sinks(graph: Graph): string[] {
  const withOut = new Set(graph.edges.map((e) => e.from));
  return graph.nodes.map((n) => n.id).filter((id) => !withOut.has(id));
}

/** The states as a map by block id. */
export function statesOf(run: RunDoc): Map<string, BlockStateDoc> {
  return new Map(run.blocks.map((b) => [b.blockId, b]));
}

/** Marks every block that has not finished as skipped (never started) or cancelled (started). */
export function stopRemaining(run: RunDoc): void {
  for (const state of run.blocks) {
    if (state.status === 'pending' || state.status === 'running' || state.status === 'waiting_human') {
      transition(run, state.blockId, state.status === 'pending' ? 'skipped' : 'cancelled', {
        finishedAt: new Date(),
      });
    }
  }
  refreshHumanDeadline(run);
}

/** Output of a finished block as an object (outputs are stored as JSON text). */
function outputOf(state: BlockStateDoc | undefined): Record<string, unknown> {
  return state?.output === undefined ? {} : asRecord(JSON.parse(state.output));
}

/** Sets the terminal state, the run output and the `workflow.executed` event in the same write. */
export function finalize(
  run: RunDoc,
  graph: Graph,
  status: 'succeeded' | 'failed' | 'cancelled',
  error?: string,
): void {
  const now = new Date();
  run.status = status;
  run.finishedAt = now;
  if (error !== undefined) run.error = error;
  const states = statesOf(run);
  run.output = JSON.stringify(
    Object.fromEntries(
      sinks(graph)
        .filter((id) => states.get(id)?.status === 'succeeded')
        .map((id) => [id, outputOf(states.get(id))]),
    ),
  );
  run.totalCost = run.blocks.reduce((sum, b) => sum + b.cost, 0);
  run.totalTokens = run.blocks.reduce((sum, b) => sum + b.tokens, 0);
  delete run.leaseOwner;
  delete run.leaseUntil;
  delete run.humanDeadline;
  record(run, { kind: 'run', status, ...(error === undefined ? {} : { detail: JSON.stringify({ error }) }) });
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const data: WorkflowExecuted = {
    runId: run.runId,
    workflowId: run.workflowId,
    workflowVersion: run.workflowVersion,
    status,
    startedAt: (run.startedAt ?? run.createdAt).toISOString(),
    finishedAt: now.toISOString(),
    durationMs: String(now.getTime() - (run.startedAt ?? run.createdAt).getTime()),
    totalCost: run.totalCost,
    totalTokens: String(run.totalTokens),
    error: error ?? '',
    blocks: run.blocks.map((b) => ({
      blockId: b.blockId,
      type: nodes.get(b.blockId)?.type ?? '',
      agentId: nodes.get(b.blockId)?.agentId ?? '',
      status: b.status,
      durationMs: String(b.startedAt && b.finishedAt ? b.finishedAt.getTime() - b.startedAt.getTime() : 0),
      attempts: b.attempts,
      cost: b.cost,
      tokens: String(b.tokens),
      model: b.model ?? '',
      error: b.error ?? '',
    })),
  };
  const tenant = { clientId: run.clientId, projectId: run.projectId, workspaceId: run.workspaceId };
  const event = createEvent({
    type: Topics.workflowExecuted,
    source: SOURCE,
    subject: run.runId,
    tenant,
    data,
  });
  run.outbox = [...(run.outbox ?? []), outboxEntry(Topics.workflowExecuted, event)];
}

/** What a scheduling round did to a run. */
export interface Round {
  /** Whether it changed the run. */
  changed: boolean;
  /** Blocks it marked running, to be launched once the write is stored. */
  starting: string[];
  /** `ended`: the run reached a terminal state; `parked`: only people are waited for, the lease is given up. */
  outcome: 'continue' | 'parked' | 'ended';
}

/**
 * One scheduling round on a live run whose lease the caller holds: starts the run, ends a strict run after a
 * failure, skips and starts blocks as the scheduler decides, finishes the run or parks it for a person.
 * It runs inside every write of the run's driver, so a block's outcome and the start of the blocks it
 * releases are stored together.
 */
export function advance(doc: RunDoc, graph: Graph, plan: Plan): Round {
  let changed = false;
  if (doc.status === 'queued' || doc.status === 'waiting_human') {
    doc.status = 'running';
    doc.startedAt ??= new Date();
    record(doc, { kind: 'run', status: 'running' });
    changed = true;
  }
  const failed = doc.blocks.find((b) => b.status === 'failed');
  if ((graph.errorHandling ?? 'strict') === 'strict' && failed !== undefined) {
    // A failure recorded elsewhere (a rejected human block) ends a strict run like any other failure.
    stopRemaining(doc);
    finalize(doc, graph, 'failed', `block '${failed.blockId}' failed: ${failed.error ?? 'unknown error'}`);
    return { changed: true, starting: [], outcome: 'ended' };
  }
  const decision = decide(plan, statesOf(doc));
  for (const id of decision.skip) transition(doc, id, 'skipped', { finishedAt: new Date() });
  for (const id of decision.start) {
    const state = blockState(doc, id);
    transition(doc, id, 'running', { attempts: state.attempts + 1, startedAt: new Date() });
  }
  changed ||= decision.skip.length > 0 || decision.start.length > 0;
  if (decision.finished) {
    const failures = doc.blocks.filter((b) => b.status === 'failed');
    const anySinkSucceeded = sinks(graph).some((id) => blockState(doc, id).status === 'succeeded');
    const ok = anySinkSucceeded || failures.length === 0;
    finalize(
      doc,
      graph,
      ok ? 'succeeded' : 'failed',
      ok ? undefined : `no final block succeeded; failed: ${failures.map((b) => b.blockId).join(', ')}`,
    );
    return { changed: true, starting: [], outcome: 'ended' };
  }
  if (decision.start.length === 0 && decision.running.length === 0 && decision.waiting.length > 0) {
    doc.status = 'waiting_human';
    delete doc.leaseOwner;
    delete doc.leaseUntil;
    record(doc, { kind: 'run', status: 'waiting_human' });
    return { changed: true, starting: [], outcome: 'parked' };
  }
  return { changed, starting: decision.start, outcome: 'continue' };
}
