import type { Db, MongoServerError } from 'mongodb';
import { ensureIndexes, type Logger } from '@dagwright/kit';
import type { EventBus, IncomingEvent, Subscription } from './bus.ts';
import { parseEvent, type DagwrightEvent } from './cloudevent.ts';

/** Name of the collection where each consumer records the events it has processed. */
export const PROCESSED_EVENTS = 'processed_events';

/**
 * Applies an event. `idempotencyKey` (the event id) must key the handler's own writes, so that re-applying
 * after a crash between the effect and its record changes nothing.
 */
export type EventHandler = (event: DagwrightEvent, idempotencyKey: string) => Promise<void>;

/** What happened to one delivered record. */
export type Outcome = 'applied' | 'duplicate' | 'rejected';

/** Creates the unique index that makes the processed-events record authoritative. */
export async function ensureProcessedIndex(db: Db): Promise<void> {
  await ensureIndexes(db.collection(PROCESSED_EVENTS), [
    {
      key: { clientId: 1, projectId: 1, workspaceId: 1, consumer: 1, eventId: 1 },
      name: 'tenant_consumer_event_unique',
      unique: true,
    },
  ]);
}

const isDuplicateKey = (err: unknown) => (err as MongoServerError | undefined)?.code === 11000;

/**
 * Wraps a handler so each event id is applied once per consumer: events already recorded are skipped, new
 * ones are applied and then recorded under a unique index. Redelivered events (Kafka delivers at least once)
 * are skipped; an event whose effect was written but not recorded is re-applied with the same key.
 * Malformed records are logged and skipped, never retried forever.
 */
export function idempotent(options: { db: Db; consumer: string; handler: EventHandler; logger: Logger }) {
  const processed = options.db.collection(PROCESSED_EVENTS);
  return async (record: IncomingEvent): Promise<Outcome> => {
    let event: DagwrightEvent;
    try {
      event = parseEvent(record.value);
    } catch (err) {
      options.logger.warn({ err, topic: record.topic, offset: record.offset }, 'skipping malformed event');
      return 'rejected';
    }
    const key = {
      clientId: event.clientid,
      projectId: event.projectid,
      workspaceId: event.workspaceid,
      consumer: options.consumer,
      eventId: event.id,
    };
    if ((await processed.countDocuments(key, { limit: 1 })) > 0) return 'duplicate';
    await options.handler(event, event.id);
    try {
      await processed.insertOne({ ...key, topic: record.topic, processedAt: new Date() });
    } catch (err) {
      // Another replica applied it concurrently; its record stands.
      if (!isDuplicateKey(err)) throw err;
      return 'duplicate';
    }
    return 'applied';
  };
}

/** Subscribes a consumer group with an idempotent handler; processed ids live in `db`. */
export async function startIdempotentConsumer(options: {
  bus: EventBus;
  db: Db;
  groupId: string;
  topics: readonly string[];
  handler: EventHandler;
  logger: Logger;
  fromBeginning?: boolean;
  onOutcome?: (outcome: Outcome, record: IncomingEvent) => void;
}): Promise<Subscription> {
  await ensureProcessedIndex(options.db);
  const apply = idempotent({
    db: options.db,
    consumer: options.groupId,
    handler: options.handler,
    logger: options.logger,
  });
  return options.bus.subscribe({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    handle: async (record) => {
      const outcome = await apply(record);
      options.onOutcome?.(outcome, record);
    },
  });
}
