import {
  connectMongo,
  connectRedis,
  createRuntime,
  loadConfigOrExit,
  serveGrpcApp,
  ShutdownPriority,
} from '@dagwright/kit';
import { createRegistry, llmSettings, redisCache, requireSettings } from '@dagwright/llm';
import { buildApp } from './app.ts';
import { configShape } from './config.ts';
import { createEngineCatalog } from './engine.client.ts';

// The composition root: the only place that reads the environment and builds clients.
const config = loadConfigOrExit('generator', configShape);
const runtime = createRuntime(config);
const { logger, shutdown } = runtime;
try {
  const settings = requireSettings(llmSettings(config));
  const mongo = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger });
  shutdown.register('mongo', ShutdownPriority.closeConnections, () => mongo.close());
  const redis = await connectRedis(config.REDIS_URL, logger);
  shutdown.register('redis', ShutdownPriority.closeConnections, async () => {
    await redis.quit();
  });
  const cache = redisCache(redis, settings.policy, (err, operation) =>
    logger.warn({ err: err.message, operation }, 'model response cache unavailable'),
  );
  const models = createRegistry(settings, cache === undefined ? {} : { cache });
  logger.info({ models: models.models().map((m) => m.id) }, 'models registered');
  const catalog = createEngineCatalog(config.ENGINE_URL);
  shutdown.register('engine client', ShutdownPriority.closeConnections, () => catalog.close());
  const app = await buildApp({ mongo, catalog, models, logger });
  await serveGrpcApp(runtime, app, {
    host: config.HOST,
    grpcPort: config.GRPC_PORT,
    adminPort: config.ADMIN_PORT,
  });
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  await shutdown.shutdown('start-up failed', 1);
}
