import type { PackageDefinition } from '@grpc/proto-loader';
import type { Connection } from 'mongoose';
import { startAdminServer, type AdminServer, type ReadinessCheck } from './admin-server.ts';
import { loadConfigOrExit, type ConfigOf, type ConfigShape } from './config.ts';
import { startGrpcServer, type GrpcServiceBinding, type RunningGrpcServer } from './grpc/server.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { connectMongo } from './mongo.ts';
import { telemetry } from './otel/telemetry.ts';
import { Shutdown, ShutdownPriority } from './shutdown.ts';

/** Process-wide pieces every service starts with. */
export interface Runtime {
  logger: Logger;
  metrics: Metrics;
  shutdown: Shutdown;
}

/** Creates the logger, metrics and shutdown service of a process and listens for SIGTERM/SIGINT. */
export function createRuntime(config: {
  SERVICE_NAME: string;
  LOG_LEVEL: string;
  SHUTDOWN_TIMEOUT_MS: number;
}): Runtime {
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
  const metrics = createMetrics(config.SERVICE_NAME);
  const shutdown = new Shutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }).listen();
  shutdown.register('telemetry', ShutdownPriority.flushTelemetry, () => telemetry().shutdown());
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  return { logger, metrics, shutdown };
}

/** What a gRPC service's app gives the process to serve. */
export interface GrpcApp {
  services: GrpcServiceBinding[];
  packageDefinition: PackageDefinition;
  checks: ReadinessCheck[];
}

/** Starts the admin server and the gRPC server of an app, and registers their orderly shutdown. */
export async function serveGrpcApp(
  runtime: Runtime,
  app: GrpcApp,
  listen: { host: string; grpcPort: number; adminPort: number; graceMs?: number },
): Promise<{ grpc: RunningGrpcServer; admin: AdminServer }> {
  const { logger, metrics, shutdown } = runtime;
  const admin = await startAdminServer({
    host: listen.host,
    port: listen.adminPort,
    metrics,
    logger,
    checks: app.checks,
  });
  const grpc = await startGrpcServer({
    host: listen.host,
    port: listen.grpcPort,
    services: app.services,
    packageDefinition: app.packageDefinition,
    logger,
    metrics,
  });
  shutdown.register('grpc server', ShutdownPriority.stopIntake, async () => {
    admin.drain();
    await grpc.close(listen.graceMs ?? 5000);
  });
  shutdown.register('admin server', ShutdownPriority.flushTelemetry, () => admin.close());
  return { grpc, admin };
}

/**
 * The whole start-up of a gRPC service whose only dependency is its own MongoDB database: configuration
 * (exits listing every bad key), runtime, connection, servers and orderly shutdown. Start-up failures are
 * logged and exit non-zero.
 */
export async function runMongoGrpcService<S extends ConfigShape>(
  service: string,
  shape: S,
  build: (deps: { mongo: Connection; logger: Logger; config: ConfigOf<S> }) => GrpcApp,
): Promise<void> {
  const config = loadConfigOrExit(service, shape) as ConfigOf<S> & ServiceListenConfig;
  const runtime = createRuntime(config);
  try {
    const mongo = await connectMongo({
      url: config.MONGO_URL,
      dbName: config.MONGO_DB,
      logger: runtime.logger,
    });
    runtime.shutdown.register('mongo', ShutdownPriority.closeConnections, () => mongo.close());
    await serveGrpcApp(runtime, build({ mongo, logger: runtime.logger, config }), {
      host: config.HOST,
      grpcPort: config.GRPC_PORT,
      adminPort: config.ADMIN_PORT,
    });
  } catch (err) {
    runtime.logger.fatal({ err }, 'start-up failed');
    await runtime.shutdown.shutdown('start-up failed', 1);
  }
}

/** The keys `runMongoGrpcService` reads from a service's configuration. */
interface ServiceListenConfig {
  SERVICE_NAME: string;
  LOG_LEVEL: string;
  SHUTDOWN_TIMEOUT_MS: number;
  HOST: string;
  GRPC_PORT: number;
  ADMIN_PORT: number;
  MONGO_URL: string;
  MONGO_DB: string;
}
