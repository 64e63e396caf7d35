import mongoose from 'mongoose';
import { createLogger, createMetrics, startGrpcServer } from '@dagwright/kit';
import { registryFromEnv } from '@dagwright/llm';
import { infra, uniqueName } from '@dagwright/testkit';
import { buildApp } from '../src/app.ts';
import { createEngineCatalog } from '../src/engine.client.ts';

/** A real generator on a throwaway database, serving gRPC on a free loopback port. */
export interface RunningGenerator {
  address: string;
  close(): Promise<void>;
}

/**
 * Starts the generator in-process for other services' tests, on the engine at `engineAddress`, with the
 * models of `llmEnv` (none: the local planner and engine only).
 */
export async function startGenerator(
  engineAddress: string,
  llmEnv: Record<string, string> = {},
): Promise<RunningGenerator> {
  const logger = createLogger({ service: 'generator-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const mongo = await mongoose
    .createConnection(infra().mongoUrl, { dbName: uniqueName('test_generator') })
    .asPromise();
  const catalog = createEngineCatalog(engineAddress);
  const app = await buildApp({ mongo, catalog, models: registryFromEnv(llmEnv), logger });
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: app.services,
    packageDefinition: app.packageDefinition,
    logger,
    metrics: createMetrics('generator-test'),
  });
  return {
    address: `127.0.0.1:${server.port}`,
    close: async () => {
      await server.close(1000);
      catalog.close();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}
