import type { Connection } from 'mongoose';
import { loadDefinition } from '@dagwright/contracts';
import { pingMongo, type GrpcApp } from '@dagwright/kit';

/** What the nlp app needs from the outside world. */
export interface NlpDeps {
  mongo: Connection;
}

/**
 * Builds the nlp's gRPC app. It serves health and reflection only: its API (chat: intents, entities, dialogue state, actions) comes with its own
 * issue, and nothing is served before it is real.
 */
export function buildApp(deps: NlpDeps): GrpcApp {
  return {
    services: [],
    packageDefinition: loadDefinition(),
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
