import type { Collection, Db, Filter } from 'mongodb';
import { ConflictError, ensureIndexes, NotFoundError, type Page, type Tenant } from '@dagwright/kit';
import { byTenant } from '../tenant.ts';
import { TERMINAL_RUN, type RunDoc, type RunLogDoc, type RunStatus } from './run.model.ts';

/** How many times a write retries after losing a compare-and-set to a concurrent writer. */
const CAS_RETRIES = 20;

/** A change to a run, computed from the latest stored state; `undefined` means "nothing to write". */
export type RunMutation = (run: RunDoc) => RunDoc | undefined;

/** Runs and their execution logs. Every run write is a compare-and-set on `version`. */
export class RunRepository {
  readonly runs: Collection<RunDoc>;
  private readonly logs: Collection<RunLogDoc>;

  constructor(db: Db) {
    this.runs = db.collection<RunDoc>('runs');
    this.logs = db.collection<RunLogDoc>('run_logs');
  }

  /** Creates the indexes: tenant first, except the recovery scan, which is system tooling across tenants. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.runs, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, runId: 1 },
        name: 'tenant_run_unique',
        unique: true,
      },
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, workflowId: 1, runId: 1 },
        name: 'tenant_workflow_runs',
      },
      { key: { status: 1, leaseUntil: 1 }, name: 'recovery_scan' },
    ]);
    await ensureIndexes(this.logs, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, runId: 1, blockId: 1, attempt: 1 },
        name: 'tenant_run_log_unique',
        unique: true,
      },
    ]);
  }

  /** Stores a new run. */
  async insert(run: RunDoc): Promise<void> {
    await this.runs.insertOne({ ...run });
  }

  /** One run, or NOT_FOUND. */
  async get(tenant: Tenant, runId: string): Promise<RunDoc> {
    const run = await this.runs.findOne(
      { ...byTenant(tenant), runId },
      { projection: { _id: 0, outbox: 0 } },
    );
    if (run === null) throw new NotFoundError('run', runId);
    return run;
  }

  /** A page of runs ordered by id (ids are time-ordered), optionally of one workflow and status. */
  async list(
    tenant: Tenant,
    page: Page,
    filter: { workflowId?: string; status?: string },
  ): Promise<RunDoc[]> {
    const query: Filter<RunDoc> = {
      ...byTenant(tenant),
      ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
      ...(filter.status ? { status: filter.status as RunStatus } : {}),
      ...(page.after === undefined ? {} : { runId: { $lt: page.after } }),
    };
    return this.runs
      .find(query, { projection: { _id: 0, outbox: 0, events: 0 } })
      .sort({ runId: -1 })
      .limit(page.size)
      .toArray();
  }

  /**
   * Applies `mutate` to the latest state and writes it if nobody wrote in between; on a lost race it reads
   * again and re-applies, so concurrent writers serialise. Returns the stored state.
   */
  async update(tenant: Tenant, runId: string, mutate: RunMutation): Promise<RunDoc> {
    for (let attempt = 0; attempt < CAS_RETRIES; attempt++) {
      const current = await this.runs.findOne({ ...byTenant(tenant), runId }, { projection: { _id: 0 } });
      if (current === null) throw new NotFoundError('run', runId);
      const next = mutate(structuredClone(current));
      if (next === undefined) return current;
      const written = { ...next, version: current.version + 1 };
      const result = await this.runs.replaceOne(
        { ...byTenant(tenant), runId, version: current.version },
        written,
      );
      if (result.modifiedCount === 1) return written;
    }
    throw new ConflictError(`run '${runId}' is changing too fast; try again`, 'CONCURRENT_UPDATE');
  }

  /** Takes (or renews) the lease of a run for `owner`; false when another live owner holds it or the run ended. */
  async acquireLease(tenant: Tenant, runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const free: Filter<RunDoc> = {
      ...byTenant(tenant),
      runId,
      status: { $in: ['queued', 'running'] },
      $or: [{ leaseOwner: owner }, { leaseUntil: { $lt: now } }, { leaseUntil: { $exists: false } }],
    };
    const result = await this.runs.updateOne(free, {
      $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
      $inc: { version: 1 },
    });
    return result.modifiedCount === 1;
  }

  /** Runs whose owner stopped renewing (crashed or partitioned), oldest lease first; across tenants. */
  async expiredLeases(limit: number): Promise<{ tenant: Tenant; runId: string }[]> {
    const docs = await this.runs
      .find(
        {
          status: { $in: ['queued', 'running'] },
          $or: [{ leaseUntil: { $lt: new Date() } }, { leaseUntil: { $exists: false } }],
        },
        { projection: { _id: 0, clientId: 1, projectId: 1, workspaceId: 1, runId: 1 } },
      )
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      tenant: { clientId: d.clientId, projectId: d.projectId, workspaceId: d.workspaceId },
      runId: d.runId,
    }));
  }

  /** Runs waiting for a person whose earliest human timeout has passed; across tenants. */
  async dueHumanTimeouts(limit: number): Promise<{ tenant: Tenant; runId: string }[]> {
    const docs = await this.runs
      .find(
        { status: { $in: ['waiting_human', 'running'] }, humanDeadline: { $lt: new Date() } },
        { projection: { _id: 0, clientId: 1, projectId: 1, workspaceId: 1, runId: 1 } },
      )
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      tenant: { clientId: d.clientId, projectId: d.projectId, workspaceId: d.workspaceId },
      runId: d.runId,
    }));
  }

  /** Records one attempt of a block; writing the same attempt again (after a crash) replaces it. */
  async log(entry: RunLogDoc): Promise<void> {
    const key = {
      clientId: entry.clientId,
      projectId: entry.projectId,
      workspaceId: entry.workspaceId,
      runId: entry.runId,
      blockId: entry.blockId,
      attempt: entry.attempt,
    };
    await this.logs.replaceOne(key, entry, { upsert: true });
  }

  /** Every logged attempt of a run, by block and attempt. */
  async logsOf(tenant: Tenant, runId: string): Promise<RunLogDoc[]> {
    return this.logs
      .find({ ...byTenant(tenant), runId }, { projection: { _id: 0 } })
      .sort({ blockId: 1, attempt: 1 })
      .limit(10_000)
      .toArray();
  }

  /** Whether the run has reached a terminal state. */
  static isTerminal(run: RunDoc): boolean {
    return TERMINAL_RUN.has(run.status);
  }
}
