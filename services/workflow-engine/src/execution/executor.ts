import { Counter, Histogram, type Registry } from 'prom-client';
import { ConflictError, type Logger, type Tenant } from '@dagwright/kit';
import { assembleInput, evaluateCondition, type Agent, type Block, type Graph } from '@dagwright/workflow';
import type { AgentRepository } from '../agents/agent.repository.ts';
import { TERMINAL_RUN, type RunDoc, type RunLogDoc } from '../runs/run.model.ts';
import type { RunRepository } from '../runs/run.repository.ts';
import { asRecord, BlockError, sleep, type BlockHandler, type BlockResult } from './block-handler.ts';
import type { WorkingBlockType } from './handlers.ts';
import {
  advance,
  attachLog,
  blockState,
  finalize,
  record,
  refreshHumanDeadline,
  statesOf,
  stopRemaining,
  transition,
  type Round,
} from './run-state.ts';
import { planOf, type Plan } from './scheduler.ts';

/** What the executor needs from the outside world. */
export interface ExecutorDeps {
  runs: RunRepository;
  agents: AgentRepository;
  handlers: Record<WorkingBlockType, BlockHandler>;
  logger: Logger;
  /** This engine replica's identity in leases. */
  owner: string;
  leaseMs: number;
  /** Asked to publish right after a run wrote events to its outbox. */
  onOutbox: () => void;
  /** Domain metrics: finished runs by status, block durations by type and outcome. */
  metrics: EngineMetrics;
}

/** The engine's domain metrics (§9), on the service's Prometheus registry. */
export interface EngineMetrics {
  runsFinished: Counter<'status'>;
  blockDuration: Histogram<'type' | 'status'>;
}

