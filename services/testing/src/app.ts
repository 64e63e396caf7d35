import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the testing app needs from the outside world. */
export interface TestingDeps {
  mongo: Connection;
}

/**
 * Builds the testing's gRPC app. It serves health and reflection only: its API (generated test suites, coverage, validation reports) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: TestingDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
