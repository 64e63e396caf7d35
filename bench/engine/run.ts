/**
 * Engine overhead bench (issue #3 item 5): per-block overhead of the durable engine as a ratio against
 * (a) a bare in-process topological executor on the same DAG and (b) one journaled updateOne on the same
 * database, for a 200-block chain, a 200-wide fan-out and a random 500-block DAG; block transitions per
 * second; peak RSS. Then where the time goes: the engine's commands per block, how one block transition's
 * write costs grow with the run in the first single-document layout, four alternatives and the layout the
 * engine uses now, and how single-document operations cost as a collection grows.
 *
 *   node bench/engine/run.ts          (needs ./dw infra up for Kafka and the FerretDB binary)
 *
 * Env: BENCH_REPS_CHAIN (3), BENCH_REPS_FANOUT (1), BENCH_REPS_RANDOM (1): engine runs per graph;
 *      BENCH_RUN_TIMEOUT_S (150): a run still going after this is cancelled and reported unfinished;
 *      BENCH_GRAPHS (all): comma list of chain-200, fanout-200, fanout-200-c8, random-500;
 *      BENCH_FERRETDB (private): `private` starts the FerretDB binary of `./dw infra up` on a temporary
 *        directory for the bench alone; `shared` uses MONGO_URL or .data/infra.env;
 *      BENCH_WRITES (500): journaled updateOnes per baseline measurement (taken before and after);
 *      BENCH_BARE_REPS (200): bare-executor runs per graph;
 *      BENCH_PROFILE_GRAPHS (chain-200): graphs run once more with command monitoring ('' skips);
 *      BENCH_SCALING_ITERATIONS (20, 0 skips): transitions per layout and size in the write-cost table;
 *      BENCH_COLLECTION_SIZES (100,1000,5000, '' skips): collection sizes of the single-document cost table;
 *      BENCH_JSON: also write every number to this file.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { registryFromEnv } from '../../libs/llm/src/index.ts';
import { blockHandlers } from '../../services/workflow-engine/src/execution/handlers.ts';
import { benchBare, microtask, realTransform } from './bare.ts';
import {
  connectDb,
  gapP,
  infraUrls,
  RssSampler,
  runOnce,
  startEngine,
  startPrivateFerret,
  type CommandSample,
  type EngineRun,
  type EngineUnderTest,
  type PrivateFerret,
} from './engine.ts';
import { assertValid, chain, fanOut, randomDag, type BenchGraph } from './graphs.ts';
import { envInt, markdownTable, mean, mib, ms, percentile, ratio } from './stats.ts';
import {
  collectionCostBySize,
  journaledUpdates,
  writeCostBySize,
  type CollectionCostRow,
  type WriteCostRow,
} from './write-cost.ts';

const GOAL_FACTOR = 3;

const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const config = {
  reps: {
    'chain-200': envInt('BENCH_REPS_CHAIN', 3),
    'fanout-200': envInt('BENCH_REPS_FANOUT', 1),
    'fanout-200-c8': envInt('BENCH_REPS_FANOUT', 1),
    'random-500': envInt('BENCH_REPS_RANDOM', 1),
  } as Record<string, number>,
  timeoutMs: envInt('BENCH_RUN_TIMEOUT_S', 150) * 1000,
  only: list('BENCH_GRAPHS', ''),
  ferret: process.env.BENCH_FERRETDB ?? 'private',
  writes: envInt('BENCH_WRITES', 500),
  bareReps: envInt('BENCH_BARE_REPS', 200),
  profileGraphs: list('BENCH_PROFILE_GRAPHS', 'chain-200'),
  scalingIterations: envInt('BENCH_SCALING_ITERATIONS', 20),
  collectionSizes: list('BENCH_COLLECTION_SIZES', '100,1000,5000').map(Number),
  json: process.env.BENCH_JSON,
};

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface GraphResult {
  bench: BenchGraph;
  /** Warnings and errors the engine logged during this graph's runs, by message. */
  logged: Record<string, number>;
  bareMicrotaskMs: number[];
  bareTransformMs: number[];
  runs: EngineRun[];
  peakRss: number;
  peakFerretRss: number;
}

