import { createKafkaBus } from '@dagwright/events';
import { createLogger, loadConfigOrExit } from '@dagwright/kit';
import { configShape } from './config.ts';
import { migrate } from './migrate.ts';

// The composition root of the one-shot migrations run (the Helm chart's pre-install/pre-upgrade Job):
// exit code 0 when every step succeeded, 1 otherwise, so the Job retries and the release waits.
const config = loadConfigOrExit('migrate', configShape);
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME, logger });
try {
  await migrate({
    bus,
    logger,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
  });
} catch (err) {
  logger.fatal({ err }, 'migrations failed');
  process.exitCode = 1;
} finally {
  await bus.close();
  logger.flush();
}
