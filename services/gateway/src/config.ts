import { baseConfig, env, mongoConfig, type ConfigOf } from '@dagwright/kit';

/** Environment of the gateway: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('gateway', 9080),
  HTTP_PORT: env.port(8080, 'port of the public REST API'),
  ...mongoConfig('gateway'),
  REDIS_URL: env.url('redis://127.0.0.1:16379', ['redis', 'rediss'], 'Redis for rate limits'),
  BODY_LIMIT_BYTES: env.int(1_048_576, 'largest accepted request body'),
};

/** The parsed configuration of the gateway. */
export type GatewayConfig = ConfigOf<typeof configShape>;
