/**
 * The engine as a child process, SIGKILLed before, during and after block execution and while waiting for a
 * person; each time a new process (another replica identity) takes the run over and carries on. A recording
 * HTTP server on loopback sees every side effect and keeps it once per idempotency key, as a real one would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Client } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
import { callUnary, checkGrpcHealth, createGrpcClient, type ClientConstructor } from '@dagwright/kit';
import { eventually, freePort, infra, uniqueName } from '@dagwright/testkit';
import { blocksOf, contextOf, newTenant } from './harness.ts';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ctx = contextOf(newTenant(), 'operator');
const dbName = uniqueName('crash_engine');

/** Raw requests per idempotency key, and the effects kept (once per key). */
const received = new Map<string, number>();
const effects = new Map<string, string>();
let onRequest: (path: string) => void = () => undefined;
let recorder: Server;
let recorderUrl: string;
let engine: ChildProcess | undefined;
let port = 0;
let processes = 0;

type Unary = Parameters<typeof callUnary>[1];
let workflows: Client & Record<string, Unary>;
let runs: Client & Record<string, Unary>;

async function startEngineProcess(): Promise<void> {
  port = await freePort();
  processes += 1;
  engine = spawn(process.execPath, ['--import', '@dagwright/kit/otel', 'src/main.ts'], {
    cwd: SERVICE_DIR,
    env: {
      ...process.env,
      GRPC_PORT: String(port),
      ADMIN_PORT: String(await freePort()),
      MONGO_URL: infra().mongoUrl,
      MONGO_DB: dbName,
      KAFKA_BROKERS: infra().kafkaBrokers.join(','),
      ENGINE_ID: `crash-test-${processes}`,
      LEASE_MS: '1500',
      RECOVERY_INTERVAL_MS: '300',
      HTTP_ALLOW_HOSTS: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await eventually(
    async () =>
      (await checkGrpcHealth(`127.0.0.1:${port}`).catch(() => '')) === 'SERVING' ? true : undefined,
    60_000,
    'engine serving',
  );
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const v1 = grpc.dagwright.engine.v1;
  const make = (ctor: unknown, name: string) =>
    createGrpcClient<Client & Record<string, Unary>>(
      ctor as ClientConstructor<Client & Record<string, Unary>>,
      `127.0.0.1:${port}`,
      { serviceName: name },
    );
  workflows = make(v1.WorkflowService, 'dagwright.engine.v1.WorkflowService');
  runs = make(v1.RunService, 'dagwright.engine.v1.RunService');
}

async function killEngine(): Promise<void> {
  const child = engine;
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  workflows.close();
  runs.close();
}

const call = (client: Client & Record<string, Unary>, method: string, request: object) =>
  callUnary(client, client[method] as Unary, request, ctx) as Promise<Record<string, unknown>>;

async function runState(runId: string): Promise<Record<string, unknown>> {
  return call(runs, 'getRun', { id: runId });
}

beforeAll(async () => {
  recorder = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      received.set(key, (received.get(key) ?? 0) + 1);
      if (!effects.has(key)) effects.set(key, body);
      onRequest(req.url ?? '');
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        req.url === '/slow' ? 600 : 0,
      );
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await killEngine();
  recorder.close();
  const { MongoClient } = await import('mongodb');
  const client = await MongoClient.connect(infra().mongoUrl);
  await client.db(dbName).dropDatabase();
  await client.close();
});

//   one ──► two (slow) ──► three ──► approve (human) ──► four
const http = (id: string, path = '/effect') => ({
  id,
  name: id,
  type: 'http',
  config: { url: `${recorderUrl}${path}`, method: 'POST', body: { block: id } },
});
const graph = () => ({
  executionMode: 'sequential',
  nodes: [
    http('one'),
    http('two', '/slow'),
    http('three'),
    { id: 'approve', name: 'approve', type: 'human', config: { prompt: 'go on?' } },
    http('four'),
  ],
  edges: [
    { from: 'one', to: 'two' },
    { from: 'two', to: 'three' },
    { from: 'three', to: 'approve' },
    { from: 'approve', to: 'four' },
  ],
});

describe('crash recovery', () => {
  it('finishes a run across SIGKILLs, with every side effect exactly once and no finished block re-run', async () => {
    await startEngineProcess();
    await call(workflows, 'createWorkflow', {
      id: 'durable',
      name: 'durable',
      description: '',
      graphJson: JSON.stringify(graph()),
      tags: [],
    });

    // 1. Killed right after accepting the run, before or as the first block starts.
    const runId = String(
      (await call(runs, 'executeWorkflow', { workflowId: 'durable', inputJson: '{}' })).id,
    );
    await killEngine();
    await startEngineProcess();

    // 2. Killed while block `two` is executing: its request arrived, the answer never does.
    const duringTwo = new Promise<void>((resolve) => {
      onRequest = (path) => {
        if (path === '/slow') resolve();
      };
    });
    await duringTwo;
    onRequest = () => undefined;
    await killEngine();
    await startEngineProcess();

    // 3. Killed right after block `three` finished.
    await eventually(
      async () => (blocksOf(await runState(runId)).get('three')?.status === 'succeeded' ? true : undefined),
      30_000,
      'three done',
    );
    await killEngine();
    await startEngineProcess();

    // 4. Killed while the run waits for a person; the answer goes to the next process.
    await eventually(
      async () => ((await runState(runId)).status === 'waiting_human' ? true : undefined),
      30_000,
      'waiting for a person',
    );
    await killEngine();
    await startEngineProcess();
    await call(runs, 'resumeRun', { id: runId, blockId: 'approve', decision: 'approve', inputJson: '{}' });

    const done = await eventually(
      async () => {
        const run = await runState(runId);
        return run.status === 'succeeded' ? run : undefined;
      },
      30_000,
      'run succeeded',
    );
    expect(processes).toBe(5);

    const keys = ['one', 'two', 'three', 'four'].map((b) => `${runId}:${b}`);
    // Every block's effect happened, exactly once per block.
    expect([...effects.keys()].filter((k) => k.startsWith(runId)).sort()).toEqual([...keys].sort());
    for (const block of ['one', 'two', 'three', 'four'])
      expect(JSON.parse(effects.get(`${runId}:${block}`) ?? '{}')).toEqual({ block });
    // Blocks that had finished before a kill were never sent again; `two` was in flight and was retried.
    expect(received.get(`${runId}:one`)).toBe(1);
    expect(received.get(`${runId}:three`)).toBe(1);
    expect(received.get(`${runId}:four`)).toBe(1);
    expect(received.get(`${runId}:two`)).toBeGreaterThanOrEqual(2);
    expect([...blocksOf(done).values()].every((b) => b.status === 'succeeded')).toBe(true);
  }, 240_000);
});
