/**
 * Gateway benchmark (loopback): bare fastify vs the gateway's authenticated + rate-limited route without a
 * backend (GET /api/v2/me), and a bare fastify → grpc-js echo route vs the gateway's route that makes the same
 * gRPC call (GET /api/v2/agents/{id} against an echo AgentService); also the first gateway route with an access
 * line per request. The servers run in one child process (servers.ts, standard output to /dev/null), and each
 * measurement's load generator (autocannon) in another (load.ts), so they never share an event loop; this
 * process only waits. The targets are measured one after another in each round, so a round's ratios share
 * the machine's conditions; the report gives the median and the range over the rounds, and the servers' CPU
 * time per request (read from /proc, so Linux only). Needs `./dw infra up` (Redis, the MongoDB-protocol server).
 *   node bench/gateway/run.ts            writes the results into bench/README.md
 * Environment: BENCH_ROUNDS (7), BENCH_DURATION_S (8), BENCH_CONNECTIONS (50), BENCH_LOG_LEVEL (info),
 * BENCH_WRITE (1; 0 prints without touching the README), BENCH_PROFILE (a directory: CPU profile of the
 * servers' process, e.g. for `node --cpu-prof`'s viewers).
 */
import { execFile, fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { format } from 'prettier';
import type { LoadResult, LoadSpec } from './load.ts';
import type { BenchTargets } from './servers.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const WRITE = process.env.BENCH_WRITE !== '0';
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url));
const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));
const PROFILE = process.env.BENCH_PROFILE;
const run = promisify(execFile);

/** One measurement: what autocannon saw, and the servers' CPU time per answered request. */
interface Measurement extends LoadResult {
  cpuUsPerRequest: number;
}

