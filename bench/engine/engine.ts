/**
 * The real engine, in-process: `buildApp` on a real MongoDB-protocol database and Kafka, runs created the
 * way ExecuteWorkflow creates them (insert the run, `executor.drive`), and each run timed from `drive` to
 * the moment its driver finished with the run in a terminal state.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectMongo, createLogger, createMetrics, type Tenant } from '../../libs/kit/src/index.ts';
import { ALL_TOPICS, createKafkaBus, type EventBus } from '../../libs/events/src/index.ts';
import type { Graph } from '../../libs/workflow/src/index.ts';
import { buildApp, type EngineApp } from '../../services/workflow-engine/src/app.ts';
import { RunRepository } from '../../services/workflow-engine/src/runs/run.repository.ts';
import { newRunDoc, TERMINAL_RUN, type RunDoc } from '../../services/workflow-engine/src/runs/run.model.ts';
import { percentile } from './stats.ts';

/** The mongoose connection type, named without importing mongoose here. */
export type MongoConnection = Awaited<ReturnType<typeof connectMongo>>;
/** The driver's database handle. */
export type Db = NonNullable<MongoConnection['db']>;

/** One command the driver sent, as seen by command monitoring. */
export interface CommandSample {
  name: string;
  collection: string;
  ms: number;
  /** JSON length of the update or documents sent (writes, inserts) or of the first returned document (reads). */
  bytes: number;
  /** An update of a run conditioned on its version: a block transition or other run write. */
  runWrite: boolean;
  /** For run writes: a whole-document replacement (rather than an update with operators). */
  replacement: boolean;
  /** For updates: documents modified (0 = lost compare-and-set). */
  modified: number;
  /** A read of one run's head, graph or events by its id (as `RunRepository.update` and `get` do). */
  runRead: boolean;
}

/** The engine under test. */
export interface EngineUnderTest {
  app: EngineApp;
  /** False when Kafka was not reachable (or BENCH_KAFKA=none) and the outbox went to a bus that drops events. */
  kafka: boolean;
  connection: MongoConnection;
  db: Db;
  runs: RunRepository;
  tenant: Tenant;
  /** Warnings and errors the engine logged, by message. */
  logged: Map<string, number>;
  /** Commands seen since the last `takeCommands` (only when started with `monitor`). */
  takeCommands(): CommandSample[];
  close(): Promise<void>;
}

/** A FerretDB of the bench's own (same binary and proxy as `./dw infra up`), on a temporary directory. */
export interface PrivateFerret {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

let privateFerret: PrivateFerret | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the FerretDB binary that `./dw infra up` built (.tools/ferretdb/ferretdb) on a free port and a fresh
 * SQLite directory, so the bench neither waits behind other clients' writes at the shared proxy's write lock
 * nor holds that lock for them. Undefined when the binary is not there.
 */
export async function startPrivateFerret(): Promise<PrivateFerret | undefined> {
  const binary = fileURLToPath(new URL('../../.tools/ferretdb/ferretdb', import.meta.url));
  if (!existsSync(binary)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['-listen-addr', `127.0.0.1:${port}`, '-sqlite-dir', join(dir, 'sqlite'), '-log-level', 'error'],
    {
      stdio: 'ignore',
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start FerretDB');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; ; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (i > 200 || child.exitCode !== null) throw new Error('private FerretDB did not start');
    await sleep(50);
  }
  privateFerret = {
    url: `mongodb://127.0.0.1:${port}/`,
    pid,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
      privateFerret = undefined;
    },
  };
  return privateFerret;
}

/**
 * Where the infrastructure is: the private FerretDB when one was started, else MONGO_URL; KAFKA_BROKERS;
 * otherwise .data/infra.env as `./dw infra up` wrote it.
 */
export function infraUrls(): { mongoUrl: string; kafkaBrokers: string[] } {
  const file = new URL('../../.data/infra.env', import.meta.url);
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match?.[1] !== undefined && match[2] !== undefined) fromFile[match[1]] = match[2];
    }
  }
  const mongoUrl = privateFerret?.url ?? process.env.MONGO_URL ?? fromFile.MONGO_URL;
  const brokers = process.env.KAFKA_BROKERS ?? fromFile.KAFKA_BROKERS;
  if (mongoUrl === undefined || brokers === undefined)
    throw new Error('no MongoDB/Kafka configured: run ./dw infra up (or set MONGO_URL and KAFKA_BROKERS)');
  return { mongoUrl, kafkaBrokers: brokers.split(',').map((b) => b.trim()) };
}

