import type { Db } from 'mongodb';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
import { pingMongo, type GrpcApp, type Logger } from '@dagwright/kit';
import { ALL_TOPICS, OutboxRelay, type EventBus } from '@dagwright/events';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import { registryFromEnv, type ModelRegistry } from '@dagwright/llm';
import { agentHandlers } from './agents/agent.handlers.ts';
import { AgentRepository } from './agents/agent.repository.ts';
import { engineMetrics, RunExecutor } from './execution/executor.ts';
import { blockHandlers } from './execution/handlers.ts';
import type { HttpPolicy } from './execution/http-call.ts';
import { runHandlers } from './runs/run.handlers.ts';
import { RunRepository } from './runs/run.repository.ts';
import { workflowHandlers } from './workflows/workflow.handlers.ts';
import { WorkflowRepository } from './workflows/workflow.repository.ts';

/** What the workflow-engine app needs from the outside world. */
export interface EngineDeps {
  mongo: Connection;
  bus: EventBus;
  logger: Logger;
  /** This replica's identity in run leases. */
  owner: string;
  leaseMs: number;
  recoveryIntervalMs: number;
  httpPolicy: HttpPolicy;
  /** The service's Prometheus registry, for the engine's domain metrics. */
  registry: Registry;
  /** Models agentic agents run on; the built-in local engine only, when not given. */
  models?: ModelRegistry;
}

/** The engine: its gRPC services plus the background work (outbox relay, run recovery) it starts and stops. */
export interface EngineApp extends GrpcApp {
  executor: RunExecutor;
  relay: OutboxRelay;
  /** Stops taking over runs, hands back the runs driven here and stops the relay. */
  stop(): Promise<void>;
}

/** Builds the engine: indexes, the legacy migration, topics, repositories, executor, relay and handlers. */
export async function buildApp(deps: EngineDeps): Promise<EngineApp> {
  const db = deps.mongo.db as Db;
  const workflows = new WorkflowRepository(db);
  const agents = new AgentRepository(db);
  const runs = new RunRepository(db);
  await Promise.all([workflows.ensureIndexes(), agents.ensureIndexes(), runs.ensureIndexes()]);
  const migrated = await workflows.migrateLegacyMetadata();
  if (migrated > 0) deps.logger.info({ migrated }, 'gave legacy workflows their AI metadata');
  await deps.bus.ensureTopics(ALL_TOPICS);

  const relay = new OutboxRelay({
    collections: [workflows.heads as unknown as Collection, runs.runs as unknown as Collection],
    bus: deps.bus,
    logger: deps.logger.child({ component: 'outbox' }),
  });
  const onOutbox = () => relay.notify();
  const executor = new RunExecutor({
    runs,
    agents,
    handlers: blockHandlers(deps.httpPolicy, deps.models ?? registryFromEnv({})),
    logger: deps.logger.child({ component: 'executor' }),
    owner: deps.owner,
    leaseMs: deps.leaseMs,
    onOutbox,
    metrics: engineMetrics(deps.registry),
  });
  relay.start();
  executor.startRecovery(deps.recoveryIntervalMs);

  const { definition, grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const engine = grpc.dagwright.engine.v1;
  const workflowApi = workflowHandlers({ workflows, agents });
  return {
    executor,
    relay,
    packageDefinition: definition,
    services: [
      {
        name: 'dagwright.engine.v1.WorkflowService',
        definition: engine.WorkflowService.service,
        handlers: workflowApi,
      },
      {
        name: 'dagwright.engine.v1.AgentService',
        definition: engine.AgentService.service,
        handlers: agentHandlers({ agents }),
      },
      {
        name: 'dagwright.engine.v1.RunService',
        definition: engine.RunService.service,
        handlers: runHandlers({ runs, workflows, executor, onOutbox }),
      },
    ],
    checks: [
      { name: 'mongo', check: () => pingMongo(deps.mongo) },
      { name: 'kafka', check: () => deps.bus.ping() },
    ],
    stop: async () => {
      await executor.stop();
      await relay.stop();
    },
  };
}
