import {
  connectMongo,
  createRuntime,
  loadConfigOrExit,
  serveGrpcApp,
  ShutdownPriority,
} from '@dagwright/kit';
import { createKafkaBus } from '@dagwright/events';
import { createRegistry, llmSettings, requireSettings } from '@dagwright/llm';
import { buildApp } from './app.ts';
import { configShape } from './config.ts';

// The composition root: the only place that reads the environment and builds clients.
const config = loadConfigOrExit('workflow-engine', configShape);
const runtime = createRuntime(config);
const { logger, shutdown } = runtime;
try {
  const settings = requireSettings(llmSettings(config));
  const mongo = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger });
  shutdown.register('mongo', ShutdownPriority.closeConnections, () => mongo.close());
  const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME, logger });
  shutdown.register('kafka', ShutdownPriority.closeConnections, () => bus.close());
  const app = await buildApp({
    mongo,
    bus,
    logger,
    owner: config.ENGINE_ID,
    leaseMs: config.LEASE_MS,
    recoveryIntervalMs: config.RECOVERY_INTERVAL_MS,
    registry: runtime.metrics.registry,
    models: createRegistry(settings),
    httpPolicy: {
      allowHosts: config.HTTP_ALLOW_HOSTS,
      timeoutMs: config.HTTP_TIMEOUT_MS,
      maxResponseBytes: config.HTTP_MAX_RESPONSE_BYTES,
    },
  });
  shutdown.register('runs and outbox', ShutdownPriority.drain, () => app.stop());
  await serveGrpcApp(runtime, app, {
    host: config.HOST,
    grpcPort: config.GRPC_PORT,
    adminPort: config.ADMIN_PORT,
  });
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  await shutdown.shutdown('start-up failed', 1);
}
