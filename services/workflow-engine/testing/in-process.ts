import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { createLogger, createMetrics, startGrpcServer } from '@dagwright/kit';
import { createKafkaBus } from '@dagwright/events';
import { infra, uniqueName } from '@dagwright/testkit';
import { buildApp } from '../src/app.ts';

/** A real workflow-engine on a throwaway database, serving gRPC on a free loopback port. */
export interface RunningEngine {
  address: string;
  close(): Promise<void>;
}

/** Starts the engine in-process for other services' tests (real MongoDB-protocol server and Kafka). */
export async function startEngine(options: { allowHosts?: string[] } = {}): Promise<RunningEngine> {
  const logger = createLogger({ service: 'engine-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const mongo = await mongoose
    .createConnection(infra().mongoUrl, { dbName: uniqueName('test_engine') })
    .asPromise();
  const bus = createKafkaBus({ brokers: infra().kafkaBrokers, clientId: 'test-engine', logger });
  const app = await buildApp({
    mongo,
    bus,
    logger,
    owner: `test-${randomUUID()}`,
    leaseMs: 3000,
    recoveryIntervalMs: 500,
    registry: createMetrics('engine-test').registry,
    httpPolicy: { allowHosts: options.allowHosts ?? [], timeoutMs: 5000, maxResponseBytes: 1_000_000 },
  });
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: app.services,
    packageDefinition: app.packageDefinition,
    logger,
    metrics: createMetrics('engine-test'),
  });
  return {
    address: `127.0.0.1:${server.port}`,
    close: async () => {
      await app.stop();
      await server.close(1000);
      await bus.close();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}
