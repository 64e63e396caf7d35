import { randomUUID } from 'node:crypto';
import type { Client, ServiceClientConstructor } from '@grpc/grpc-js';
import mongoose from 'mongoose';
import type { Registry } from 'prom-client';
import { loadContracts } from '@dagwright/contracts';
import {
  callUnary,
  createGrpcClient,
  createLogger,
  createMetrics,
  metadataFromContext,
  startGrpcServer,
  type CallContext,
  type ClientConstructor,
  type RunningGrpcServer,
  type Tenant,
} from '@dagwright/kit';
import { createKafkaBus, type EventBus } from '@dagwright/events';
import { infra, uniqueName } from '@dagwright/testkit';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
import { buildApp, type EngineApp } from '../src/app.ts';

/** A unary method as tests call it: request and context in, response out. */
type Call = (request: object, ctx: CallContext) => Promise<Record<string, unknown>>;

const WORKFLOW_METHODS = [
  'createWorkflow',
  'getWorkflow',
  'listWorkflows',
  'updateWorkflow',
  'listWorkflowVersions',
  'deleteWorkflow',
] as const;
const AGENT_METHODS = ['putAgent', 'getAgent', 'listAgents', 'deleteAgent'] as const;
const RUN_METHODS = [
  'executeWorkflow',
  'getRun',
  'listRuns',
  'resumeRun',
  'cancelRun',
  'getRunLogs',
] as const;

/** A running engine on a throwaway database, with typed-enough clients per service. */
export interface EngineHarness {
  app: EngineApp;
  dbName: string;
  registry: Registry;
  workflows: Record<(typeof WORKFLOW_METHODS)[number], Call>;
  agents: Record<(typeof AGENT_METHODS)[number], Call>;
  runs: Record<(typeof RUN_METHODS)[number], Call>;
  stream(runId: string, ctx: CallContext, afterSequence?: number): Promise<Record<string, string>[]>;
  close(): Promise<void>;
}

/** The call context of a tenant (as the gateway would set it). */
export function contextOf(tenant: Tenant, userId = 'tester'): CallContext {
  return { tenant, userId, roles: ['admin'], requestId: randomUUID(), deadline: undefined };
}

/** A fresh tenant for one test. */
export function newTenant(): Tenant {
  return { clientId: uniqueName('client'), projectId: 'proj', workspaceId: 'ws' };
}

function caller<K extends string>(
  client: Client & Record<string, unknown>,
  methods: readonly K[],
): Record<K, Call> {
  const entries = methods.map((method) => {
    const fn = client[method] as Parameters<typeof callUnary>[1];
    const call: Call = (request, ctx) =>
      callUnary(client, fn, request, ctx) as Promise<Record<string, unknown>>;
    return [method, call] as const;
  });
  return Object.fromEntries(entries) as Record<K, Call>;
}

/** Starts the engine in-process against the real MongoDB-protocol server and Kafka. */
export async function startEngine(
  options: {
    owner?: string;
    leaseMs?: number;
    recoveryIntervalMs?: number;
    allowHosts?: string[];
    dbName?: string;
    brokers?: string[];
  } = {},
): Promise<EngineHarness> {
  const logger = createLogger({ service: 'engine-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const dbName = options.dbName ?? uniqueName('engine');
  const mongo = await mongoose.createConnection(infra().mongoUrl, { dbName }).asPromise();
  const registry = createMetrics('engine-test').registry;
  const bus: EventBus = createKafkaBus({
    brokers: options.brokers ?? infra().kafkaBrokers,
    clientId: 'engine-test',
    logger,
  });
  const app = await buildApp({
    mongo,
    bus,
    logger,
    owner: options.owner ?? `test-${randomUUID()}`,
    leaseMs: options.leaseMs ?? 3000,
    recoveryIntervalMs: options.recoveryIntervalMs ?? 500,
    registry,
    httpPolicy: { allowHosts: options.allowHosts ?? [], timeoutMs: 5000, maxResponseBytes: 1_000_000 },
  });
  const server: RunningGrpcServer = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: app.services,
    packageDefinition: app.packageDefinition,
    logger,
    metrics: createMetrics('engine-test'),
  });
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const v1 = grpc.dagwright.engine.v1;
  const address = `127.0.0.1:${server.port}`;
  const client = <C extends Client>(ctor: ServiceClientConstructor, name: string) =>
    createGrpcClient<C>(ctor as unknown as ClientConstructor<C>, address, { serviceName: name });
  const workflowClient = client<Client & Record<string, unknown>>(
    v1.WorkflowService as unknown as ServiceClientConstructor,
    'dagwright.engine.v1.WorkflowService',
  );
  const agentClient = client<Client & Record<string, unknown>>(
    v1.AgentService as unknown as ServiceClientConstructor,
    'dagwright.engine.v1.AgentService',
  );
  const runClient = client<Client & Record<string, unknown>>(
    v1.RunService as unknown as ServiceClientConstructor,
    'dagwright.engine.v1.RunService',
  );
  return {
    app,
    dbName,
    registry,
    workflows: caller(workflowClient, WORKFLOW_METHODS),
    agents: caller(agentClient, AGENT_METHODS),
    runs: caller(runClient, RUN_METHODS),
    stream: (runId, ctx, afterSequence = 0) =>
      new Promise((resolve, reject) => {
        const events: Record<string, string>[] = [];
        const call = (runClient.streamRunEvents as (req: object, md: unknown) => NodeJS.ReadableStream)(
          { id: runId, afterSequence: String(afterSequence) },
          metadataFromContext(ctx),
        );
        call.on('data', (event: Record<string, string>) => events.push(event));
        call.on('end', () => resolve(events));
        call.on('error', reject);
      }),
    close: async () => {
      await app.stop();
      workflowClient.close();
      agentClient.close();
      runClient.close();
      await server.close(1000);
      await bus.close();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
    },
  };
}

/** Polls a run until `predicate` holds (or fails after `timeoutMs`). */
export async function waitForRun(
  h: EngineHarness,
  runId: string,
  ctx: CallContext,
  predicate: (run: Record<string, unknown>) => boolean,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await h.runs.getRun({ id: runId }, ctx);
    if (predicate(run)) return run;
    if (Date.now() > deadline)
      throw new Error(`run ${runId} did not get there in time; last status ${String(run.status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Block states of a run by id. */
export function blocksOf(run: Record<string, unknown>): Map<
  string,
  {
    status: string;
    startedAt: string;
    finishedAt: string;
    outputJson: string;
    error: string;
    attempts: number;
  }
> {
  const blocks = run.blocks as {
    blockId: string;
    status: string;
    startedAt: string;
    finishedAt: string;
    outputJson: string;
    error: string;
    attempts: number;
  }[];
  return new Map(blocks.map((b) => [b.blockId, b]));
}