function withMonitoring(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('monitorCommands', 'true');
  return parsed.toString();
}

type StartedCommand = Omit<CommandSample, 'ms' | 'modified'>;

function describeCommand(name: string, command: Record<string, unknown>): StartedCommand {
  const collection = typeof command[name] === 'string' ? command[name] : '';
  const plain = { name, collection, bytes: 0, runWrite: false, replacement: false, runRead: false };
  if (name === 'find') {
    const filter = (command.filter ?? {}) as Record<string, unknown>;
    const ofRun = ['runs', 'run_graphs', 'run_events'].includes(collection);
    return { ...plain, runRead: ofRun && typeof filter.runId === 'string' };
  }
  if (name === 'insert') return { ...plain, bytes: JSON.stringify(command.documents ?? []).length };
  if (name !== 'update' || collection !== 'runs') return plain;
  const updates = (command.updates ?? []) as { q?: Record<string, unknown>; u?: Record<string, unknown> }[];
  const { q = {}, u = {} } = updates[0] ?? {};
  if (q.version === undefined) return plain;
  const replacement = !Object.keys(u).some((k) => k.startsWith('$'));
  return { ...plain, runWrite: true, replacement, bytes: JSON.stringify(u).length };
}

/**
 * Starts the engine with production-like settings (lease 15 s, recovery every 5 s) on database `dbName`.
 * With `monitor`, the driver reports every command (for the where-does-the-time-go pass only: monitoring
 * costs time itself).
 */
export async function startEngine(options: { dbName: string; monitor?: boolean }): Promise<EngineUnderTest> {
  const { mongoUrl, kafkaBrokers } = infraUrls();
  const logged = new Map<string, number>();
  const destination = {
    write(line: string): void {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      const msg = `${entry.msg ?? '?'}${entry.err?.message === undefined ? '' : ` (${entry.err.message.slice(0, 80)})`}`;
      logged.set(msg, (logged.get(msg) ?? 0) + 1);
    },
  };
  const logger = createLogger({ service: 'bench-engine', level: 'warn', destination });
  const connection = await connectMongo({
    url: options.monitor === true ? withMonitoring(mongoUrl) : mongoUrl,
    dbName: options.dbName,
    logger,
  });
  const db = connection.db;
  if (db === undefined) throw new Error('not connected');

  const commands: CommandSample[] = [];
  if (options.monitor === true) {
    const started = new Map<number, StartedCommand>();
    const client = connection.getClient();
    client.on('commandStarted', (event) => {
      started.set(event.requestId, describeCommand(event.commandName, event.command));
    });
    client.on('commandSucceeded', (event) => {
      const begun = started.get(event.requestId);
      started.delete(event.requestId);
      if (begun === undefined) return;
      const reply = event.reply as { nModified?: number; cursor?: { firstBatch?: unknown[] } };
      const first = reply.cursor?.firstBatch?.[0];
      commands.push({
        ...begun,
        ms: event.duration,
        bytes: begun.name === 'find' && first !== undefined ? JSON.stringify(first).length : begun.bytes,
        modified: reply.nModified ?? 0,
      });
    });
    client.on('commandFailed', (event) => started.delete(event.requestId));
  }

  let bus = createKafkaBus({ brokers: kafkaBrokers, clientId: 'bench-engine', logger });
  let kafka = true;
  if (process.env.BENCH_KAFKA === 'none') {
    kafka = false;
  } else {
    try {
      await bus.ensureTopics(ALL_TOPICS);
    } catch {
      // The outbox relay publishes once per run: without Kafka the bench still measures the engine.
      kafka = false;
    }
  }
  if (!kafka) {
    await bus.close();
    bus = nullBus;
  }
  const app = await buildApp({
    mongo: connection,
    bus,
    logger,
    owner: `bench-${process.pid}-${randomBytes(3).toString('hex')}`,
    leaseMs: 15_000,
    recoveryIntervalMs: 5_000,
    registry: createMetrics('bench-engine').registry,
    httpPolicy: { allowHosts: [], timeoutMs: 10_000, maxResponseBytes: 5_242_880 },
  });
  return {
    app,
    kafka,
    connection,
    db,
    runs: new RunRepository(db),
    tenant: { clientId: 'bench', projectId: 'bench', workspaceId: 'bench' },
    logged,
    takeCommands: () => commands.splice(0),
    close: async () => {
      await app.stop();
      await bus.close();
      await connection.close();
    },
  };
}

