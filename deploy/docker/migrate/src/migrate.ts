import { ALL_TOPICS, type EventBus } from '@dagwright/events';
import type { Logger } from '@dagwright/kit';

/** What a migrations run needs. */
export interface MigrateDeps {
  bus: EventBus;
  logger: Logger;
  /** The topics to make sure of; the platform's topics by default. */
  topics?: readonly string[];
  partitions: number;
  replicationFactor: number;
}

/**
 * Brings shared infrastructure to what this release expects, before its services start. Safe to run any
 * number of times: each step only adds what is missing.
 *   1. Kafka topics of §3 (brokers run with auto-creation off, so producers fail until they exist).
 * MongoDB indexes are not here: each service creates its own at start-up, in the database it owns.
 */
export async function migrate(deps: MigrateDeps): Promise<void> {
  const topics = deps.topics ?? ALL_TOPICS;
  deps.logger.info(
    { topics, partitions: deps.partitions, replicationFactor: deps.replicationFactor },
    'step 1: Kafka topics',
  );
  await deps.bus.ensureTopics(topics, {
    partitions: deps.partitions,
    replicationFactor: deps.replicationFactor,
  });
  deps.logger.info('migrations done');
}