interface Profile {
  graph: string;
  blocks: number;
  wallMs: number;
  perBlock: {
    runReads: number;
    runReadMs: number;
    runWrites: number;
    runWriteMs: number;
    lostCas: number;
    eventInserts: number;
    eventInsertMs: number;
    logWrites: number;
    otherCommands: number;
  };
  /** Whole-document replacements among the run writes. */
  replacements: number;
  /** Run writes in the first and last tenth of the run: p50 ms and mean size sent. */
  early: { ms: number; bytes: number };
  late: { ms: number; bytes: number };
  nodeCpuPerBlockMs: number;
  ferretCpuPerBlockMs: number | undefined;
}

function profileOf(bench: BenchGraph, run: EngineRun, commands: CommandSample[]): Profile {
  const n = run.blocks;
  const reads = commands.filter((c) => c.runRead);
  const writes = commands.filter((c) => c.runWrite);
  const logs = commands.filter((c) => ['update', 'insert'].includes(c.name) && c.collection === 'run_logs');
  const inserts = commands.filter((c) => c.name === 'insert' && c.collection === 'run_events');
  const tenth = Math.max(1, Math.floor(writes.length / 10));
  const window = (samples: CommandSample[]) => ({
    ms: percentile(
      samples.map((s) => s.ms),
      50,
    ),
    bytes: mean(samples.map((s) => s.bytes)),
  });
  const total = (samples: CommandSample[]) => samples.reduce((s, c) => s + c.ms, 0) / n;
  return {
    graph: bench.name,
    blocks: n,
    wallMs: run.wallMs,
    perBlock: {
      runReads: reads.length / n,
      runReadMs: total(reads),
      runWrites: writes.length / n,
      runWriteMs: total(writes),
      lostCas: writes.filter((c) => c.modified === 0).length / n,
      eventInserts: inserts.length / n,
      eventInsertMs: total(inserts),
      logWrites: logs.length / n,
      otherCommands: (commands.length - reads.length - writes.length - inserts.length - logs.length) / n,
    },
    replacements: writes.filter((c) => c.replacement).length,
    early: window(writes.slice(0, tenth)),
    late: window(writes.slice(-tenth)),
    nodeCpuPerBlockMs: run.nodeCpuMs / n,
    ferretCpuPerBlockMs: run.ferretCpuMs === undefined ? undefined : run.ferretCpuMs / n,
  };
}

async function measureGraph(engine: EngineUnderTest, bench: BenchGraph, reps: number): Promise<GraphResult> {
  const transform = blockHandlers(
    { allowHosts: [], timeoutMs: 10_000, maxResponseBytes: 1 },
    registryFromEnv({}),
  ).transform;
  log(`${bench.name}: bare executor x${config.bareReps}`);
  const bareMicrotaskMs = await benchBare(bench.graph, microtask, config.bareReps);
  const bareTransformMs = await benchBare(
    bench.graph,
    realTransform(bench.graph, transform),
    Math.max(1, Math.floor(config.bareReps / 10)),
    1,
  );
  const loggedBefore = new Map(engine.logged);
  const sampler = new RssSampler();
  const runs: EngineRun[] = [];
  for (let i = 0; i < reps; i++) {
    const run = await runOnce(engine, bench.graph, config.timeoutMs);
    log(
      `${bench.name}: engine run ${i + 1}/${reps}: ${ms(run.wallMs)} ms, ${ms(run.perBlockMs)} ms/block` +
        (run.finished ? '' : `, UNFINISHED (${run.succeeded}/${run.blocks} blocks succeeded)`) +
        (run.extraAttempts > 0 ? `, ${run.extraAttempts} retry attempts` : '') +
        (run.driverRestarts > 0 ? `, ${run.driverRestarts} driver restarts` : ''),
    );
    runs.push(run);
  }
  const peaks = sampler.stop();
  const logged = [...engine.logged]
    .map(([msg, count]) => [msg, count - (loggedBefore.get(msg) ?? 0)] as const)
    .filter(([, count]) => count > 0);
  return {
    bench,
    logged: Object.fromEntries(logged),
    bareMicrotaskMs,
    bareTransformMs,
    runs,
    peakRss: peaks.rss,
    peakFerretRss: peaks.ferretRss,
  };
}

