import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import { createKafkaBus, parseEvent, Topics } from '@dagwright/events';
import { eventually, startPrivateKafka, uniqueName, type PrivateKafka } from '@dagwright/testkit';
import { contextOf, newTenant, startEngine, type EngineHarness } from './harness.ts';

// Kafka is stopped here, so the engine gets a private broker of its own.
let kafka: PrivateKafka;
let h: EngineHarness;
const ctx = contextOf(newTenant());
const RUNS = 50;

beforeAll(async () => {
  kafka = await startPrivateKafka();
  // Long leases and a slow recovery scan: 50 concurrent runs on FerretDB (which scans a collection for every
  // query) should measure the outage, not lease renewals.
  h = await startEngine({ brokers: kafka.brokers, leaseMs: 30_000, recoveryIntervalMs: 10_000 });
}, 180_000);

afterAll(async () => {
  await h.close();
  await kafka.destroy();
});

describe('Kafka outage', () => {
  it('publishes exactly one workflow.executed per run for 50 runs that finished while Kafka was down', async () => {
    //   double ──► label
    const graph = {
      executionMode: 'sequential',
      nodes: [
        { id: 'double', name: 'double', type: 'transform', config: { expression: '{"n": n * 2}' } },
        {
          id: 'label',
          name: 'label',
          type: 'transform',
          config: { expression: '{"label": "n=" & $string(n)}' },
        },
      ],
      edges: [{ from: 'double', to: 'label' }],
    };
    await h.workflows.createWorkflow(
      { id: 'outage', name: 'outage', description: '', graphJson: JSON.stringify(graph), tags: [] },
      ctx,
    );

    await kafka.stop();
    const runIds: string[] = [];
    for (let n = 0; n < RUNS; n++) {
      runIds.push(
        String(
          (await h.runs.executeWorkflow({ workflowId: 'outage', inputJson: JSON.stringify({ n }) }, ctx)).id,
        ),
      );
    }
    // One list call per poll: FerretDB scans the collection for every query, so 50 single reads per poll
    // would mostly measure that.
    await eventually(
      async () => {
        const { runs } = await h.runs.listRuns({ workflowId: 'outage', page: { pageSize: 100 } }, ctx);
        const statuses = (runs as { status: string }[]).map((r) => r.status);
        await new Promise((r) => setTimeout(r, 400));
        return statuses.length === RUNS && statuses.every((s) => s === 'succeeded') ? true : undefined;
      },
      240_000,
      'all runs finished while Kafka is down',
    );

    await kafka.start();
    const bus = createKafkaBus({
      brokers: kafka.brokers,
      clientId: 'outage-reader',
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    const perRun = new Map<string, number>();
    const sub = await bus.subscribe({
      groupId: uniqueName('outage'),
      topics: [Topics.workflowExecuted],
      fromBeginning: true,
      handle: (record) => {
        const event = parseEvent(record.value);
        perRun.set(event.subject, (perRun.get(event.subject) ?? 0) + 1);
        return Promise.resolve();
      },
    });
    try {
      await eventually(
        () => (runIds.every((id) => perRun.has(id)) ? true : undefined),
        90_000,
        'an event for every run',
      );
      // A duplicate would arrive right behind the originals.
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      await sub.stop();
      await bus.close();
    }
    expect(runIds.map((id) => perRun.get(id))).toEqual(runIds.map(() => 1));
    expect([...perRun.keys()].sort()).toEqual([...runIds].sort());
  }, 420_000);
});
