import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, infra, uniqueName } from '@dagwright/testkit';
import { createKafkaBus, parseEvent, Topics, type DagwrightEvent } from '@dagwright/events';
import { createLogger } from '@dagwright/kit';
import { blocksOf, contextOf, newTenant, startEngine, waitForRun, type EngineHarness } from './harness.ts';

let h: EngineHarness;
let recorder: Server;
let recorderUrl: string;
const calls: { key: string; body: string }[] = [];
const ctx = contextOf(newTenant());
const terminal = (run: Record<string, unknown>) =>
  ['succeeded', 'failed', 'cancelled'].includes(String(run.status));

beforeAll(async () => {
  recorder = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ key: String(req.headers['idempotency-key']), body });
      if (req.url === '/fail') res.writeHead(503).end('down');
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: true, path: req.url }));
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  h = await startEngine({ allowHosts: ['127.0.0.1'] });
});

afterAll(async () => {
  await h.close();
  recorder.close();
});

async function runGraph(graph: object, input: object = {}): Promise<Record<string, unknown>> {
  const id = uniqueName('wf');
  await h.workflows.createWorkflow(
    { id, name: id, description: '', graphJson: JSON.stringify(graph), tags: [] },
    ctx,
  );
  const run = await h.runs.executeWorkflow({ workflowId: id, inputJson: JSON.stringify(input) }, ctx);
  expect(run.status).toBe('queued');
  return waitForRun(h, String(run.id), ctx, terminal);
}

const delay = (id: string, ms = 400) => ({ id, name: id, type: 'delay', config: { ms } });
const overlaps = (
  a: { startedAt: string; finishedAt: string },
  b: { startedAt: string; finishedAt: string },
) => Date.parse(a.startedAt) < Date.parse(b.finishedAt) && Date.parse(b.startedAt) < Date.parse(a.finishedAt);

//        ┌──► left ──┐
//   start            ├──► join
//        └──► right ─┘
const diamond = (mode: string) => ({
  executionMode: mode,
  nodes: [delay('start', 10), delay('left'), delay('right'), delay('join', 10)],
  edges: [
    { from: 'start', to: 'left' },
    { from: 'start', to: 'right' },
    { from: 'left', to: 'join' },
    { from: 'right', to: 'join' },
  ],
});