function summaryTable(results: GraphResult[], writeP50: number): string {
  const rows = results.map((r) => {
    const engineP50 = percentile(
      r.runs.map((x) => x.perBlockMs),
      50,
    );
    const bareP50 = percentile(r.bareMicrotaskMs, 50);
    const wall = r.runs.reduce((s, x) => s + x.wallMs, 0);
    const transitions = r.runs.reduce((s, x) => s + x.transitions, 0);
    const vsWrite = engineP50 / writeP50;
    const unfinished = r.runs.filter((x) => !x.finished);
    // An unfinished run's wall time per block is a lower bound: finishing would have taken longer.
    const atLeast = unfinished.length > 0 ? '≥ ' : '';
    return [
      r.bench.name,
      String(r.bench.graph.nodes.length),
      unfinished.length === 0
        ? String(r.runs.length)
        : `${r.runs.length}, ${unfinished.length} unfinished (${unfinished.map((x) => `${x.succeeded}/${x.blocks} blocks in ${(x.wallMs / 1000).toFixed(0)} s`).join(', ')})`,
      ms(
        percentile(
          r.runs.map((x) => x.wallMs),
          50,
        ),
      ),
      atLeast + ms(engineP50),
      `${ms(gapP(r.runs, 50))} / ${ms(gapP(r.runs, 95))}`,
      (bareP50 * 1000).toFixed(2),
      (percentile(r.bareTransformMs, 50) * 1000).toFixed(1),
      atLeast + ratio(engineP50 / bareP50),
      atLeast + ratio(vsWrite),
      vsWrite <= GOAL_FACTOR ? 'yes' : 'no',
      ((transitions / wall) * 1000).toFixed(0),
      `${mib(r.peakRss)} / ${r.peakFerretRss > 0 ? mib(r.peakFerretRss) : 'n/a'}`,
    ];
  });
  return markdownTable(
    [
      'graph',
      'blocks',
      'runs',
      'run wall p50 ms',
      'engine ms/block p50',
      'transition gap p50 / p95 ms',
      'bare µs/block p50',
      'bare+transform µs/block',
      'vs bare',
      'vs 1 write',
      `≤ ${GOAL_FACTOR}x write?`,
      'transitions/s',
      'peak RSS bench / FerretDB',
    ],
    rows,
  );
}

function profileTable(profiles: Profile[]): string {
  return markdownTable(
    [
      'graph',
      'run wall ms',
      'run reads/block',
      'ms in run reads/block',
      'head writes/block (replacements)',
      'ms in head writes/block',
      'lost CAS/block',
      'event inserts/block',
      'ms in event inserts/block',
      'log writes/block',
      'head write p50 ms, first 10% (KB sent)',
      'head write p50 ms, last 10% (KB sent)',
      'bench CPU ms/block',
      'FerretDB CPU ms/block',
    ],
    profiles.map((p) => [
      p.graph,
      ms(p.wallMs),
      p.perBlock.runReads.toFixed(2),
      ms(p.perBlock.runReadMs),
      `${p.perBlock.runWrites.toFixed(2)} (${p.replacements === 0 ? 'none' : p.replacements === Math.round(p.perBlock.runWrites * p.blocks) ? 'all' : String(p.replacements)})`,
      ms(p.perBlock.runWriteMs),
      p.perBlock.lostCas.toFixed(2),
      p.perBlock.eventInserts.toFixed(2),
      ms(p.perBlock.eventInsertMs),
      p.perBlock.logWrites.toFixed(2),
      `${ms(p.early.ms)} (${(p.early.bytes / 1024).toFixed(1)})`,
      `${ms(p.late.ms)} (${(p.late.bytes / 1024).toFixed(1)})`,
      ms(p.nodeCpuPerBlockMs),
      p.ferretCpuPerBlockMs === undefined ? 'n/a' : ms(p.ferretCpuPerBlockMs),
    ]),
  );
}

