import { env, type ConfigOf } from '@dagwright/kit';

/** Environment of the migrations run: each key with its default and what it means. */
export const configShape = {
  SERVICE_NAME: env.string('migrate', 'name in logs'),
  LOG_LEVEL: env.oneOf(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    'info',
    'pino log level',
  ),
  KAFKA_BROKERS: env.list('127.0.0.1:19092', 'Kafka bootstrap servers, comma-separated'),
  KAFKA_TOPIC_PARTITIONS: env.int(3, 'partitions of each topic this run creates (existing ones keep theirs)'),
  KAFKA_TOPIC_REPLICATION_FACTOR: env.int(
    1,
    'replicas of each topic this run creates: 3 on a production cluster, 1 on a single broker',
  ),
};

/** The parsed configuration of the migrations run. */
export type MigrateConfig = ConfigOf<typeof configShape>;
