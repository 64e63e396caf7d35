import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';
import { llmConfig } from '@dagwright/llm';

/** Environment of the generator service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('generator', 9082),
  GRPC_PORT: env.port(50052, 'port of the gRPC server'),
  ...mongoConfig('generator'),
  ENGINE_URL: env.string('127.0.0.1:50051', 'gRPC address of the workflow-engine (agent catalog, saving)'),
  REDIS_URL: env.url(
    'redis://127.0.0.1:16379',
    ['redis', 'rediss'],
    'Redis for the cache of identical model calls',
  ),
  ...llmConfig(),
};

/** The parsed configuration of the generator service. */
export type GeneratorConfig = ConfigOf<typeof configShape>;