/** A bus that accepts and drops everything. */
const nullBus: EventBus = {
  publish: () => Promise.resolve(),
  ensureTopics: () => Promise.resolve(),
  subscribe: () => Promise.resolve({ stop: () => Promise.resolve() }),
  ping: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

/** A plain connection to database `dbName` (no engine), for the write-cost measurements and cleanup. */
export async function connectDb(dbName: string): Promise<{ db: Db; close(): Promise<void> }> {
  const connection = await connectMongo({
    url: infraUrls().mongoUrl,
    dbName,
    logger: createLogger({ service: 'bench-engine', level: 'silent' }),
  });
  const db = connection.db;
  if (db === undefined) throw new Error('not connected');
  return { db, close: () => connection.close() };
}

/** CPU seconds (user + system) the FerretDB process has used, when it runs on this machine; else undefined. */
export function ferretCpuSeconds(): number | undefined {
  const pid = ferretPid();
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command name start at index 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

/** Resident memory of the FerretDB process in bytes, when it runs on this machine. */
export function ferretRss(): number | undefined {
  const pid = ferretPid();
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

let cachedPid: number | null | undefined;
function ferretPid(): number | undefined {
  if (privateFerret !== undefined) return privateFerret.pid;
  if (cachedPid === undefined) {
    const file = new URL('../../.data/ferretdb/ferretdb.pid', import.meta.url);
    const fromEnv = process.env.BENCH_FERRETDB_PID;
    const pid =
      fromEnv !== undefined && fromEnv !== ''
        ? Number(fromEnv)
        : existsSync(file)
          ? Number(readFileSync(file, 'utf8').trim())
          : Number.NaN;
    cachedPid = Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : null;
  }
  return cachedPid ?? undefined;
}

let cachedTicks: number | undefined;
function clockTicks(): number {
  if (cachedTicks === undefined) {
    try {
      cachedTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      cachedTicks = 100;
    }
  }
  return cachedTicks;
}

/** Samples this process's RSS (and FerretDB's) every `intervalMs` until stopped; returns the peaks. */
export class RssSampler {
  private peak = 0;
  private ferretPeak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    this.ferretPeak = Math.max(this.ferretPeak, ferretRss() ?? 0);
  }

  stop(): { rss: number; ferretRss: number } {
    clearInterval(this.timer);
    this.sample();
    return { rss: this.peak, ferretRss: this.ferretPeak };
  }
}

/** What one engine run measured. */
export interface EngineRun {
  blocks: number;
  /** False when the run hit the time limit and was cancelled; the numbers then cover what it did until then. */
  finished: boolean;
  /** Blocks that succeeded (all of them for a finished run). */
  succeeded: number;
  wallMs: number;
  /** Wall time divided by blocks (for an unfinished run a lower bound: finishing would have taken longer). */
  perBlockMs: number;
  /** Block transitions in the run's event list (running, succeeded, ...). */
  transitions: number;
  /** Gaps (ms) between consecutive block transitions by the events' `at`, in `seq` order. */
  gapsMs: number[];
  /** Block executions beyond one per block (re-runs after a failed write). */
  extraAttempts: number;
  /** Times the driver stopped before the run ended (a recovery had to pick the run up again). */
  driverRestarts: number;
  /** Size of the final run as JSON (bytes): head, graph, input, block states and events. */
  docBytes: number;
  /** Size of the final head document as JSON (bytes): what every write of the run rewrites. */
  headBytes: number;
  nodeCpuMs: number;
  ferretCpuMs: number | undefined;
}

let runCounter = 0;

/** Where a run is stored; a measured run is deleted from all of them, so every repetition starts alike. */
const RUN_COLLECTIONS = ['runs', 'run_graphs', 'run_events', 'run_logs'];

/** A run of `graph` exactly as ExecuteWorkflow creates it (not yet inserted or driven). */
export function newRun(tenant: Tenant, graph: Graph): RunDoc {
  runCounter += 1;
  return newRunDoc({
    tenant,
    runId: `run_bench_${process.pid}_${runCounter}_${randomBytes(3).toString('hex')}`,
    workflowId: 'bench',
    workflowVersion: 1,
    graph: JSON.stringify(graph),
    blockIds: graph.nodes.map((n) => n.id),
    input: '{}',
    createdBy: 'bench',
  });
}

/**
 * Runs `graph` once through the engine and measures it. A run still going after `timeoutMs` is cancelled
 * (status set directly, as CancelRun would) and reported as unfinished. The run and its logs are deleted
 * afterwards, so every repetition starts from the same (empty) collections.
 */
export async function runOnce(
  engine: EngineUnderTest,
  graph: Graph,
  timeoutMs = 600_000,
): Promise<EngineRun> {
  const { app, runs, tenant, db } = engine;
  const run = newRun(tenant, graph);
  await runs.insert(run);
  const cpu0 = process.cpuUsage();
  const ferret0 = ferretCpuSeconds();
  const started = performance.now();
  app.executor.drive(tenant, run.runId);
  let driverRestarts = 0;
  let finished = true;
  let final: RunDoc;
  let wallMs: number;
  for (;;) {
    while (app.executor.activeRuns > 0 && performance.now() - started < timeoutMs) await sleep(1);
    wallMs = performance.now() - started;
    // For an unfinished run: the state reached in the time allowed.
    final = await runs.get(tenant, run.runId);
    if (app.executor.activeRuns > 0) {
      finished = false;
      break;
    }
    if (TERMINAL_RUN.has(final.status)) break;
    // The driver gave up (e.g. too many lost compare-and-sets); as recovery would, drive it again.
    driverRestarts += 1;
    await sleep(10);
    app.executor.drive(tenant, run.runId);
  }
  const cpu = process.cpuUsage(cpu0);
  const ferret1 = ferretCpuSeconds();
  if (!finished) {
    // End the run and wait for its driver to let go.
    await db
      .collection('runs')
      .updateOne({ runId: run.runId }, { $set: { status: 'cancelled' }, $inc: { version: 1 } });
    while (app.executor.activeRuns > 0) await sleep(10);
  } else if (final.status !== 'succeeded') {
    throw new Error(`run ${run.runId} ended ${final.status}: ${final.error ?? ''}`);
  }

  const succeeded = final.blocks.filter((b) => b.status === 'succeeded').length;
  const { events } = await runs.eventsAfter(tenant, run.runId, 0);
  const blockEvents = events.filter((e) => e.kind === 'block');
  const gapsMs = blockEvents.slice(1).map((e, i) => e.at.getTime() - (blockEvents[i]?.at.getTime() ?? 0));
  const head = await db.collection('runs').findOne({ runId: run.runId });
  const headBytes = JSON.stringify(head).length;
  const docBytes = JSON.stringify(final).length + JSON.stringify(events).length;
  for (const collection of RUN_COLLECTIONS) await db.collection(collection).deleteMany({ runId: run.runId });
  return {
    blocks: graph.nodes.length,
    finished,
    succeeded,
    wallMs,
    perBlockMs: wallMs / graph.nodes.length,
    transitions: blockEvents.length,
    gapsMs,
    extraAttempts:
      final.blocks.reduce((sum, b) => sum + b.attempts, 0) -
      final.blocks.filter((b) => b.attempts > 0).length,
    driverRestarts,
    docBytes,
    headBytes,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    ferretCpuMs: ferret0 === undefined || ferret1 === undefined ? undefined : (ferret1 - ferret0) * 1000,
  };
}

/** p50 of the gaps across several runs. */
export function gapP(runs: readonly EngineRun[], p: number): number {
  return percentile(
    runs.flatMap((r) => r.gapsMs),
    p,
  );
}
