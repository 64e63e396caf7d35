import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the generator app needs from the outside world. */
export interface GeneratorDeps {
  mongo: Connection;
}

/**
 * Builds the generator's gRPC app. It serves health and reflection only: its API (problem statement + agent catalog to a validated workflow) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: GeneratorDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
