import type { Collection, Db, Filter, UpdateFilter } from 'mongodb';
import {
  byTenant,
  ConflictError,
  ensureIndexes,
  NotFoundError,
  type Page,
  type Tenant,
} from '@dagwright/kit';
import { TERMINAL_RUN, type RunDoc, type RunLogDoc, type RunStatus } from './run.model.ts';

/** How many times a write retries after losing a compare-and-set to a concurrent writer. */
const CAS_RETRIES = 20;

/** A change to a run, computed from the latest stored state; `undefined` means "nothing to write". */
export type RunMutation = (run: RunDoc) => RunDoc | undefined;

/** Runs and their execution logs. Every run write is a compare-and-set on `version`. */
export class RunRepository {
  readonly runs: Collection<RunDoc>;
  private readonly logs: Collection<RunLogDoc>;
  /** The last state of each run written (or read for a write) here: the next write starts from it, unread. */
  private readonly known = new Map<string, RunDoc>();

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
   * Applies `mutate` to the last known state and writes only what changed, if nobody wrote in between
   * (version compare-and-set); on a lost race it reads again and re-applies, so concurrent writers
   * serialise. A mutation that finds nothing to do is re-checked against a fresh read. Returns the stored state.
   */
  async update(tenant: Tenant, runId: string, mutate: RunMutation): Promise<RunDoc> {
    const key = keyOf(tenant, runId);
    let current = this.known.get(key);
    let fresh = false;
    for (let attempt = 0; attempt < CAS_RETRIES; attempt++) {
      if (current === undefined) {
        const read = await this.runs.findOne({ ...byTenant(tenant), runId }, { projection: { _id: 0 } });
        if (read === null) throw new NotFoundError('run', runId);
        current = read;
        fresh = true;
      }
      let next: RunDoc | undefined;
      try {
        next = mutate(structuredClone(current));
      } catch (error) {
        // A verdict reached on remembered state (e.g. "lease lost", "not waiting") must hold on fresh state.
        if (fresh) throw error;
        current = undefined;
        continue;
      }
      if (next === undefined) {
        if (!fresh) {
          current = undefined;
          continue;
        }
        this.remember(key, current);
        return current;
      }
      const written = { ...next, version: current.version + 1 };
      const result = await this.runs.updateOne(
        { ...byTenant(tenant), runId, version: current.version },
        changesOf(current, written),
      );
      if (result.modifiedCount === 1) {
        this.remember(key, written);
        return written;
      }
      this.known.delete(key);
      current = undefined;
    }
    throw new ConflictError(`run '${runId}' is changing too fast; try again`, 'CONCURRENT_UPDATE');
  }

  /** Drops the remembered state of a run this replica no longer drives. */
  forget(tenant: Tenant, runId: string): void {
    this.known.delete(keyOf(tenant, runId));
  }

  private remember(key: string, run: RunDoc): void {
    if (TERMINAL_RUN.has(run.status)) this.known.delete(key);
    else this.known.set(key, run);
  }

  /**
   * Takes (or renews) the lease of a run for `owner`; false when another live owner holds it or the run ended.
   * A renewal leaves `version` alone, so it never invalidates the owner's own writes in flight; a takeover
   * bumps it, so every write the previous owner computed fails its compare-and-set.
   */
  async acquireLease(tenant: Tenant, runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs);
    const live: Filter<RunDoc> = { ...byTenant(tenant), runId, status: { $in: ['queued', 'running'] } };
    const renewed = await this.runs.updateOne(
      { ...live, leaseOwner: owner },
      { $set: { leaseUntil: until } },
    );
    if (renewed.modifiedCount === 1) return true;
    const taken = await this.runs.updateOne(
      { ...live, $or: [{ leaseUntil: { $lt: now } }, { leaseUntil: { $exists: false } }] },
      { $set: { leaseOwner: owner, leaseUntil: until }, $inc: { version: 1 } },
    );
    return taken.modifiedCount === 1;
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

const keyOf = (tenant: Tenant, runId: string): string =>
  `${tenant.clientId}/${tenant.projectId}/${tenant.workspaceId}/${runId}`;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The update that turns `before` into `after`: changed top-level fields are `$set` (or `$unset`), changed
 * block states `$set` one by one (`blocks.<i>`), and append-only lists (events, outbox) `$push` their new tail.
 */
function changesOf(before: RunDoc, after: RunDoc): UpdateFilter<RunDoc> {
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  const push: Record<string, { $each: unknown[] }> = {};
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[field];
    const is = b[field];
    if (is === undefined) {
      if (was !== undefined) unset[field] = '';
    } else if (field === 'blocks' && Array.isArray(was) && Array.isArray(is) && was.length === is.length) {
      is.forEach((state, i) => {
        if (!same(was[i], state)) set[`blocks.${i}`] = state;
      });
    } else if (
      (field === 'events' || field === 'outbox') &&
      Array.isArray(was) &&
      Array.isArray(is) &&
      is.length >= was.length &&
      (was.length === 0 || same(was[was.length - 1], is[was.length - 1]))
    ) {
      if (is.length > was.length) push[field] = { $each: is.slice(was.length) };
    } else if (!same(was, is)) {
      set[field] = is;
    }
  }
  return {
    ...(Object.keys(set).length > 0 ? { $set: set } : {}),
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    ...(Object.keys(push).length > 0 ? { $push: push } : {}),
  };
}