function scalingTable(rows: WriteCostRow[], writeP50: number): string {
  return markdownTable(
    [
      'run blocks',
      'single run doc KB',
      'findOne',
      'replaceOne',
      'first engine update (read+replace)',
      'partial $set/$push, no read',
      'lean run doc + event insert',
      'doc per block + event insert',
      'doc per block, 1 write',
      'head CAS + event insert (now)',
      'first / 1 write',
      'doc per block / 1 write',
      'now / 1 write',
    ],
    rows.map((r) => [
      String(r.blocks),
      (r.docBytes / 1024).toFixed(0),
      ms(r.findMs),
      ms(r.replaceMs),
      ms(r.engineUpdateMs),
      ms(r.partialMs),
      ms(r.leanMs),
      ms(r.perBlockMs),
      ms(r.perBlockOneWriteMs),
      ms(r.headLayoutMs),
      ratio(r.engineUpdateMs / writeP50),
      ratio(r.perBlockOneWriteMs / writeP50),
      ratio(r.headLayoutMs / writeP50),
    ]),
  );
}

async function main(): Promise<void> {
  // BENCH_GRAPHS=none leaves only the write measurements.
  const graphs = [chain(200), fanOut(200), fanOut(200, 8), randomDag(500)].filter(
    (g) => config.only.length === 0 || config.only.includes(g.name),
  );
  for (const g of graphs) assertValid(g);
  let ferret: PrivateFerret | undefined;
  if (config.ferret === 'private') {
    ferret = await startPrivateFerret();
    if (ferret === undefined)
      log('no .tools/ferretdb/ferretdb binary: using the shared MongoDB-protocol server');
  }
  try {
    await bench(graphs, ferret);
  } finally {
    await ferret?.stop();
  }
}

