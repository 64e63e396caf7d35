import {
  connectMongo,
  connectRedis,
  createRuntime,
  loadConfigOrExit,
  ShutdownPriority,
  startAdminServer,
} from '@dagwright/kit';
import { buildApp } from './app.ts';
import { configProblems, configShape } from './config.ts';
import { createEngineClient } from './engine/engine-client.ts';
import { createGeneratorClient } from './generator/generator-client.ts';
import { settingsFromConfig } from './settings.ts';

// The composition root: the only place that reads the environment and builds clients.
const config = loadConfigOrExit('gateway', configShape);
const problems = configProblems(config);
if (problems.length > 0) {
  process.stderr.write(`gateway: invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(78);
}
const runtime = createRuntime(config);
const { logger, metrics, shutdown } = runtime;
try {
  const [mongo, redis] = await Promise.all([
    connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger }),
    connectRedis(config.REDIS_URL, logger),
  ]);
  shutdown.register('mongo', ShutdownPriority.closeConnections, () => mongo.close());
  shutdown.register('redis', ShutdownPriority.closeConnections, async () => {
    await redis.quit();
  });
  const engine = createEngineClient(config.ENGINE_URL);
  shutdown.register('engine client', ShutdownPriority.closeConnections, () => engine.close());
  const generator = createGeneratorClient(config.GENERATOR_URL);
  shutdown.register('generator client', ShutdownPriority.closeConnections, () => generator.close());
  const settings = settingsFromConfig(config);
  const app = await buildApp({ logger, metrics, mongo, redis, engine, generator, settings });
  const admin = await startAdminServer({
    host: config.HOST,
    port: config.ADMIN_PORT,
    metrics,
    logger,
    checks: app.checks,
  });
  await app.http.listen({ host: config.HOST, port: config.HTTP_PORT });
  logger.info({ production: settings.production, engine: config.ENGINE_URL }, 'gateway ready');
  shutdown.register('http server', ShutdownPriority.stopIntake, async () => {
    admin.drain();
    await app.http.close();
  });
  shutdown.register('admin server', ShutdownPriority.flushTelemetry, () => admin.close());
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  await shutdown.shutdown('start-up failed', 1);
}
