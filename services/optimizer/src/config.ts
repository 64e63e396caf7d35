import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the optimizer service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('optimizer', 9083),
  GRPC_PORT: env.port(50053, 'port of the gRPC server'),
  ...mongoConfig('optimizer'),
};

/** The parsed configuration of the optimizer service. */
export type OptimizerConfig = ConfigOf<typeof configShape>;
