import { Kafka, logLevel, Partitioners, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import { OperationalError, type Logger } from '@dagwright/kit';
import type { DagwrightEvent } from './cloudevent.ts';

/** An event on its way to a topic. */
export interface OutgoingEvent {
  topic: string;
  event: DagwrightEvent;
}

/** A consumed event with where it came from. */
export interface IncomingEvent {
  topic: string;
  partition: number;
  offset: string;
  /** The raw record value; parse it with `parseEvent`. */
  value: Buffer;
}

/** A running subscription; `stop` leaves the group cleanly. */
export interface Subscription {
  stop(): Promise<void>;
}

/** What services need from Kafka, and nothing more; kafkajs stays behind it. */
export interface EventBus {
  /** Publishes with `acks: -1` (all in-sync replicas); resolves only once Kafka has the events. */
  publish(events: OutgoingEvent[]): Promise<void>;
  /** Creates missing topics; existing ones are left as they are. */
  ensureTopics(
    topics: readonly string[],
    options?: { partitions?: number; replicationFactor?: number },
  ): Promise<void>;
  /** Joins `groupId` and hands every record to `handle`; offsets are committed only after it resolves. */
  subscribe(options: {
    groupId: string;
    topics: readonly string[];
    fromBeginning?: boolean;
    handle: (event: IncomingEvent) => Promise<void>;
  }): Promise<Subscription>;
  /** Answers when Kafka answers (for readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Options of the Kafka bus. */
export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

function kafkaLogger(logger: Logger) {
  const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
    [logLevel.ERROR]: 'error',
    [logLevel.WARN]: 'warn',
    [logLevel.INFO]: 'info',
    [logLevel.DEBUG]: 'debug',
  };
  const child = logger.child({ component: 'kafka' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      child[levels[level] ?? 'info'](extra, message);
    };
}

/** The Kafka implementation of the bus (kafkajs). */
export function createKafkaBus(options: KafkaBusOptions): EventBus {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogger(options.logger),
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  const admin = kafka.admin();
  let adminConnected: Promise<void> | undefined;
  let producer: Producer | undefined;
  let producerReady: Promise<void> | undefined;
  const consumers = new Set<Consumer>();

  const connectedAdmin = async () => {
    adminConnected ??= admin.connect().catch((err: unknown) => {
      adminConnected = undefined;
      throw err;
    });
    await adminConnected;
    return admin;
  };

  const connectedProducer = async () => {
    if (producer === undefined) {
      // The default (murmur2, Java-compatible) partitioner, chosen explicitly: one client's events share a partition.
      const created = kafka.producer({
        allowAutoTopicCreation: false,
        idempotent: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer = created;
      producerReady = created.connect().catch((err: unknown) => {
        producer = undefined;
        throw err;
      });
    }
    await producerReady;
    return producer;
  };

  const unavailable = (what: string, cause: unknown) =>
    new OperationalError('KAFKA_UNAVAILABLE', `kafka: ${what} failed: ${(cause as Error).message}`, {
      cause,
    });

  return {
    async publish(events) {
      if (events.length === 0) return;
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const { topic, event } of events) {
        const list = byTopic.get(topic) ?? [];
        list.push({ key: event.clientid, value: JSON.stringify(event) });
        byTopic.set(topic, list);
      }
      try {
        const p = await connectedProducer();
        await p.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
      } catch (cause) {
        throw unavailable('publish', cause);
      }
    },

    async ensureTopics(topics, opts = {}) {
      try {
        const a = await connectedAdmin();
        const existing = new Set(await a.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length === 0) return;
        await a.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: opts.partitions ?? 3,
            replicationFactor: opts.replicationFactor ?? 1,
          })),
        });
      } catch (cause) {
        throw unavailable('topic creation', cause);
      }
    },

    async subscribe({ groupId, topics, fromBeginning = false, handle }) {
      const consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 10_000,
        heartbeatInterval: 1000,
      });
      consumers.add(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning });
      await consumer.run({
        autoCommit: true,
        eachMessage: async ({ topic, partition, message }) => {
          await handle({ topic, partition, offset: message.offset, value: message.value ?? Buffer.alloc(0) });
        },
      });
      return {
        stop: async () => {
          consumers.delete(consumer);
          await consumer.disconnect();
        },
      };
    },

    async ping() {
      try {
        const a = await connectedAdmin();
        await a.describeCluster();
      } catch (cause) {
        throw unavailable('ping', cause);
      }
    },

    async close() {
      await Promise.allSettled([...consumers].map((c) => c.disconnect()));
      consumers.clear();
      if (producer !== undefined) await producer.disconnect().catch(() => undefined);
      if (adminConnected !== undefined) await admin.disconnect().catch(() => undefined);
    },
  };
}
