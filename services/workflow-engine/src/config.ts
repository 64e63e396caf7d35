import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the workflow-engine service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('workflow-engine', 9081),
  GRPC_PORT: env.port(50051, 'port of the gRPC server'),
  ...mongoConfig('engine'),
};

/** The parsed configuration of the workflow-engine service. */
export type WorkflowEngineConfig = ConfigOf<typeof configShape>;