/** Registers the engine's domain metrics. */
export function engineMetrics(registry: Registry): EngineMetrics {
  return {
    runsFinished: new Counter({
      name: 'dagwright_runs_finished_total',
      help: 'Runs that reached a terminal state, by status.',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    blockDuration: new Histogram({
      name: 'dagwright_block_duration_seconds',
      help: 'Time from a block starting to its outcome, by block type and outcome.',
      labelNames: ['type', 'status'] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}

/** Thrown inside a run write when another replica owns the run now: this one must stop. */
class LeaseLost extends Error {}

const ADAPTIVE_DEFAULT_ATTEMPTS = 3;
/** A scheduling round that did nothing. */
const IDLE: Round = { changed: false, starting: [], outcome: 'continue' };

/**
 * Drives runs to completion. A run is driven by the replica that holds its lease; every block transition is
 * written (compare-and-set) before anything depends on it, so another replica can take over after a crash:
 * finished blocks are never re-run, in-flight ones re-run with the same idempotency key.
 */
export class RunExecutor {
  private readonly deps: ExecutorDeps;
  private readonly driving = new Map<string, RunDriver>();
  private recoveryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(deps: ExecutorDeps) {
    this.deps = deps;
  }

  /** Starts driving a run here if its lease can be taken; returns at once. */
  drive(tenant: Tenant, runId: string): void {
    const key = `${tenant.clientId}/${tenant.projectId}/${tenant.workspaceId}/${runId}`;
    // A driver that is letting go (its run parked or ended) does not look again: a new one takes over.
    if (this.driving.get(key)?.wake() === true) return;
    if (this.stopped) return;
    const driver = new RunDriver(this.deps, tenant, runId);
    this.driving.set(key, driver);
    void driver
      .run()
      .catch((err: unknown) => this.deps.logger.error({ err, runId }, 'run driver failed'))
      .finally(() => {
        if (this.driving.get(key) === driver) this.driving.delete(key);
      });
  }

  /** Takes over runs whose lease expired and applies due human timeouts; returns how many runs it picked up. */
  async recoverOnce(): Promise<number> {
    const expired = await this.deps.runs.expiredLeases(50);
    for (const { tenant, runId } of expired) this.drive(tenant, runId);
    for (const { tenant, runId } of await this.deps.runs.dueHumanTimeouts(50)) {
      await applyHumanTimeouts(this.deps, tenant, runId).catch((err: unknown) =>
        this.deps.logger.warn({ err, runId }, 'human timeout failed'),
      );
      this.drive(tenant, runId);
    }
    return expired.length;
  }

  /** Runs `recoverOnce` now and then every `intervalMs`. */
  startRecovery(intervalMs: number): void {
    const tick = () => {
      void this.recoverOnce()
        .catch((err: unknown) => this.deps.logger.warn({ err }, 'recovery scan failed'))
        .finally(() => {
          if (!this.stopped) this.recoveryTimer = setTimeout(tick, intervalMs).unref();
        });
    };
    tick();
  }

  /** Stops driving: in-flight blocks are aborted and leases released, so another replica continues at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.recoveryTimer);
    await Promise.allSettled([...this.driving.values()].map((d) => d.release()));
  }

  /** Number of runs driven here right now. */
  get activeRuns(): number {
    return this.driving.size;
  }
}

/** Drives one run while this replica holds its lease. */
class RunDriver {
  private readonly deps: ExecutorDeps;
  private readonly tenant: Tenant;
  private readonly runId: string;
  private readonly inFlight = new Map<string, AbortController>();
  private readonly startedAt = new Map<string, number>();
  private readonly stopAll = new AbortController();
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;
  /** The run may have been changed elsewhere since this driver last wrote it: the next round checks. */
  private stale = true;
  /** Set by the write that parked or ended the run: the driver lets go. */
  private outcome: Round['outcome'] = 'continue';
  private graph: Graph | undefined;
  private plan: Plan | undefined;
  private agents = new Map<string, Agent>();

  constructor(deps: ExecutorDeps, tenant: Tenant, runId: string) {
    this.deps = deps;
    this.tenant = tenant;
    this.runId = runId;
  }

  /**
   * Makes the loop look at the run again: someone else may have changed it (`fromOutside`), or a block
   * finished here. False when this driver is letting go of the run and will not look again.
   */
  wake(fromOutside = true): boolean {
    if (this.lettingGo() || this.stopAll.signal.aborted) return false;
    if (fromOutside) this.stale = true;
    this.pendingWake = true;
    this.wakeUp?.();
    return true;
  }

  async run(): Promise<void> {
    const { runs, owner, leaseMs } = this.deps;
    if (!(await runs.acquireLease(this.tenant, this.runId, owner, leaseMs))) return;
    const renewal = setInterval(
      () => {
        void runs.acquireLease(this.tenant, this.runId, owner, leaseMs).then(
          (held) => (held ? this.wake() : this.abort('lease lost')),
          () => undefined,
        );
      },
      Math.max(200, Math.floor(leaseMs / 3)),
    );
    try {
      await this.load();
      for (;;) {
        const keepGoing = await this.step();
        if (!keepGoing || this.stopAll.signal.aborted) break;
        await this.sleepUntilWoken(Math.floor(leaseMs / 3));
      }
    } finally {
      clearInterval(renewal);
      this.abort('driver stopped');
      // The events its writes left in the run's journal go to `run_events` now that nobody here writes it.
      await this.deps.runs
        .forget(this.tenant, this.runId)
        .catch((err: unknown) =>
          this.deps.logger.warn({ err, runId: this.runId }, 'storing run events failed'),
        );
    }
  }

  /** Gives the run back: aborts in-flight blocks, lets the lease expire now and stores the journal's events. */
  async release(): Promise<void> {
    this.abort('engine stopping');
    await this.deps.runs
      .update(
        this.tenant,
        this.runId,
        (run) => {
          if (run.leaseOwner !== this.deps.owner || TERMINAL_RUN.has(run.status)) return undefined;
          run.leaseUntil = new Date(0);
          return run;
        },
        { flush: true },
      )
      .catch(() => undefined);
    await this.deps.runs
      .flush(this.tenant, this.runId)
      .catch((err: unknown) =>
        this.deps.logger.warn({ err, runId: this.runId }, 'storing run events failed'),
      );
  }

  private abort(reason: string): void {
    if (!this.stopAll.signal.aborted) this.stopAll.abort(new Error(reason));
    for (const controller of this.inFlight.values()) controller.abort(new Error(reason));
    this.wakeUp?.();
  }

  private async load(): Promise<void> {
    this.graph = await this.deps.runs.graph(this.tenant, this.runId);
    this.plan = planOf(this.graph);
    const agentIds = this.graph.nodes.map((n) => n.agentId).filter((id): id is string => id !== undefined);
    this.agents = new Map((await this.deps.agents.getMany(this.tenant, agentIds)).map((a) => [a.id, a]));
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // Nothing happened here for a while: look at the stored run, someone else may have changed it.
        this.stale = true;
        done();
      }, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        this.pendingWake = false;
        done();
      };
    });
  }

  /**
   * One round of the loop: every write of the driver schedules (see `flush`), so this only has to notice
   * what happened elsewhere and re-launch orphaned blocks. False when done here.
   */
  private async step(): Promise<boolean> {
    if (this.lettingGo()) return false;
    const recheck = this.stale;
    this.stale = false;
    let run: RunDoc;
    try {
      run = await this.commit((doc) => {
        if (!TERMINAL_RUN.has(doc.status) && doc.leaseOwner !== this.deps.owner) throw new LeaseLost();
        return undefined;
      }, recheck);
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      throw error;
    }
    if (TERMINAL_RUN.has(run.status)) {
      // Ended elsewhere (cancelled); a run this driver ended was counted by the write that ended it.
      if (!this.lettingGo()) this.deps.metrics.runsFinished.inc({ status: run.status });
      this.outcome = 'ended';
      return false;
    }
    // The write above may have parked or ended the run (see `settle`).
    if (this.lettingGo()) return false;
    // Blocks marked running that nobody here is executing were in flight when their last owner stopped.
    for (const state of run.blocks)
      if (state.status === 'running' && !this.inFlight.has(state.blockId)) this.launch(state.blockId, run);
    return true;
  }

  /** Whether a write of this driver parked or ended the run, so the driver lets go of it. */
  private lettingGo(): boolean {
    return this.outcome !== 'continue';
  }

  private launch(blockId: string, run: RunDoc): void {
    const controller = new AbortController();
    this.inFlight.set(blockId, controller);
    this.startedAt.set(blockId, Date.now());
    void this.execute(blockId, run, controller.signal)
      .catch((err: unknown) => {
        if (!(err instanceof LeaseLost))
          this.deps.logger.error({ err, runId: this.runId, blockId }, 'block execution failed unexpectedly');
      })
      .finally(() => {
        this.inFlight.delete(blockId);
        this.wake(false);
      });
  }

  /** Builds a block's input from the run input (roots) or the outputs of the edges that fired into it (`$input` in mappings). */
  private async inputOf(block: Block, run: RunDoc): Promise<Record<string, unknown>> {
    const graph = this.graph as Graph;
    const incoming = graph.edges
      .map((edge, index) => ({ edge, index }))
      .filter(({ edge }) => edge.to === block.id);
    const runInput = asRecord(JSON.parse(run.input));
    if (incoming.length === 0) return runInput;
    const states = statesOf(run);
    const contributions = incoming.flatMap(({ edge, index }) => {
      const source = states.get(edge.from);
      if (source?.status !== 'succeeded' || !(source.firedEdges ?? []).includes(index)) return [];
      return [{ edge, output: source.output === undefined ? {} : (JSON.parse(source.output) as unknown) }];
    });
    return assembleInput(contributions, {}, { input: runInput });
  }

  /** Which outgoing edges fire for this output. */
  private async firedEdges(blockId: string, output: unknown): Promise<number[]> {
    const graph = this.graph as Graph;
    const fired: number[] = [];
    for (const [index, edge] of graph.edges.entries()) {
      if (edge.from !== blockId) continue;
      if (edge.condition === undefined || (await evaluateCondition(edge.condition, output)))
        fired.push(index);
    }
    return fired;
  }

  private async execute(blockId: string, started: RunDoc, signal: AbortSignal): Promise<void> {
    const graph = this.graph as Graph;
    const block = graph.nodes.find((n) => n.id === blockId);
    if (block === undefined) return;
    const input = await this.inputOf(block, started);
    if (block.type === 'human') {
      await this.waitForHuman(block);
      return;
    }
    if (block.type === 'condition') {
      await this.complete(block, { output: input }, input);
      return;
    }
    const attemptsSoFar = blockState(started, blockId).attempts;
    const result = await this.attempt(block, block, input, signal, attemptsSoFar);
    if (result.ok) {
      await this.complete(block, result.value, input, { log: result.log });
      return;
    }
    if (signal.aborted) return;
    const mode = graph.errorHandling ?? 'strict';
    if (mode === 'adaptive' && block.fallback !== undefined) {
      const fallback = graph.nodes.find((n) => n.id === block.fallback);
      if (fallback !== undefined) {
        const second = await this.attempt(
          block,
          fallback,
          input,
          signal,
          blockState(await this.deps.runs.get(this.tenant, this.runId), blockId).attempts,
        );
        if (second.ok) {
          await this.complete(block, second.value, input, { log: second.log, fallbackUsed: fallback.id });
          return;
        }
      }
    }
    await this.fail(block, result.error, mode === 'strict');
  }

  /**
   * Runs `handlerBlock`'s work for `block` with retries, timeouts and a log entry per attempt: a failed
   * attempt's entry is stored at once, a successful one's is returned, to be stored with the completion.
   */
  private async attempt(
    block: Block,
    handlerBlock: Block,
    input: Record<string, unknown>,
    signal: AbortSignal,
    firstAttempt: number,
  ): Promise<{ ok: true; value: BlockResult; log: RunLogDoc } | { ok: false; error: string }> {
    const mode = this.graph?.errorHandling ?? 'strict';
    const policy = handlerBlock.retry ??
      block.retry ?? { maxAttempts: mode === 'adaptive' ? ADAPTIVE_DEFAULT_ATTEMPTS : 1, backoffMs: 200 };
    const handler = this.deps.handlers[handlerBlock.type as WorkingBlockType];
    let attempt = Math.max(1, firstAttempt);
    let lastError = 'no attempt was made';
    for (let tries = 0; tries < policy.maxAttempts; tries++) {
      if (tries > 0) {
        try {
          await sleep(policy.backoffMs * 2 ** (tries - 1), signal);
        } catch {
          return { ok: false, error: 'aborted' };
        }
        attempt = await this.countAttempt(block.id);
      }
      const startedAt = new Date();
      const timeout = handlerBlock.timeoutMs ?? block.timeoutMs;
      const attemptSignal =
        timeout === undefined ? signal : AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
      try {
        const value = await handler({
          tenant: this.tenant,
          runId: this.runId,
          block: handlerBlock,
          input,
          idempotencyKey: `${this.runId}:${block.id}`,
          signal: attemptSignal,
          agent: handlerBlock.agentId === undefined ? undefined : this.agents.get(handlerBlock.agentId),
        });
        const log = this.logEntry(block, attempt, startedAt, input, {
          output: value.output,
          cost: value.cost,
          tokens: value.tokens,
          model: value.model,
        });
        return { ok: true, value, log };
      } catch (error) {
        const timedOut = timeout !== undefined && attemptSignal.aborted && !signal.aborted;
        lastError = timedOut ? `timed out after ${timeout} ms` : (error as Error).message;
        await this.deps.runs.log(this.logEntry(block, attempt, startedAt, input, { error: lastError }));
        if (signal.aborted) return { ok: false, error: 'aborted' };
        const retryable = timedOut || !(error instanceof BlockError) || error.retryable;
        if (!retryable) break;
      }
    }
    return { ok: false, error: lastError };
  }

  private async countAttempt(blockId: string): Promise<number> {
    const run = await this.write((doc) => {
      const state = blockState(doc, blockId);
      if (state.status !== 'running') return undefined;
      state.attempts += 1;
      record(doc, {
        kind: 'block',
        blockId,
        status: 'running',
        detail: JSON.stringify({ attempt: state.attempts }),
      });
      return doc;
    });
    return blockState(run, blockId).attempts;
  }

  private logEntry(
    block: Block,
    attempt: number,
    startedAt: Date,
    input: unknown,
    result: { output?: unknown; error?: string; cost?: number; tokens?: number; model?: string },
  ): RunLogDoc {
    const finishedAt = new Date();
    return {
      ...this.tenant,
      runId: this.runId,
      blockId: block.id,
      blockType: block.type,
      attempt,
      startedAt,
      finishedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      input: JSON.stringify(input),
      ...(result.output === undefined ? {} : { output: JSON.stringify(result.output) }),
      ...(result.error === undefined ? {} : { error: result.error }),
      cost: result.cost ?? 0,
      tokens: result.tokens ?? 0,
      ...(result.model === undefined ? {} : { model: result.model }),
    };
  }

  /** Writes the run if this replica still owns it and the run is not over. */
  private write(mutate: (doc: RunDoc) => RunDoc | undefined): Promise<RunDoc> {
    return this.commit((doc) => {
      if (TERMINAL_RUN.has(doc.status)) return undefined;
      if (doc.leaseOwner !== this.deps.owner && doc.status !== 'waiting_human') throw new LeaseLost();
      return mutate(doc);
    }, true);
  }

  /** Changes waiting for this driver's next write. */
  private queued: {
    mutate: (doc: RunDoc) => RunDoc | undefined;
    /** Confirm a "nothing to do" against the stored run (see `RunRepository.update`). */
    recheck: boolean;
    resolve: (run: RunDoc) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private flushing = false;

  /**
   * Group commit: this driver writes its run one write at a time, and the changes queued while a write is in
   * flight go out together, in order, in the next compare-and-set, so parallel blocks finishing at once do
   * not race each other for the run's version.
   */
  private commit(mutate: (doc: RunDoc) => RunDoc | undefined, recheck: boolean): Promise<RunDoc> {
    return new Promise((resolve, reject) => {
      this.queued.push({ mutate, recheck, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Writes the queued changes and, in the same write, a scheduling round (`advance`): a block's outcome and
   * the start of the blocks it releases are stored together, one write per block on a chain.
   */
  private async flush(): Promise<void> {
    const graph = this.graph as Graph;
    const plan = this.plan as Plan;
    this.flushing = true;
    try {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0);
        const done = { round: IDLE, ended: false };
        try {
          const run = await this.deps.runs.update(
            this.tenant,
            this.runId,
            (doc) => {
              done.round = IDLE;
              const wasOver = TERMINAL_RUN.has(doc.status);
              let changed = false;
              for (const { mutate } of batch) if (mutate(doc) !== undefined) changed = true;
              if (!TERMINAL_RUN.has(doc.status) && doc.leaseOwner === this.deps.owner)
                done.round = advance(doc, graph, plan);
              done.ended = !wasOver && TERMINAL_RUN.has(doc.status);
              return changed || done.round.changed ? doc : undefined;
            },
            { recheck: batch.some((b) => b.recheck) },
          );
          this.settle(run, done.round, done.ended);
          for (const { resolve } of batch) resolve(run);
        } catch (error) {
          for (const { reject } of batch) reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** After a write: launches the blocks it started, or lets go of a run it parked or ended. */
  private settle(run: RunDoc, round: Round, ended: boolean): void {
    if (ended) {
      this.outcome = 'ended';
      this.deps.metrics.runsFinished.inc({ status: run.status });
      this.deps.onOutbox();
      this.abort('run ended');
      return;
    }
    if (round.outcome === 'parked') {
      this.outcome = 'parked';
      this.wakeUp?.();
      return;
    }
    for (const id of round.starting) this.launch(id, run);
  }

  /** Records a block's success; the log of the attempt that produced it (if any) goes in the same write. */
  private async complete(
    block: Block,
    result: BlockResult,
    input: Record<string, unknown>,
    { log, fallbackUsed }: { log?: RunLogDoc; fallbackUsed?: string } = {},
  ): Promise<void> {
    let fired: number[];
    try {
      fired = await this.firedEdges(block.id, result.output);
    } catch (error) {
      if (log !== undefined) await this.deps.runs.log(log);
      await this.fail(
        block,
        `condition failed: ${(error as Error).message}`,
        (this.graph?.errorHandling ?? 'strict') === 'strict',
      );
      return;
    }
    this.observe(block, 'succeeded');
    await this.write((doc) => {
      if (blockState(doc, block.id).status !== 'running') return undefined;
      transition(doc, block.id, 'succeeded', {
        finishedAt: new Date(),
        output: JSON.stringify(result.output ?? input),
        firedEdges: fired,
        cost: result.cost ?? 0,
        tokens: result.tokens ?? 0,
        ...(result.model === undefined ? {} : { model: result.model }),
        ...(fallbackUsed === undefined ? {} : { fallbackUsed }),
      });
      if (log !== undefined) attachLog(doc, log);
      return doc;
    });
  }

  private observe(block: Block, status: 'succeeded' | 'failed'): void {
    const started = this.startedAt.get(block.id);
    if (started !== undefined)
      this.deps.metrics.blockDuration.observe({ type: block.type, status }, (Date.now() - started) / 1000);
  }

  private async fail(block: Block, error: string, failRun: boolean): Promise<void> {
    const graph = this.graph as Graph;
    this.observe(block, 'failed');
    await this.write((doc) => {
      if (blockState(doc, block.id).status !== 'running') return undefined;
      transition(doc, block.id, 'failed', { finishedAt: new Date(), error }, { error });
      if (failRun) {
        stopRemaining(doc);
        finalize(doc, graph, 'failed', `block '${block.id}' failed: ${error}`);
      }
      return doc;
    });
  }

  private async waitForHuman(block: Block): Promise<void> {
    const config = (block.config ?? {}) as { timeoutMs?: number };
    await this.write((doc) => {
      if (blockState(doc, block.id).status !== 'running') return undefined;
      transition(
        doc,
        block.id,
        'waiting_human',
        config.timeoutMs === undefined ? {} : { waitUntil: new Date(Date.now() + config.timeoutMs) },
      );
      refreshHumanDeadline(doc);
      return doc;
    });
  }
}

/** A person's answer to a human block. */
export interface HumanDecision {
  blockId: string;
  decision: 'approve' | 'reject';
  input: Record<string, unknown>;
  comment: string;
  decidedBy: string;
}

/**
 * Records a person's decision on a waiting human block. Of concurrent decisions exactly one is written; the
 * others find the block no longer waiting and get a conflict. A parked run is handed back to the scheduler.
 */
export async function decideHuman(
  runs: RunRepository,
  tenant: Tenant,
  runId: string,
  answer: HumanDecision,
): Promise<RunDoc> {
  const graph = await runs.graph(tenant, runId);
  const output = {
    decision: answer.decision,
    input: answer.input,
    comment: answer.comment,
    decidedBy: answer.decidedBy,
  };
  const fired: number[] = [];
  for (const [index, edge] of graph.edges.entries()) {
    if (
      edge.from === answer.blockId &&
      (edge.condition === undefined || (await evaluateCondition(edge.condition, output)))
    )
      fired.push(index);
  }
  return runs.update(tenant, runId, (doc) => {
    if (TERMINAL_RUN.has(doc.status))
      throw new ConflictError(`run '${runId}' has already ended (${doc.status})`, 'RUN_ENDED');
    const state = doc.blocks.find((b) => b.blockId === answer.blockId);
    if (state?.status !== 'waiting_human') {
      throw new ConflictError(`block '${answer.blockId}' is not waiting for a decision`, 'NOT_WAITING');
    }
    if (answer.decision === 'approve') {
      transition(
        doc,
        answer.blockId,
        'succeeded',
        { finishedAt: new Date(), output: JSON.stringify(output), firedEdges: fired },
        { decidedBy: answer.decidedBy },
      );
    } else {
      const error = `rejected by ${answer.decidedBy}${answer.comment ? `: ${answer.comment}` : ''}`;
      transition(
        doc,
        answer.blockId,
        'failed',
        { finishedAt: new Date(), output: JSON.stringify(output), error },
        { decidedBy: answer.decidedBy },
      );
    }
    delete state.waitUntil;
    refreshHumanDeadline(doc);
    if (doc.status === 'waiting_human') {
      // Parked runs have no owner; the caller hands the run to a driver.
      doc.status = 'running';
      record(doc, { kind: 'run', status: 'running' });
    }
    return doc;
  });
}

/** Applies the configured outcome to every waiting human block whose timeout passed. */
async function applyHumanTimeouts(deps: ExecutorDeps, tenant: Tenant, runId: string): Promise<void> {
  const run = await deps.runs.get(tenant, runId);
  const graph = JSON.parse(run.graph) as Graph;
  const due = run.blocks.filter(
    (b) => b.status === 'waiting_human' && b.waitUntil !== undefined && b.waitUntil.getTime() <= Date.now(),
  );
  for (const state of due) {
    const block = graph.nodes.find((n) => n.id === state.blockId);
    const onTimeout = ((block?.config ?? {}) as { onTimeout?: string }).onTimeout ?? 'fail';
    await decideHuman(deps.runs, tenant, runId, {
      blockId: state.blockId,
      decision: onTimeout === 'approve' ? 'approve' : 'reject',
      input: {},
      comment:
        onTimeout === 'fail'
          ? 'timed out waiting for a person'
          : `timed out; configured outcome: ${onTimeout}`,
      decidedBy: 'timeout',
    }).catch((err: unknown) => {
      if (!(err instanceof ConflictError)) throw err;
    });
  }
}
