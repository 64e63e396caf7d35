import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the learning app needs from the outside world. */
export interface LearningDeps {
  mongo: Connection;
}

/**
 * Builds the learning's gRPC app. It serves health and reflection only: its API (feedback collection, aggregation, predictive models) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: LearningDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