describe('scheduling', () => {
  it('runs fan-out branches concurrently in parallel mode and joins them', async () => {
    const run = await runGraph(diamond('parallel'), { n: 1 });
    expect(run.status).toBe('succeeded');
    const blocks = blocksOf(run);
    const [left, right, join] = [blocks.get('left'), blocks.get('right'), blocks.get('join')];
    expect(left && right && overlaps(left, right)).toBe(true);
    expect(Date.parse(join?.startedAt ?? '')).toBeGreaterThanOrEqual(
      Math.max(Date.parse(left?.finishedAt ?? ''), Date.parse(right?.finishedAt ?? '')),
    );
    expect(JSON.parse(String(run.outputJson))).toEqual({ join: { n: 1 } });
    const metrics = await h.registry.metrics();
    expect(metrics).toMatch(
      /dagwright_runs_finished_total\{status="succeeded",service="engine-test"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /dagwright_block_duration_seconds_count\{service="engine-test",type="delay",status="succeeded"\} [1-9]/,
    );
  });

  // Regression (bench/engine): branches finishing together used to race for the run's version; a completion
  // that lost 20 compare-and-sets gave up, and the block ran a second time.
  //
  //          ┌──► b0 ──┐
  //   start ─┼──► ...  ├──► join
  //          └──► b119 ┘
  it('runs each of 120 parallel branches exactly once, with a single attempt each', async () => {
    const branches = Array.from({ length: 120 }, (_, i) => `b${i}`);
    const graph = {
      executionMode: 'parallel',
      maxConcurrency: 120,
      nodes: [
        delay('start', 1),
        ...branches.map((id) => ({ id, name: id, type: 'transform', config: { expression: '$' } })),
        delay('join', 1),
      ],
      edges: [
        ...branches.map((id) => ({ from: 'start', to: id })),
        ...branches.map((id) => ({ from: id, to: 'join' })),
      ],
    };
    const run = await runGraph(graph, { n: 1 });
    expect(run.status).toBe('succeeded');
    expect([...blocksOf(run).values()].map((b) => b.attempts)).toEqual(Array.from({ length: 122 }, () => 1));
    const logs = await h.runs.getRunLogs({ id: run.id }, ctx);
    const attempts = (logs.blocks as { attempts: unknown[] }[]).map((b) => b.attempts.length);
    expect(attempts).toEqual(Array.from({ length: 122 }, () => 1));
  });

  it('runs one block at a time in sequential mode', async () => {
    const run = await runGraph(diamond('sequential'));
    const blocks = blocksOf(run);
    const [left, right] = [blocks.get('left'), blocks.get('right')];
    expect(run.status).toBe('succeeded');
    expect(left && right && overlaps(left, right)).toBe(false);
  });

  //   route ──[$.amount > 100]──► big
  //         └─[$.amount <= 100]─► small ──► after
  it('follows only the edges whose conditions hold and skips the rest', async () => {
    const graph = {
      executionMode: 'parallel',
      nodes: [
        { id: 'route', name: 'route', type: 'condition' },
        { id: 'big', name: 'big', type: 'transform', config: { expression: '{"size": "big"}' } },
        {
          id: 'small',
          name: 'small',
          type: 'transform',
          config: { expression: '{"size": "small", "amount": amount}' },
        },
        { id: 'after', name: 'after', type: 'transform', config: { expression: '{"done": size}' } },
      ],
      edges: [
        { from: 'route', to: 'big', condition: 'amount > 100' },
        { from: 'route', to: 'small', condition: 'amount <= 100' },
        { from: 'small', to: 'after' },
      ],
    };
    const run = await runGraph(graph, { amount: 42 });
    const blocks = blocksOf(run);
    expect(run.status).toBe('succeeded');
    expect(blocks.get('big')?.status).toBe('skipped');
    expect(blocks.get('small')?.status).toBe('succeeded');
    expect(JSON.parse(blocks.get('after')?.outputJson ?? '{}')).toEqual({ done: 'small' });
  });
});

describe('blocks doing real work', () => {
  it('chains tools, a local agentic agent and a mapping', async () => {
    await h.agents.putAgent(
      {
        agent: {
          id: 'triage',
          name: 'Triage',
          description: 'Classifies support mail by keywords',
          kind: 'agentic',
          capabilities: ['classify'],
          domains: ['support'],
          inputSchemaJson: '{"type":"object"}',
          outputSchemaJson: '{"type":"object","properties":{"label":{"type":"string"}}}',
          costPerCall: 0.01,
          avgLatencyMs: '5',
          implementationJson: JSON.stringify({
            task: 'classify',
            labels: { billing: ['invoice', 'refund'], bug: ['crash', 'error'] },
          }),
        },
      },
      ctx,
    );
    //   total ──► classify ──► report
    const graph = {
      executionMode: 'sequential',
      nodes: [
        {
          id: 'total',
          name: 'total',
          type: 'tool',
          config: {
            tool: 'records.aggregate',
            params: { field: 'orders', valueField: 'amount', ops: ['sum', 'count'] },
          },
        },
        { id: 'classify', name: 'classify', type: 'agent', agentId: 'triage' },
        {
          id: 'report',
          name: 'report',
          type: 'tool',
          config: { tool: 'template.render', params: { template: 'route to {{label}}' } },
        },
      ],
      edges: [
        {
          from: 'total',
          to: 'classify',
          mapping: { text: '"please refund invoice " & $string(sum)', count: 'count' },
        },
        { from: 'classify', to: 'report' },
      ],
    };
    const run = await runGraph(graph, { orders: [{ amount: 5 }, { amount: 7.5 }] });
    expect(run.status).toBe('succeeded');
    const blocks = blocksOf(run);
    expect(JSON.parse(blocks.get('total')?.outputJson ?? '{}')).toEqual({ sum: 12.5, count: 2 });
    expect(JSON.parse(blocks.get('classify')?.outputJson ?? '{}')).toMatchObject({ label: 'billing' });
    expect(JSON.parse(String(run.outputJson))).toEqual({ report: { text: 'route to billing' } });
    expect(run.totalCost).toBeCloseTo(0.01);
  });

  it('calls HTTP with the run:block idempotency key and refuses private addresses that are not allowed', async () => {
    const graph = {
      executionMode: 'parallel',
      errorHandling: 'lenient',
      nodes: [
        { id: 'call', name: 'call', type: 'http', config: { url: `${recorderUrl}/hook`, method: 'POST' } },
        {
          id: 'meta',
          name: 'meta',
          type: 'http',
          config: { url: 'http://169.254.169.254/latest/meta-data', method: 'GET' },
        },
      ],
      edges: [],
    };
    const run = await runGraph(graph, { hello: 'world' });
    const blocks = blocksOf(run);
    expect(blocks.get('call')?.status).toBe('succeeded');
    expect(calls.find((c) => c.key === `${String(run.id)}:call`)?.body).toBe('{"hello":"world"}');
    expect(blocks.get('meta')?.status).toBe('failed');
    expect(blocks.get('meta')?.error).toMatch(/private, loopback or metadata/);
  });

  it('retries with backoff, logs each attempt, and fails a strict run', async () => {
    const graph = {
      executionMode: 'sequential',
      nodes: [
        {
          id: 'flaky',
          name: 'flaky',
          type: 'http',
          config: { url: `${recorderUrl}/fail`, method: 'POST' },
          retry: { maxAttempts: 3, backoffMs: 20 },
        },
        delay('never', 1),
      ],
      edges: [{ from: 'flaky', to: 'never' }],
    };
    const run = await runGraph(graph);
    expect(run.status).toBe('failed');
    expect(String(run.error)).toMatch(/flaky.*HTTP 503/);
    const blocks = blocksOf(run);
    expect(blocks.get('flaky')?.attempts).toBe(3);
    expect(blocks.get('never')?.status).toBe('skipped');
    const logs = await h.runs.getRunLogs({ id: run.id }, ctx);
    const flaky = (logs.blocks as { blockId: string; attempts: { attempt: number; error: string }[] }[]).find(
      (b) => b.blockId === 'flaky',
    );
    expect(flaky?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(flaky?.attempts.every((a) => a.error.includes('503'))).toBe(true);
  });

  it('times a block out, and in lenient mode skips its dependants while other branches finish', async () => {
    //   slow ──► after_slow        fine
    const graph = {
      executionMode: 'parallel',
      errorHandling: 'lenient',
      nodes: [{ ...delay('slow', 5000), timeoutMs: 100 }, delay('after_slow', 1), delay('fine', 10)],
      edges: [{ from: 'slow', to: 'after_slow' }],
    };
    const run = await runGraph(graph);
    const blocks = blocksOf(run);
    expect(blocks.get('slow')?.status).toBe('failed');
    expect(blocks.get('slow')?.error).toMatch(/timed out after 100 ms/);
    expect(blocks.get('after_slow')?.status).toBe('skipped');
    expect(blocks.get('fine')?.status).toBe('succeeded');
    expect(run.status).toBe('succeeded');
  });

  it('routes a failing block to its fallback in adaptive mode', async () => {
    const graph = {
      executionMode: 'sequential',
      errorHandling: 'adaptive',
      nodes: [
        {
          id: 'primary',
          name: 'primary',
          type: 'http',
          config: { url: `${recorderUrl}/fail`, method: 'POST' },
          retry: { maxAttempts: 2, backoffMs: 10 },
          fallback: 'backup',
        },
        { id: 'backup', name: 'backup', type: 'transform', config: { expression: '{"from": "backup"}' } },
      ],
      edges: [{ from: 'primary', to: 'backup' }],
    };
    const run = await runGraph(graph);
    expect(run.status).toBe('succeeded');
    expect(JSON.parse(blocksOf(run).get('primary')?.outputJson ?? '{}')).toEqual({ from: 'backup' });
  });
});

describe('run events', () => {
  it('streams every transition in order and publishes workflow.executed with per-block metrics', async () => {
    const bus = createKafkaBus({
      brokers: infra().kafkaBrokers,
      clientId: 'executed-reader',
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    const executed: DagwrightEvent[] = [];
    const sub = await bus.subscribe({
      groupId: uniqueName('executed'),
      topics: [Topics.workflowExecuted],
      fromBeginning: true,
      handle: (record) => {
        const event = parseEvent(record.value);
        if (event.clientid === ctx.tenant.clientId) executed.push(event);
        return Promise.resolve();
      },
    });
    try {
      const run = await runGraph(diamond('parallel'));
      const events = await h.stream(String(run.id), ctx);
      const sequence = events.map((e) => Number(e.sequence));
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
      expect(events[0]).toMatchObject({ kind: 'run', status: 'queued' });
      expect(events.at(-1)).toMatchObject({ kind: 'run', status: 'succeeded' });
      expect(
        events
          .filter((e) => e.kind === 'block' && e.status === 'succeeded')
          .map((e) => e.blockId)
          .sort(),
      ).toEqual(['join', 'left', 'right', 'start']);
      // Resuming a stream from a sequence number gives only what came after it.
      const tail = await h.stream(String(run.id), ctx, sequence.at(-2));
      expect(tail).toHaveLength(1);

      const event = await eventually(
        () => executed.find((e) => e.subject === run.id),
        30_000,
        'workflow.executed',
      );
      const data = event.data as {
        status: string;
        blocks: { blockId: string; status: string; attempts: number; durationMs: string }[];
      };
      expect(data.status).toBe('succeeded');
      expect(data.blocks.map((b) => b.blockId).sort()).toEqual(['join', 'left', 'right', 'start']);
      expect(Number(data.blocks.find((b) => b.blockId === 'left')?.durationMs)).toBeGreaterThanOrEqual(350);
    } finally {
      await sub.stop();
      await bus.close();
    }
  });
});
