import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the testing service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('testing', 9084),
  GRPC_PORT: env.port(50054, 'port of the gRPC server'),
  ...mongoConfig('testing'),
};

/** The parsed configuration of the testing service. */
export type TestingConfig = ConfigOf<typeof configShape>;
