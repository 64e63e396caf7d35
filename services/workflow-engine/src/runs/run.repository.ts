import type { Collection, Db, Filter } from 'mongodb';
import {
  byTenant,
  ConflictError,
  ensureIndexes,
  isDuplicateKey,
  NotFoundError,
  type Page,
  type Tenant,
} from '@dagwright/kit';
import type { Graph } from '@dagwright/workflow';
import {
  assembleRun,
  copyOf,
  decodeJournal,
  documentsOf,
  eventsUpTo,
  headChanges,
  journaled,
  journalFull,
  journalOf,
  journalText,
  publicEvent,
  runKey,
  type JournaledEvent,
} from './run-journal.ts';
import { RunEventStore } from './run-events.store.ts';
import {
  TERMINAL_RUN,
  type RunDoc,
  type RunEventDoc,
  type RunGraphDoc,
  type RunHeadDoc,
  type RunLogDoc,
  type RunStatus,
} from './run.model.ts';

/** How many times a write retries after losing a compare-and-set to a concurrent writer. */
const CAS_RETRIES = 20;
/** Runs whose latest state a replica keeps in memory; older entries are read again when needed. */
const REMEMBERED_RUNS = 2000;
/** Runs whose graph (up to a few hundred KB each) a replica keeps parsed; older ones are read again. */
const REMEMBERED_GRAPHS = 200;

/**
 * A change to a run, computed from the latest stored state; `undefined` means "nothing to write". It may
 * assign fields of the run and of its block states, and record events; it must not change a date in place.
 */
export type RunMutation = (run: RunDoc) => RunDoc | undefined;

/** The last state of a run written (or read for a write) here, and the events its head's journal holds that may not be stored. */
interface Known {
  run: RunDoc;
  pending: JournaledEvent[];
}

/** A run's immutable part, parsed once. */
interface Statics {
  doc: RunGraphDoc;
  blockIds: string[];
}

/**
 * Runs, their transitions and their execution logs. A run is a small head document (status, `version`,
 * lease, counters, outbox, journal of the latest writes) plus its graph, written once, and its events, only
 * ever inserted; every write is a compare-and-set on the head's `version`, and the journal's events are
 * inserted in one batch when it is full, when the run ends or parks, and when its driver lets go.
 */
export class RunRepository {
  /** The heads; the outbox relay reads their `outbox`. */
  readonly runs: Collection<RunHeadDoc>;
  private readonly graphs: Collection<RunGraphDoc>;
  private readonly events: RunEventStore;
  private readonly logs: Collection<RunLogDoc>;
  /** The last state of each run written (or read for a write) here: the next write starts from it, unread. */
  private readonly known = new Map<string, Known>();
  private readonly statics = new Map<string, Statics>();

  constructor(db: Db) {
    this.runs = db.collection<RunHeadDoc>('runs');
    this.graphs = db.collection<RunGraphDoc>('run_graphs');
    this.events = new RunEventStore(db);
    this.logs = db.collection<RunLogDoc>('run_logs');
  }

