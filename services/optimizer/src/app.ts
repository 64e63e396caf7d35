import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the optimizer app needs from the outside world. */
export interface OptimizerDeps {
  mongo: Connection;
}

/**
 * Builds the optimizer's gRPC app. It serves health and reflection only: its API (performance analytics, recommendations, optimize, A/B experiments) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: OptimizerDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