/** CPU time (user + system, in clock ticks of 10 ms) a process has used so far; Linux only. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/** Runs autocannon in a child process: a warm-up, then the measured run, with the servers' CPU time around it. */
async function measure(
  url: string,
  headers: Record<string, string>,
  serversPid: number,
): Promise<Measurement> {
  const load = async (warmupS: number, durationS: number) => {
    const spec: LoadSpec = { url, headers, connections: CONNECTIONS, warmupS, durationS };
    const { stdout } = await run(process.execPath, [LOAD, JSON.stringify(spec)], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout) as LoadResult;
  };
  await load(2, 0);
  const before = cpuTicks(serversPid);
  const result = await load(0, DURATION_S);
  const cpuMs = (cpuTicks(serversPid) - before) * 10;
  return { ...result, cpuUsPerRequest: (1000 * cpuMs) / Math.max(1, result.rps * DURATION_S) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const spread = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

// 1. The servers, in a child process whose standard output (the gateway's log) goes to /dev/null.
const child = fork(SERVERS, [], {
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  env: { ...process.env, BENCH_LOG_LEVEL: LOG_LEVEL },
  execArgv: PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`],
});
const [servers] = (await once(child, 'message')) as [BenchTargets];
const targets = [
  { name: 'bare fastify hello-world', url: `${servers.bareUrl}/`, headers: {} },
  {
    name: 'gateway: JWT + tenant + RBAC + Redis rate limit, no backend (GET /api/v2/me)',
    url: `${servers.gatewayUrl}/api/v2/me`,
    headers: servers.auth,
  },
  {
    name: 'the same with ACCESS_LOG=all (one access line per request)',
    url: `${servers.gatewayAllLinesUrl}/api/v2/me`,
    headers: servers.auth,
  },
  { name: 'bare fastify → grpc-js echo (one unary call)', url: `${servers.bareUrl}/agent`, headers: {} },
  {
    name: 'gateway → same gRPC echo (GET /api/v2/agents/echo)',
    url: `${servers.gatewayUrl}/api/v2/agents/echo`,
    headers: servers.auth,
  },
];

// 2. The rounds: every target once per round. The machine's load drifts, so the targets compared with each
// other are measured back to back, and every other round in the opposite order (ABBA), so that neither side
// of a ratio is always the one measured first.
const ORDERS = [
  [0, 1, 2, 3, 4],
  [2, 1, 0, 4, 3],
];
const rounds: Measurement[][] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const results: Measurement[] = [];
  for (const i of ORDERS[(round - 1) % 2] ?? []) {
    const target = targets[i];
    if (target === undefined) continue;
    const r = await measure(target.url, target.headers, child.pid ?? 0);
    results[i] = r;
    console.log(
      `round ${round}: ${target.name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ` +
        `${r.cpuUsPerRequest.toFixed(0)} µs CPU/req, non-2xx ${r.non2xx}, errors ${r.errors}`,
    );
  }
  rounds.push(results);
}
child.send('close');
await once(child, 'exit');

// 3. The report: per target the median (min–max) over rounds; ratios are computed within each round.
const column = (i: number, pick: (r: Measurement) => number) =>
  rounds.flatMap((results) => {
    const result = results[i];
    return result === undefined ? [] : [pick(result)];
  });
const ratios = (a: number, b: number) => rounds.map((r) => (100 * (r[a]?.rps ?? 0)) / (r[b]?.rps ?? 1));
const authRatio = ratios(1, 0);
const allLinesRatio = ratios(2, 0);
const hopRatio = ratios(4, 3);
const cpuRatio = rounds.map((r) => (r[1]?.cpuUsPerRequest ?? 0) / (r[0]?.cpuUsPerRequest ?? 1));
const perRound = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
const verdict = (values: number[], goal: number) => (median(values) >= goal ? 'met' : 'not met');
const section = [
  '<!-- gateway:start -->',
  '## gateway',
  '',
  '`node bench/gateway/run.ts` (needs `./dw infra up`). The servers (bare fastify, the gateway, a grpc-js echo) run',
  'in one child process with standard output to /dev/null; each measurement runs autocannon in a child process of',
  `its own (${CONNECTIONS} connections on loopback, ${DURATION_S} s after a 2 s warm-up), so the load generator never`,
  'shares an event loop with the server it measures. The gateway runs with its default configuration (as main.ts',
  'derives it from an empty environment: credential caches on, access lines for 4xx/5xx only), a viewer JWT, real',
  'Redis rate limiting with a limit high enough never to refuse (every request still runs the script in Redis)',
  `and real MongoDB, logging at \`${LOG_LEVEL}\`. The gRPC targets call an echo AgentService (no work behind it), so`,
  "the figures are the gateway's own cost, not the engine's. Each round measures the five targets one after",
  'another, the compared ones back to back and in reverse order every other round; ratios are taken within a',
  'round. Figures are the median and (min–max) over',
  `${ROUNDS} rounds; "CPU/req" is the servers' process CPU time per answered request (Redis's own CPU not included).`,
  '',
  `Last run: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version},`,
  `load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end. The machine is shared with other work, which moves`,
  'absolute figures a lot between rounds: compare ratios within a round.',
  '',
  '| target | req/s | p99 ms | CPU/req µs | non-2xx |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...targets.map(
    (t, i) =>
      `| ${t.name} | ${spread(column(i, (r) => r.rps))} | ${spread(column(i, (r) => r.p99))} | ` +
      `${spread(column(i, (r) => r.cpuUsPerRequest))} | ${Math.max(...column(i, (r) => r.non2xx + r.errors))} |`,
  ),
  '',
  `- auth + rate limit vs bare fastify: **${spread(authRatio)} %** (rounds: ${perRound(authRatio)}), goal ≥ 50 %: ` +
    `**${verdict(authRatio, 50)}**; its CPU per request is ${spread(cpuRatio, 1)}× bare fastify's`,
  `- the same with an access line per request (ACCESS_LOG=all): ${spread(allLinesRatio)} %`,
  `- gateway gRPC hop vs bare fastify → grpc-js: **${spread(hopRatio)} %** (rounds: ${perRound(hopRatio)}), ` +
    `goal ≥ 70 %: **${verdict(hopRatio, 70)}**`,
  '<!-- gateway:end -->',
].join('\n');
console.log(section);
if (WRITE) {
  const current = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- gateway:start -->[\s\S]*<!-- gateway:end -->/;
  const updated = marked.test(current)
    ? current.replace(marked, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(README, await format(updated, { parser: 'markdown', printWidth: 120 }));
}