  /** Creates the indexes, one at a time: tenant first, except the recovery scan, which is system tooling across tenants. */
  async ensureIndexes(): Promise<void> {
    const tenantRun = { clientId: 1, projectId: 1, workspaceId: 1, runId: 1 } as const;
    await ensureIndexes(this.runs, [
      { key: tenantRun, name: 'tenant_run_unique', unique: true },
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, workflowId: 1, runId: 1 },
        name: 'tenant_workflow_runs',
      },
      { key: { status: 1, leaseUntil: 1 }, name: 'recovery_scan' },
    ]);
    await ensureIndexes(this.graphs, [{ key: tenantRun, name: 'tenant_run_unique', unique: true }]);
    await this.events.ensureIndexes();
    await ensureIndexes(this.logs, [
      { key: { ...tenantRun, blockId: 1, attempt: 1 }, name: 'tenant_run_log_unique', unique: true },
    ]);
  }

  /** Stores a new run: its graph first, then its head, which makes it exist (its first events in the journal). */
  async insert(run: RunDoc): Promise<void> {
    const { head, graph } = documentsOf(run);
    await this.graphs.insertOne(graph);
    await this.runs.insertOne(head);
    const blockIds = run.blocks.map((b) => b.blockId);
    bounded(this.statics, head._id, { doc: graph, blockIds }, REMEMBERED_GRAPHS);
  }

  /** One run as of its head's version, or NOT_FOUND. */
  async get(tenant: Tenant, runId: string): Promise<RunDoc> {
    const head = await this.head(tenant, runId);
    const [statics, stored] = await Promise.all([
      this.staticsOf(tenant, runId),
      this.events.ofRuns(tenant, [runId]),
    ]);
    return assembleRun(head, statics.doc, statics.blockIds, stored);
  }

  /** The graph of a run (immutable), or NOT_FOUND. */
  async graph(tenant: Tenant, runId: string): Promise<Graph> {
    return JSON.parse((await this.staticsOf(tenant, runId)).doc.graph) as Graph;
  }

  /** The run's status and its events after `afterSeq`, in order (for streams). */
  async eventsAfter(
    tenant: Tenant,
    runId: string,
    afterSeq: number,
  ): Promise<{ status: RunStatus; events: RunEventDoc[] }> {
    const head = await this.head(tenant, runId);
    if (head.lastSeq <= afterSeq) return { status: head.status, events: [] };
    const stored = await this.events.after(tenant, runId, afterSeq);
    const events = eventsUpTo(head, stored).filter((e) => e.seq > afterSeq);
    return { status: head.status, events: events.map(publicEvent) };
  }

  /** A page of runs ordered by id (ids are time-ordered), optionally of one workflow and status. */
  async list(
    tenant: Tenant,
    page: Page,
    filter: { workflowId?: string; status?: string },
  ): Promise<RunDoc[]> {
    const query: Filter<RunHeadDoc> = {
      ...byTenant(tenant),
      lastSeq: { $exists: true },
      ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
      ...(filter.status ? { status: filter.status as RunStatus } : {}),
      ...(page.after === undefined ? {} : { runId: { $lt: page.after } }),
    };
    const heads = await this.runs
      .find(query, { projection: { outbox: 0 } })
      .sort({ runId: -1 })
      .limit(page.size)
      .toArray();
    if (heads.length === 0) return [];
    const [statics, stored] = await Promise.all([
      Promise.all(heads.map((h) => this.staticsOf(tenant, h.runId))),
      this.events.ofRuns(
        tenant,
        heads.map((h) => h.runId),
      ),
    ]);
    return heads.map((head, i) => {
      const { doc, blockIds } = statics[i] as Statics;
      return assembleRun(
        head,
        doc,
        blockIds,
        stored.filter((e) => e.runId === head.runId),
      );
    });
  }

  /**
   * Applies `mutate` to the last known state and writes what changed, if nobody wrote in between: the head
   * with a compare-and-set on `version`, its journal holding the new events after those of earlier writes
   * not stored yet. The journal's events are inserted into `run_events` once it is full (the events carried
   * so far go first when the new ones would overfill it), when the run ends or parks, or when `flush` says
   * so. On a lost race it reads again and re-applies, so concurrent writers serialise. A verdict reached on
   * remembered state (nothing to do, or a thrown refusal) is confirmed against the stored version unless
   * `recheck` is false (the caller knows nobody else writes). Returns the stored state.
   */
  async update(
    tenant: Tenant,
    runId: string,
    mutate: RunMutation,
    options: { recheck?: boolean; flush?: boolean } = {},
  ): Promise<RunDoc> {
    const key = runKey(tenant, runId);
    let known = this.known.get(key);
    let fresh = false;
    for (let attempt = 0; attempt < CAS_RETRIES; attempt++) {
      if (known === undefined) {
        known = await this.loadForWrite(tenant, runId);
        fresh = true;
      }
      const current = known.run;
      let next: RunDoc | undefined;
      let refusal: { error: unknown } | undefined;
      try {
        next = mutate(copyOf(current));
      } catch (error) {
        refusal = { error };
      }
      if (next === undefined) {
        const confirm = refusal !== undefined || options.recheck !== false;
        if (!fresh && confirm && !(await this.isStoredVersion(tenant, runId, current.version))) {
          this.known.delete(key);
          known = undefined;
          continue;
        }
        if (refusal !== undefined) throw refusal.error;
        return current;
      }
      const version = current.version + 1;
      const added = journaled(journalOf(current, next, version).events);
      let carried = known.pending;
      if (carried.length > 0 && journalFull([...carried, ...added])) {
        // Events of committed writes (this head's journal holds them): storing them early is always right.
        await this.store(tenant, runId, carried);
        carried = [];
      }
      const journal = [...carried, ...added];
      const result = await this.runs.updateOne(
        { _id: key, ...byTenant(tenant), runId, version: current.version },
        headChanges(current, next, version, journalText(version, journal)),
      );
      this.known.delete(key);
      if (result.modifiedCount === 1) {
        const written: RunDoc = { ...next, version, newEvents: [] };
        const settled = TERMINAL_RUN.has(written.status) || written.status === 'waiting_human';
        let pending = journal;
        if (options.flush === true || settled || journalFull(journal)) {
          // Committed. Should storing the events fail, the caller hears of it, the journal still holds them,
          // and the next write (which reads afresh, as nothing is remembered now) stores them first.
          await this.store(tenant, runId, journal);
          pending = [];
        }
        this.remember(key, { run: written, pending });
        return written;
      }
      known = undefined;
    }
    throw new ConflictError(`run '${runId}' is changing too fast; try again`, 'CONCURRENT_UPDATE');
  }

  /**
   * Stores the events this replica's last write of a run left in its head's journal (a driver letting go of
   * the run). They leave the journal with the run's next write; until then readers see each once.
   */
  async flush(tenant: Tenant, runId: string): Promise<void> {
    const key = runKey(tenant, runId);
    const known = this.known.get(key);
    if (known === undefined || known.pending.length === 0) return;
    await this.store(tenant, runId, known.pending);
    // A write that finished meanwhile carries these events on; storing them again later is harmless.
    if (this.known.get(key) === known) this.known.set(key, { ...known, pending: [] });
  }

  /** Stores what the last write here left in the journal (`flush`), then drops the remembered state of the run. */
  async forget(tenant: Tenant, runId: string): Promise<void> {
    try {
      await this.flush(tenant, runId);
    } finally {
      this.known.delete(runKey(tenant, runId));
    }
  }

  /**
   * Takes (or renews) the lease of a run for `owner`; false when another live owner holds it or the run ended.
   * A renewal leaves `version` alone, so it never invalidates the owner's own writes in flight; a takeover
   * bumps it, so every write the previous owner computed fails its compare-and-set.
   */
  async acquireLease(tenant: Tenant, runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs);
    const live: Filter<RunHeadDoc> = {
      _id: runKey(tenant, runId),
      ...byTenant(tenant),
      runId,
      status: { $in: ['queued', 'running'] },
    };
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

  /**
   * Runs whose owner stopped renewing (crashed or partitioned), oldest lease first; across tenants. Runs
   * stored in the earlier single-document layout (no `lastSeq`) are left alone: this code cannot drive them.
   */
  async expiredLeases(limit: number): Promise<{ tenant: Tenant; runId: string }[]> {
    return this.scan(
      {
        status: { $in: ['queued', 'running'] },
        lastSeq: { $exists: true },
        $or: [{ leaseUntil: { $lt: new Date() } }, { leaseUntil: { $exists: false } }],
      },
      limit,
    );
  }

  /** Runs waiting for a person whose earliest human timeout has passed; across tenants. */
  async dueHumanTimeouts(limit: number): Promise<{ tenant: Tenant; runId: string }[]> {
    return this.scan(
      {
        status: { $in: ['waiting_human', 'running'] },
        lastSeq: { $exists: true },
        humanDeadline: { $lt: new Date() },
      },
      limit,
    );
  }

  /**
   * Records one failed or aborted attempt of a block (a successful one is stored with the block's completion,
   * see `attachLog`); writing the same attempt again (after a crash) replaces it. An insert first: on
   * FerretDB an insert costs the same however many logs there are, an update does not.
   */
  async log(entry: RunLogDoc): Promise<void> {
    const tenant = { clientId: entry.clientId, projectId: entry.projectId, workspaceId: entry.workspaceId };
    const _id = `${runKey(tenant, entry.runId)}/${encodeURIComponent(entry.blockId)}/${entry.attempt}`;
    const logs = this.logs as unknown as Collection<RunLogDoc & { _id: string }>;
    try {
      await logs.insertOne({ _id, ...entry });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await logs.replaceOne({ _id, ...byTenant(tenant), runId: entry.runId }, entry);
    }
  }

  /**
   * Every logged attempt of a run, by block and attempt: the failed and aborted ones (`run_logs`) and the
   * successful ones, stored with their block's completion; for the same attempt the latter wins.
   */
  async logsOf(tenant: Tenant, runId: string): Promise<RunLogDoc[]> {
    const head = await this.head(tenant, runId);
    const [standalone, withLogs] = await Promise.all([
      this.logs
        .find({ ...byTenant(tenant), runId }, { projection: { _id: 0 } })
        .limit(10_000)
        .toArray(),
      this.events.withLogs(tenant, runId),
    ]);
    const byAttempt = new Map<string, RunLogDoc>();
    for (const log of standalone) byAttempt.set(`${log.blockId}/${log.attempt}`, log);
    for (const { log } of eventsUpTo(head, withLogs))
      if (log !== undefined) byAttempt.set(`${log.blockId}/${log.attempt}`, log);
    return [...byAttempt.values()].sort((a, b) =>
      a.blockId === b.blockId ? a.attempt - b.attempt : a.blockId < b.blockId ? -1 : 1,
    );
  }

  /** Whether the run has reached a terminal state. */
  static isTerminal(run: RunDoc): boolean {
    return TERMINAL_RUN.has(run.status);
  }

  private async head(tenant: Tenant, runId: string): Promise<RunHeadDoc> {
    const head = await this.runs.findOne(
      { _id: runKey(tenant, runId), ...byTenant(tenant), runId },
      { projection: { outbox: 0 } },
    );
    if (head === null) throw new NotFoundError('run', runId);
    return head;
  }

  private async staticsOf(tenant: Tenant, runId: string): Promise<Statics> {
    const key = runKey(tenant, runId);
    const cached = this.statics.get(key);
    if (cached !== undefined) return cached;
    const doc = await this.graphs.findOne({ _id: key, ...byTenant(tenant), runId });
    if (doc === null) throw new NotFoundError('run', runId);
    const statics = { doc, blockIds: (JSON.parse(doc.graph) as Graph).nodes.map((n) => n.id) };
    bounded(this.statics, key, statics, REMEMBERED_GRAPHS);
    return statics;
  }

  /** Inserts journaled events into `run_events` (idempotent). */
  private store(tenant: Tenant, runId: string, entries: readonly JournaledEvent[]): Promise<void> {
    return this.events.insert(
      tenant,
      runId,
      entries.map((e) => e.event),
    );
  }

  /** Reads a run for a write and first stores the events of its head's journal that are not stored yet. */
  private async loadForWrite(tenant: Tenant, runId: string): Promise<Known> {
    const head = await this.head(tenant, runId);
    const [statics, stored] = await Promise.all([
      this.staticsOf(tenant, runId),
      this.events.ofRuns(tenant, [runId]),
    ]);
    const have = new Set(stored.map((e) => e.seq));
    const journal = decodeJournal(head.journal);
    const missing = journal.events.filter((e) => !have.has(e.seq));
    if (missing.length > 0) await this.events.insert(tenant, runId, missing);
    const known = { run: assembleRun(head, statics.doc, statics.blockIds, stored), pending: [] };
    this.remember(runKey(tenant, runId), known);
    return known;
  }

  private async isStoredVersion(tenant: Tenant, runId: string, version: number): Promise<boolean> {
    const head = await this.runs.findOne(
      { _id: runKey(tenant, runId), ...byTenant(tenant), runId },
      { projection: { _id: 0, version: 1 } },
    );
    return head?.version === version;
  }

  private async scan(
    filter: Filter<RunHeadDoc>,
    limit: number,
  ): Promise<{ tenant: Tenant; runId: string }[]> {
    const docs = await this.runs
      .find(filter, { projection: { _id: 0, clientId: 1, projectId: 1, workspaceId: 1, runId: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      tenant: { clientId: d.clientId, projectId: d.projectId, workspaceId: d.workspaceId },
      runId: d.runId,
    }));
  }

  private remember(key: string, known: Known): void {
    // Two writes of this replica may finish out of order; the newer state stays.
    if ((this.known.get(key)?.run.version ?? 0) > known.run.version) return;
    // A run dropped here with events pending keeps them in its head: the next writer stores them on reading it.
    if (TERMINAL_RUN.has(known.run.status)) this.known.delete(key);
    else bounded(this.known, key, known, REMEMBERED_RUNS);
  }
}

/** Sets `key` as the newest entry of `map`, dropping the oldest beyond `limit` entries. */
function bounded<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
}
