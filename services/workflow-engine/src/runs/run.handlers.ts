import { randomBytes } from 'node:crypto';
import {
  ConflictError,
  nextPageToken,
  readPage,
  UserError,
  ValidationError,
  type CallContext,
  type ServiceHandlers,
  parseJsonObject,
} from '@dagwright/kit';
import type { ExecuteWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ExecuteWorkflowRequest';
import type { ListRunsRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListRunsRequest';
import type { ResumeRunRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ResumeRunRequest';
import type { Run } from '@dagwright/contracts/generated/dagwright/engine/v1/Run';
import type { RunEvent } from '@dagwright/contracts/generated/dagwright/engine/v1/RunEvent';
import { configOf, validateData, type Block, type Graph } from '@dagwright/workflow';
import { decideHuman, type RunExecutor } from '../execution/executor.ts';
import { finalize, stopRemaining } from '../execution/run-state.ts';
import type { WorkflowRepository } from '../workflows/workflow.repository.ts';
import { newRunDoc, TERMINAL_RUN, type RunDoc, type RunEventDoc } from './run.model.ts';
import type { RunRepository } from './run.repository.ts';

/** Time-ordered, so listing by id lists by start time. */
function newRunId(): string {
  return `run_${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

const iso = (date: Date | undefined) => date?.toISOString() ?? '';

/** The proto view of a run. */
export function toRunMessage(run: RunDoc): Run {
  return {
    id: run.runId,
    workflowId: run.workflowId,
    workflowVersion: run.workflowVersion,
    status: run.status,
    inputJson: run.input,
    outputJson: run.output ?? '',
    blocks: run.blocks.map((b) => ({
      blockId: b.blockId,
      status: b.status,
      attempts: b.attempts,
      startedAt: iso(b.startedAt),
      finishedAt: iso(b.finishedAt),
      outputJson: b.output ?? '',
      error: b.error ?? '',
    })),
    error: run.error ?? '',
    totalCost: run.totalCost,
    totalTokens: String(run.totalTokens),
    createdAt: iso(run.createdAt),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    createdBy: run.createdBy,
  };
}

function toEventMessage(runId: string, event: RunEventDoc): RunEvent {
  return {
    runId,
    sequence: String(event.seq),
    kind: event.kind,
    blockId: event.blockId ?? '',
    status: event.status,
    at: event.at.toISOString(),
    detailJson: event.detail ?? '',
  };
}

/** How often a stream looks for new transitions (there are no change streams on FerretDB). */
const STREAM_POLL_MS = 200;

/** Runs over gRPC: execute, inspect, resume human blocks, cancel, stream transitions, read logs. */
export function runHandlers(deps: {
  runs: RunRepository;
  workflows: WorkflowRepository;
  executor: RunExecutor;
  onOutbox: () => void;
}): ServiceHandlers {
  const { runs, workflows, executor } = deps;
  return {
    ExecuteWorkflow: async (req: ExecuteWorkflowRequest__Output, ctx: CallContext) => {
      const input = parseJsonObject(req.inputJson, 'inputJson');
      const { version } = await workflows.get(ctx.tenant, req.workflowId, req.version);
      const graph = JSON.parse(version.graph) as Graph;
      const run = newRunDoc({
        tenant: ctx.tenant,
        runId: newRunId(),
        workflowId: req.workflowId,
        workflowVersion: version.version,
        graph: version.graph,
        blockIds: graph.nodes.map((n) => n.id),
        input: JSON.stringify(input),
        createdBy: ctx.userId ?? 'system',
      });
      await runs.insert(run);
      executor.drive(ctx.tenant, run.runId);
      return toRunMessage(run);
    },

    GetRun: async (req: { id: string }, ctx: CallContext) => toRunMessage(await runs.get(ctx.tenant, req.id)),

    ListRuns: async (req: ListRunsRequest__Output, ctx: CallContext) => {
      const page = readPage(req.page);
      const docs = await runs.list(ctx.tenant, page, {
        workflowId: req.workflowId || undefined,
        status: req.status || undefined,
      });
      return {
        runs: docs.map(toRunMessage),
        page: { nextPageToken: nextPageToken(docs.length, page, docs.at(-1)?.runId) },
      };
    },

    ResumeRun: async (req: ResumeRunRequest__Output, ctx: CallContext) => {
      if (req.decision !== 'approve' && req.decision !== 'reject') {
        throw new ValidationError('decision must be approve or reject', [
          { code: 'INVALID_DECISION', path: 'decision', message: "use 'approve' or 'reject'" },
        ]);
      }
      const input = parseJsonObject(req.inputJson, 'inputJson');
      const block = (await runs.graph(ctx.tenant, req.id)).nodes.find((n) => n.id === req.blockId);
      if (block?.type !== 'human') {
        throw new UserError(
          'not_found',
          'NOT_A_HUMAN_BLOCK',
          `run '${req.id}' has no human block '${req.blockId}'`,
        );
      }
      if (req.decision === 'approve') checkHumanInput(block, input);
      const run = await decideHuman(runs, ctx.tenant, req.id, {
        blockId: req.blockId,
        decision: req.decision,
        input,
        comment: req.comment,
        decidedBy: ctx.userId ?? 'unknown',
      });
      executor.drive(ctx.tenant, req.id);
      return toRunMessage(run);
    },

    CancelRun: async (req: { id: string; reason: string }, ctx: CallContext) => {
      const run = await runs.update(ctx.tenant, req.id, (doc) => {
        if (doc.status === 'cancelled') return undefined;
        if (TERMINAL_RUN.has(doc.status))
          throw new ConflictError(`run '${req.id}' has already ${doc.status}`, 'RUN_ENDED');
        stopRemaining(doc);
        finalize(
          doc,
          JSON.parse(doc.graph) as Graph,
          'cancelled',
          req.reason ? `cancelled: ${req.reason}` : 'cancelled',
        );
        return doc;
      });
      deps.onOutbox();
      return toRunMessage(run);
    },

    StreamRunEvents: async (
      req: { id: string; afterSequence: string },
      ctx: CallContext,
      send: (e: RunEvent) => void,
      signal: AbortSignal,
    ) => {
      let after = Number(req.afterSequence || '0');
      if (!Number.isInteger(after) || after < 0) {
        throw new ValidationError('afterSequence must be a non-negative integer', [
          { code: 'OUT_OF_RANGE', path: 'afterSequence', message: 'expected >= 0' },
        ]);
      }
      while (!signal.aborted) {
        const { status, events } = await runs.eventsAfter(ctx.tenant, req.id, after);
        for (const event of events) {
          send(toEventMessage(req.id, event));
          after = event.seq;
        }
        if (TERMINAL_RUN.has(status)) return;
        await new Promise((resolve) => setTimeout(resolve, STREAM_POLL_MS));
      }
    },

    GetRunLogs: async (req: { id: string }, ctx: CallContext) => {
      const run = await runs.get(ctx.tenant, req.id);
      const graph = JSON.parse(run.graph) as Graph;
      const logs = await runs.logsOf(ctx.tenant, req.id);
      return {
        blocks: run.blocks.map((b) => ({
          blockId: b.blockId,
          type: graph.nodes.find((n) => n.id === b.blockId)?.type ?? '',
          status: b.status,
          attempts: logs
            .filter((l) => l.blockId === b.blockId)
            .map((l) => ({
              attempt: l.attempt,
              startedAt: iso(l.startedAt),
              finishedAt: iso(l.finishedAt),
              durationMs: String(l.durationMs ?? 0),
              inputJson: l.input,
              outputJson: l.output ?? '',
              error: l.error ?? '',
              cost: l.cost,
              tokens: String(l.tokens),
              model: l.model ?? '',
            })),
        })),
      };
    },
  };
}

/** An approval's input must satisfy the human block's input schema. */
function checkHumanInput(block: Block, input: Record<string, unknown>): void {
  const schema = configOf(block as Block & { type: 'human' }).inputSchema;
  if (schema === undefined) return;
  const problems = validateData(schema, input, '/input');
  if (problems.length > 0)
    throw new ValidationError(
      'the input does not match what the human block asks for',
      problems.map((p) => ({ ...p, path: `inputJson${p.path}` })),
    );
}
