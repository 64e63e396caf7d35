import { configuredInfra, dockerEngineAvailable, missingInfraError } from './infra.ts';
import { startContainers, type StartedContainers } from './containers.ts';

let containers: StartedContainers | undefined;

/**
 * Vitest global setup: makes sure every test worker finds infrastructure URLs in its environment, from the
 * environment, from `./dw infra up`, or from testcontainers when a Docker engine is present.
 */
export async function setup(): Promise<void> {
  const configured = configuredInfra();
  if (configured !== undefined) {
    process.env.MONGO_URL = configured.mongoUrl;
    process.env.KAFKA_BROKERS = configured.kafkaBrokers.join(',');
    process.env.REDIS_URL = configured.redisUrl;
    return;
  }
  if (!dockerEngineAvailable()) throw missingInfraError();
  containers = await startContainers();
  Object.assign(process.env, containers.env);
}

/** Stops containers this run started. */
export async function teardown(): Promise<void> {
  await containers?.stop();
}
