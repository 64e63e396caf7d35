import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the nlp service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('nlp', 9086),
  GRPC_PORT: env.port(50056, 'port of the gRPC server'),
  ...mongoConfig('nlp'),
};

/** The parsed configuration of the nlp service. */
export type NlpConfig = ConfigOf<typeof configShape>;
