import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the generator service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('generator', 9082),
  GRPC_PORT: env.port(50052, 'port of the gRPC server'),
  ...mongoConfig('generator'),
};

/** The parsed configuration of the generator service. */
export type GeneratorConfig = ConfigOf<typeof configShape>;
