import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the learning service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('learning', 9085),
  GRPC_PORT: env.port(50055, 'port of the gRPC server'),
  ...mongoConfig('learning'),
};

/** The parsed configuration of the learning service. */
export type LearningConfig = ConfigOf<typeof configShape>;
