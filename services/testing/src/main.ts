import {
  connectMongo,
  createRuntime,
  loadConfigOrExit,
  serveGrpcApp,
  ShutdownPriority,
} from '@dagwright/kit';
import { buildApp } from './app.ts';
import { configShape } from './config.ts';

// The composition root: the only place that reads the environment and builds clients.
const config = loadConfigOrExit('testing', configShape);
const runtime = createRuntime(config);
try {
  const mongo = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    logger: runtime.logger,
  });
  runtime.shutdown.register('mongo', ShutdownPriority.closeConnections, () => mongo.close());
  await serveGrpcApp(runtime, buildApp({ mongo }), {
    host: config.HOST,
    grpcPort: config.GRPC_PORT,
    adminPort: config.ADMIN_PORT,
  });
} catch (err) {
  runtime.logger.fatal({ err }, 'start-up failed');
  await runtime.shutdown.shutdown('start-up failed', 1);
}
