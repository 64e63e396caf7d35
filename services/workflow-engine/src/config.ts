import { hostname } from 'node:os';
import { baseConfig, env, kafkaConfig, mongoConfig, type ConfigOf } from '@dagwright/kit';
import { llmConfig } from '@dagwright/llm';

/** Environment of the workflow-engine service: each key with its default and what it means. */
export const configShape = {
  ...baseConfig('workflow-engine', 9081),
  GRPC_PORT: env.port(50051, 'port of the gRPC server'),
  ...mongoConfig('engine'),
  ...kafkaConfig(),
  ENGINE_ID: env.string(`${hostname()}-${process.pid}`, 'this replica in run leases; unique per process'),
  LEASE_MS: env.int(
    15_000,
    'how long a run lease lasts without renewal; another replica takes over after it',
  ),
  RECOVERY_INTERVAL_MS: env.int(
    5_000,
    'how often to look for runs with expired leases and due human timeouts',
  ),
  HTTP_ALLOW_HOSTS: env.list('', 'hosts or IPs http blocks may call although private, loopback or metadata'),
  HTTP_TIMEOUT_MS: env.int(10_000, 'time limit of one outgoing HTTP call'),
  HTTP_MAX_RESPONSE_BYTES: env.int(5_242_880, 'largest response body an http block accepts'),
  // Model providers for agentic agents (libs/llm); with none, the built-in local engine serves them.
  ...llmConfig(),
};

/** The parsed configuration of the workflow-engine service. */
export type WorkflowEngineConfig = ConfigOf<typeof configShape>;
