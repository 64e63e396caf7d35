import type { Collection, Document, Filter, UpdateFilter } from 'mongodb';
import type { Logger } from '@dagwright/kit';
import type { EventBus } from './bus.ts';
import type { DagwrightEvent } from './cloudevent.ts';

/** An event waiting in a document's `outbox` array until the relay has published it. */
export interface OutboxEntry {
  id: string;
  topic: string;
  /** The event as JSON text: payloads are arbitrary JSON, which the data rules store as strings. */
  event: string;
  createdAt: Date;
}

/** A document that can carry pending events. */
export interface WithOutbox {
  outbox?: OutboxEntry[];
}

/** Wraps an event for the outbox. */
export function outboxEntry(topic: string, event: DagwrightEvent): OutboxEntry {
  return { id: event.id, topic, event: JSON.stringify(event), createdAt: new Date() };
}

/**
 * The `$push` that appends events to a document's outbox. Merge it into the same update (or insert the
 * document with `outbox` set) as the state change that causes the events: one atomic write, so an event
 * exists if and only if its state change happened.
 */
export function pushToOutbox(...entries: OutboxEntry[]): UpdateFilter<WithOutbox> {
  return { $push: { outbox: { $each: entries } } };
}

/** Options of the relay. */
export interface OutboxRelayOptions {
  /** Collections whose documents may carry an outbox. */
  collections: Collection[];
  bus: EventBus;
  logger: Logger;
  /** How often to look for pending events when nobody called `notify` (ms). */
  intervalMs?: number;
  /** Documents taken per collection and round. */
  batchSize?: number;
  /** Longest wait between attempts while Kafka is down (ms). */
  maxBackoffMs?: number;
}

/**
 * Publishes pending outbox events and then removes them. Delivery is at least once: a crash between
 * publishing and removing publishes again, so consumers deduplicate on the event id. While Kafka is down
 * nothing is removed; the relay backs off and tries again.
 *
 * The relay is system tooling: it reads outboxes of every tenant, and only the outboxes.
 */
export class OutboxRelay {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  private readonly options: OutboxRelayOptions;

  constructor(options: OutboxRelayOptions) {
    this.options = options;
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
  }

  /** Starts the polling loop. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a round as soon as possible, e.g. right after a write that added events. */
  notify(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; returns how many events were published. Throws when Kafka fails. */
  async flush(): Promise<number> {
    let total = 0;
    for (const collection of this.options.collections) {
      for (;;) {
        const published = await this.relayBatch(collection);
        total += published;
        if (published === 0) break;
      }
    }
    return total;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.round(), delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    if (this.stopped || this.running) return;
    this.again = false;
    const round = this.attempt();
    this.running = round.then(() => undefined);
    const failures = await round;
    this.running = undefined;
    this.scheduleNext(failures);
  }

  // Separate from round(): flags read here may have changed while the round awaited.
  private scheduleNext(failures: number): void {
    if (this.stopped) return;
    const backoff = Math.min(this.maxBackoffMs, 200 * 2 ** Math.min(failures, 10));
    this.schedule(failures > 0 ? backoff : this.again ? 0 : this.intervalMs);
  }

  /** One round; returns the number of consecutive failed rounds so far (0 after a success). */
  private async attempt(): Promise<number> {
    try {
      await this.flush();
      if (this.failures > 0) this.options.logger.info({ failures: this.failures }, 'outbox relay recovered');
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      this.options.logger.warn({ err, failures: this.failures }, 'outbox relay round failed, will retry');
    }
    return this.failures;
  }

  private async relayBatch(collection: Collection): Promise<number> {
    const docs = await collection
      .find({ 'outbox.0': { $exists: true } } as Filter<Document>, { projection: { _id: 1, outbox: 1 } })
      .limit(this.batchSize)
      .toArray();
    let published = 0;
    for (const doc of docs) {
      const entries = (doc as WithOutbox).outbox ?? [];
      if (entries.length === 0) continue;
      await this.options.bus.publish(
        entries.map((e) => ({ topic: e.topic, event: JSON.parse(e.event) as DagwrightEvent })),
      );
      // Only the entries just published are removed; events appended meanwhile stay for the next round.
      // `$pullAll` with the exact elements as read: FerretDB's `$pull` ignores sub-document conditions such
      // as `{id: {$in: [...]}}`, while removing exact elements works on FerretDB and MongoDB alike.
      const pull = { $pullAll: { outbox: entries } };
      await collection.updateOne({ _id: doc._id }, pull as unknown as UpdateFilter<Document>);
      published += entries.length;
    }
    return published;
  }
}
