import type { AddressInfo } from 'node:net';
import type { Client } from '@grpc/grpc-js';
import {
  callUnary,
  createGrpcClient,
  createLogger,
  createMetrics,
  parseConfig,
  type ClientConstructor,
} from '@dagwright/kit';
import { infra, uniqueName } from '@dagwright/testkit';
import { buildApp } from '../../services/gateway/src/app.ts';
import { configShape } from '../../services/gateway/src/config.ts';
import { settingsFromConfig, type GatewaySettings } from '../../services/gateway/src/settings.ts';
import { createGeneratorClient } from '../../services/gateway/src/generator/generator-client.ts';
import { createEngineClient } from '../../services/gateway/src/engine/engine-client.ts';
import {
  Fastify,
  loadContracts,
  mongoose,
  Redis,
  type ProtoGrpcType,
} from '../../services/gateway/test/support/bench-deps.ts';
import {
  AUDIENCE,
  headers,
  ISSUER,
  TEST_SECRET,
  token,
} from '../../services/gateway/test/support/gateway.ts';
import { startEchoEngine } from './echo-engine.ts';

/** Where the benchmark's servers listen and what the gateway's caller sends. */
export interface BenchTargets {
  bareUrl: string;
  /** The gateway with its default configuration (access lines for 4xx/5xx answers only). */
  gatewayUrl: string;
  /** The same with ACCESS_LOG=all: one access line per request. */
  gatewayAllLinesUrl: string;
  /** Headers of the gateway's caller: a viewer JWT and its tenant. */
  auth: Record<string, string>;
}

/**
 * The gateway's default configuration (as `main.ts` derives it from an empty environment), except for the
 * key of the test tokens and a rate limit high enough never to refuse: every request still runs the whole
 * script in Redis.
 */
function benchSettings(env: Record<string, string>): GatewaySettings {
  const parsed = parseConfig(configShape, {
    JWT_SECRET: TEST_SECRET,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    RATE_LIMIT_CLIENT: '1000000000',
    RATE_LIMIT_CREDENTIAL: '1000000000',
    ...env,
  });
  if (!parsed.ok) throw new Error(`bench settings: ${JSON.stringify(parsed.problems)}`);
  return settingsFromConfig(parsed.config);
}

const listen = async (app: { listen(o: object): Promise<string>; server: { address(): unknown } }) => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

/**
 * Starts, in this process: a grpc-js echo AgentService; bare fastify with `/` (hello-world) and `/agent` (one
 * unary call to the echo); and the gateway (real Redis and MongoDB) pointed at the echo. The gateway logs at
 * `logLevel` (the production default is info) to standard output as in production, so formatting and writing
 * log lines is part of its cost (run.ts points standard output at /dev/null).
 */
export async function startServers(logLevel: string): Promise<BenchTargets & { close(): Promise<void> }> {
  const echo = await startEchoEngine();
  const bare = Fastify();
  bare.get('/', () => ({ hello: 'world' }));
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const agentCtor = grpc.dagwright.engine.v1.AgentService as unknown as ClientConstructor<Client>;
  const rawClient = createGrpcClient(agentCtor, echo.address, {
    serviceName: 'dagwright.engine.v1.AgentService',
  });
  const getAgent = (rawClient as unknown as Record<string, Parameters<typeof callUnary>[1]>).getAgent;
  if (getAgent === undefined) throw new Error('AgentService has no getAgent');
  const ctx = {
    tenant: { clientId: 'c', projectId: 'p', workspaceId: 'w' },
    userId: 'u',
    roles: [],
    requestId: 'r',
    deadline: undefined,
  };
  bare.get('/agent', async () => callUnary(rawClient, getAgent, { id: 'echo' }, ctx));

  const logger = createLogger({ service: 'gateway-bench', level: logLevel });
  const mongo = await mongoose
    .createConnection(infra().mongoUrl, { dbName: uniqueName('gw_bench') })
    .asPromise();
  const redis = new Redis(infra().redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const engine = createEngineClient(echo.address);
  // The benched routes never generate; the client only completes the gateway's dependencies.
  const generator = createGeneratorClient('127.0.0.1:1');
  const gateway = await buildApp({
    logger,
    metrics: createMetrics('gateway-bench'),
    mongo,
    redis,
    engine,
    generator,
    settings: benchSettings({}),
  });
  const gatewayAllLines = await buildApp({
    logger,
    metrics: createMetrics('gateway-bench-all-lines'),
    mongo,
    redis,
    engine,
    generator,
    settings: benchSettings({ ACCESS_LOG: 'all' }),
  });
  const client = uniqueName('bench');
  return {
    bareUrl: await listen(bare),
    gatewayUrl: await listen(gateway.http),
    gatewayAllLinesUrl: await listen(gatewayAllLines.http),
    auth: headers({ bearer: await token({ client, roles: ['viewer'] }) }, { client }),
    close: async () => {
      await Promise.all([bare.close(), gateway.http.close(), gatewayAllLines.http.close()]);
      engine.close();
      rawClient.close();
      await echo.close();
      redis.disconnect();
      await mongo.dropDatabase();
      await mongo.close();
    },
  };
}

// Run as a child of run.ts: report the targets over IPC, close when told to.
if (process.send !== undefined) {
  const servers = await startServers(process.env.BENCH_LOG_LEVEL ?? 'info');
  const { bareUrl, gatewayUrl, gatewayAllLinesUrl, auth } = servers;
  process.send({ bareUrl, gatewayUrl, gatewayAllLinesUrl, auth } satisfies BenchTargets);
  process.once('message', () => {
    void servers.close().then(() => process.exit(0));
  });
}
