/**
 * Gateway benchmark (loopback, one run): bare fastify vs the gateway's authenticated + rate-limited route
 * without a backend (GET /api/v2/me), and a bare fastify → grpc-js echo route vs the gateway's route that
 * makes the same gRPC call (GET /api/v2/agents/{id} against an echo AgentService). Needs `./dw infra up`
 * (Redis for rate limits, the MongoDB-protocol server for API keys and the audit log).
 *   node bench/gateway/run.ts            writes the results into bench/README.md
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { format } from 'prettier';
import { fileURLToPath } from 'node:url';
import type { Client } from '@grpc/grpc-js';
import {
  callUnary,
  createGrpcClient,
  createLogger,
  createMetrics,
  type ClientConstructor,
} from '@dagwright/kit';
import { infra, uniqueName } from '@dagwright/testkit';
import { buildApp } from '../../services/gateway/src/app.ts';
import { createEngineClient } from '../../services/gateway/src/engine/engine-client.ts';
import {
  autocannon,
  Fastify,
  loadContracts,
  mongoose,
  Redis,
  type ProtoGrpcType,
} from '../../services/gateway/test/support/bench-deps.ts';
import { headers, testSettings, token } from '../../services/gateway/test/support/gateway.ts';
import { startEchoEngine } from './echo-engine.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const README = fileURLToPath(new URL('../README.md', import.meta.url));

interface Result {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
}

async function measure(name: string, url: string, hdrs: Record<string, string> = {}): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: hdrs }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: hdrs });
  const result = { name, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
  console.log(`${name}: ${Math.round(result.rps)} req/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}`);
  return result;
}

const listen = async (app: { listen(o: object): Promise<string>; server: { address(): unknown } }) => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

// 1. The servers: bare fastify, bare fastify calling the echo over grpc-js, and the gateway.
const echo = await startEchoEngine();
const bare = Fastify();
bare.get('/', () => ({ hello: 'world' }));
const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
const agentCtor = grpc.dagwright.engine.v1.AgentService as unknown as ClientConstructor<Client>;
const rawClient = createGrpcClient(agentCtor, echo.address, {
  serviceName: 'dagwright.engine.v1.AgentService',
});
const getAgent = (rawClient as unknown as Record<string, Parameters<typeof callUnary>[1]>).getAgent;
const ctx = {
  tenant: { clientId: 'c', projectId: 'p', workspaceId: 'w' },
  userId: 'u',
  roles: [],
  requestId: 'r',
  deadline: undefined,
};
bare.get('/agent', async () => callUnary(rawClient, getAgent ?? (() => undefined), { id: 'echo' }, ctx));

const logger = createLogger({ service: 'gateway-bench', level: 'silent' });
const mongo = await mongoose
  .createConnection(infra().mongoUrl, { dbName: uniqueName('gw_bench') })
  .asPromise();
const redis = new Redis(infra().redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
const settings = testSettings({
  rateLimit: { windowMs: 5_000, client: 1e9, credential: 1e9, aiWeight: 10, executeWeight: 5 },
});
const engine = createEngineClient(echo.address);
const gateway = await buildApp({
  logger,
  metrics: createMetrics('gateway-bench'),
  mongo,
  redis,
  engine,
  settings,
});

const bareUrl = await listen(bare);
const gatewayUrl = await listen(gateway.http);
const client = uniqueName('bench');
const auth = headers({ bearer: await token({ client, roles: ['viewer'] }) }, { client });

// 2. The measurements, one after another so they do not share the machine.
const results = [
  await measure('bare fastify hello-world', `${bareUrl}/`),
  await measure(
    'gateway: JWT + tenant + RBAC + Redis rate limit, no backend (GET /api/v2/me)',
    `${gatewayUrl}/api/v2/me`,
    auth,
  ),
  await measure('bare fastify → grpc-js echo (one unary call)', `${bareUrl}/agent`),
  await measure(
    'gateway → same gRPC echo (GET /api/v2/agents/echo)',
    `${gatewayUrl}/api/v2/agents/echo`,
    auth,
  ),
];

// 3. The report.
const [hello, me, hop, gatewayHop] = results as [Result, Result, Result, Result];
const ratio = (a: Result, b: Result) => `${((100 * a.rps) / b.rps).toFixed(0)} %`;
const section = [
  '<!-- gateway:start -->',
  '## gateway',
  '',
  '`node bench/gateway/run.ts` (needs `./dw infra up`): autocannon on loopback, in the same process as the servers,',
  `${CONNECTIONS} connections, ${DURATION_S} s per target after a 2 s warm-up. The gateway runs with a viewer JWT,`,
  'real Redis rate limiting (a limit high enough never to refuse) and real MongoDB. The gRPC targets call an',
  "echo AgentService (grpc-js, no work behind it), so the figures are the gateway's own cost, not the engine's.",
  '',
  `Last run: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version},`,
  'load average LOAD_AT_END at the end (other work shared the machine: compare ratios within one run, not',
  'absolute figures across runs).',
  '',
  '| target | req/s | p99 ms | non-2xx |',
  '| --- | ---: | ---: | ---: |',
  ...results.map((r) => `| ${r.name} | ${Math.round(r.rps)} | ${r.p99} | ${r.non2xx} |`),
  '',
  `- auth + rate limit vs bare fastify: **${ratio(me, hello)}** (goal ≥ 50 %)`,
  `- gateway gRPC hop vs bare fastify → grpc-js: **${ratio(gatewayHop, hop)}** (goal ≥ 70 %)`,
  '<!-- gateway:end -->',
].join('\n');
const loadAtEnd = loadavg()[0]?.toFixed(1) ?? '?';
const current = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n';
const marked = /<!-- gateway:start -->[\s\S]*<!-- gateway:end -->/;
const updated = marked.test(current)
  ? current.replace(marked, section)
  : `${current.trimEnd()}\n\n${section}\n`;
const formatted = await format(updated.replace('LOAD_AT_END', loadAtEnd), {
  parser: 'markdown',
  printWidth: 120,
});
writeFileSync(README, formatted);
console.log(section);

await Promise.all([bare.close(), gateway.http.close()]);
engine.close();
rawClient.close();
await echo.close();
redis.disconnect();
await mongo.dropDatabase();
await mongo.close();