async function bench(graphs: BenchGraph[], ferret: PrivateFerret | undefined): Promise<void> {
  const dbName = `bench_engine_${process.pid}_${randomBytes(3).toString('hex')}`;
  const load0 = loadavg()[0] ?? 0;
  log(
    `MongoDB ${infraUrls().mongoUrl} (${ferret === undefined ? 'shared' : `private FerretDB, pid ${ferret.pid}`}), database ${dbName}`,
  );
  log(`graphs: ${graphs.map((g) => `${g.name} (${g.shape})`).join('; ')}`);
  const engine = await startEngine({ dbName });
  const idleRss = process.memoryUsage.rss();
  const results: GraphResult[] = [];
  const profiles: Profile[] = [];
  let scaling: WriteCostRow[] = [];
  let collectionCost: CollectionCostRow[] = [];
  let writesBefore: number[] = [];
  let writesAfter: number[] = [];
  const saveJson = () => {
    if (config.json === undefined) return;
    writeFileSync(
      config.json,
      JSON.stringify(
        {
          config,
          node: process.version,
          cores: cpus().length,
          loadavg: { start: load0, end: loadavg()[0] },
          writes: { before: writesBefore, after: writesAfter },
          results: results.map((r) => ({ ...r, bench: { name: r.bench.name, shape: r.bench.shape } })),
          profiles,
          scaling,
          collectionCost,
        },
        null,
        2,
      ),
    );
  };
  // Each part is printed as soon as it is measured, so a failure later loses nothing.
  const emit = (lines: string[]) => {
    process.stdout.write(`${lines.join('\n')}\n\n`);
    saveJson();
  };

  try {
    log(`journaled updateOne x${config.writes} (before)`);
    writesBefore = await journaledUpdates(engine.db, config.writes);
    log('warm-up run (chain of 20)');
    await runOnce(engine, chain(20).graph);
    for (const g of graphs) results.push(await measureGraph(engine, g, config.reps[g.name] ?? 1));
    log(`journaled updateOne x${config.writes} (after)`);
    writesAfter = await journaledUpdates(engine.db, config.writes);
  } finally {
    await engine.close();
  }
  const writes = [...writesBefore, ...writesAfter];
  const writeP50 = percentile(writes, 50);
  emit([
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
      `${ferret === undefined ? 'shared MongoDB-protocol server' : 'private FerretDB (SQLite, behind its write-serialising proxy)'}; ` +
      `load average ${load0.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} after the engine runs; ` +
      `bench RSS with the engine started and idle ${mib(idleRss)}; ` +
      `outbox to ${engine.kafka ? 'Kafka' : 'a dropping bus (Kafka unreachable or BENCH_KAFKA=none)'}.`,
    '',
    `One journaled updateOne ({w: 1, j: true}), ${writes.length} sequential: p50 ${ms(writeP50)} ms, ` +
      `p95 ${ms(percentile(writes, 95))} ms, mean ${ms(mean(writes))} ms ` +
      `(before the engine runs p50 ${ms(percentile(writesBefore, 50))} ms, after ${ms(percentile(writesAfter, 50))} ms).`,
    ...(results.length === 0 ? [] : ['', summaryTable(results, writeP50), '']),
    ...results.map((r) => {
      const errors = Object.entries(r.logged)
        .map(([msg, count]) => `${count}x ${msg}`)
        .join('; ');
      return (
        `- ${r.bench.name}: final run ${((r.runs[0]?.docBytes ?? 0) / 1024).toFixed(0)} KB in all, of which the head document ${((r.runs[0]?.headBytes ?? 0) / 1024).toFixed(1)} KB; ` +
        `driver restarts ${r.runs.reduce((s, x) => s + x.driverRestarts, 0)}; ` +
        `engine warnings/errors: ${errors === '' ? 'none' : errors}.`
      );
    }),
  ]);

  const profiled = graphs.filter((g) => config.profileGraphs.includes(g.name));
  if (profiled.length > 0) {
    const monitored = await startEngine({ dbName, monitor: true });
    try {
      await runOnce(monitored, chain(20).graph);
      monitored.takeCommands();
      for (const g of profiled) {
        log(`${g.name}: profiling run (command monitoring on)`);
        const run = await runOnce(monitored, g.graph, config.timeoutMs);
        profiles.push(profileOf(g, run, monitored.takeCommands()));
      }
    } finally {
      await monitored.close();
    }
    emit([
      'Where the time goes (one more run with command monitoring on, which itself costs a little):',
      '',
      profileTable(profiles),
    ]);
  }

  const last = await connectDb(dbName);
  try {
    if (config.scalingIterations > 0) {
      log(`write cost by run size and layout x${config.scalingIterations}`);
      scaling = await writeCostBySize(last.db, [10, 50, 100, 200, 350, 500], config.scalingIterations);
      emit([
        `One block transition written on a run of growing size, ms, p50 of ${config.scalingIterations} (the first layout, four alternatives, and the layout now):`,
        '',
        scalingTable(scaling, writeP50),
      ]);
    }
    if (config.scalingIterations > 0 && config.collectionSizes.length > 0) {
      log(`single-document operations by collection size x${config.scalingIterations}`);
      collectionCost = await collectionCostBySize(last.db, config.collectionSizes, config.scalingIterations);
      emit([
        `One operation on one small document, by the number of documents in its collection, ms, p50 of ${config.scalingIterations}:`,
        '',
        markdownTable(
          ['documents', 'updateOne by _id', 'insertOne', 'findOne by _id', 'find one run by field (1/10)'],
          collectionCost.map((r) => [
            String(r.docs),
            ms(r.updateByIdMs),
            ms(r.insertMs),
            ms(r.findByIdMs),
            ms(r.findByRunMs),
          ]),
        ),
      ]);
    }
  } finally {
    await last.db.dropDatabase();
    await last.close();
  }
  log(
    `done; bench maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}, load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
}

await main();
