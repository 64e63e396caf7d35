import type { Collection, Db, Filter } from 'mongodb';
import { byTenant, ensureIndexes, isDuplicateKey, type Tenant } from '@dagwright/kit';
import { eventKey } from './run-journal.ts';
import type { StoredRunEvent } from './run.model.ts';

/** An event as stored: the event plus its tenant, run and deterministic `_id`. */
type EventDocument = StoredRunEvent & {
  _id: string;
  clientId: string;
  projectId: string;
  workspaceId: string;
  runId: string;
};

/** The `run_events` collection: one document per event of a run, only ever inserted. */
export class RunEventStore {
  private readonly events: Collection<EventDocument>;

  constructor(db: Db) {
    this.events = db.collection<EventDocument>('run_events');
  }

  /** Creates the tenant-first unique index on run and sequence number. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.events, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, runId: 1, seq: 1 },
        name: 'tenant_run_event_unique',
        unique: true,
      },
    ]);
  }

  /** Inserts events of a journal; those already stored (a replay) are left as they are: an event never changes. */
  async insert(tenant: Tenant, runId: string, events: readonly StoredRunEvent[]): Promise<void> {
    if (events.length === 0) return;
    const docs = events.map((event) => ({
      ...event,
      _id: eventKey(tenant, runId, event.seq),
      ...byTenant(tenant),
      runId,
    }));
    try {
      await this.events.insertMany(docs, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      const replayOnly =
        writeErrors !== undefined && writeErrors.length > 0 && writeErrors.every(isDuplicateKey);
      if (!replayOnly && !isDuplicateKey(error)) throw error;
    }
  }

  /** The stored events of some runs of a tenant, without their attempt logs (read after the runs' heads). */
  ofRuns(tenant: Tenant, runIds: string[]): Promise<(StoredRunEvent & { runId: string })[]> {
    const runs = runIds.length === 1 ? runIds[0] : { $in: runIds };
    return this.events
      .find({ ...byTenant(tenant), runId: runs } as Filter<EventDocument>, { projection: { log: 0 } })
      .toArray();
  }

  /** The stored events of a run after `afterSeq`, as streams show them (no block states, no logs). */
  after(tenant: Tenant, runId: string, afterSeq: number): Promise<StoredRunEvent[]> {
    return this.events
      .find(
        { ...byTenant(tenant), runId, seq: { $gt: afterSeq } },
        { projection: { _id: 0, block: 0, log: 0 } },
      )
      .toArray();
  }

  /** The stored events of a run that carry the log of an attempt (block successes). */
  withLogs(tenant: Tenant, runId: string): Promise<StoredRunEvent[]> {
    return this.events
      .find(
        { ...byTenant(tenant), runId, log: { $exists: true } },
        { projection: { _id: 0, seq: 1, log: 1 } },
      )
      .toArray();
  }
}
