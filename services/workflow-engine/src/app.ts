import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the workflow-engine app needs from the outside world. */
export interface WorkflowEngineDeps {
  mongo: Connection;
}

/**
 * Builds the workflow-engine's gRPC app. It serves health and reflection only: its API (workflow and agent catalog CRUD, durable DAG execution, HITL, run logs) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: WorkflowEngineDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
