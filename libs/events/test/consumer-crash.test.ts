import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import {
  eventually,
  infra,
  testDatabase,
  testTopic,
  uniqueName,
  type TestDatabase,
} from '@dagwright/testkit';
import { createEvent, createKafkaBus, PROCESSED_EVENTS } from '../src/index.ts';

const FIXTURE = fileURLToPath(new URL('fixtures/consumer-process.ts', import.meta.url));
const EVENTS = 300;
const tenant = { clientId: 'crash-client', projectId: 'p', workspaceId: 'w' };

let database: TestDatabase;
let topic: string;
const groupId = uniqueName('crash-group');
const children: ChildProcess[] = [];
const outcomes: string[] = [];

function startConsumer(): ChildProcess {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      MONGO_URL: database.url,
      DB_NAME: database.name,
      KAFKA_BROKERS: infra().kafkaBrokers.join(','),
      TOPIC: topic,
      GROUP_ID: groupId,
      HANDLER_DELAY_MS: '15',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line) outcomes.push((JSON.parse(line) as { outcome: string }).outcome);
  });
  children.push(child);
  return child;
}

const processedCount = () => database.db.collection(PROCESSED_EVENTS).countDocuments({});

beforeAll(async () => {
  database = await testDatabase('crash');
  topic = await testTopic('crash');
  await database.db
    .collection<{ _id: string }>('totals')
    .insertOne({ _id: tenant.clientId, sum: 0, applied: [] } as never);
  const bus = createKafkaBus({
    brokers: infra().kafkaBrokers,
    clientId: 'crash-producer',
    logger: createLogger({ service: 't', level: 'silent' }),
  });
  const events = Array.from({ length: EVENTS }, (_, i) =>
    createEvent({
      type: 'dagwright.test.amount',
      source: '//dagwright/test',
      subject: `e${i}`,
      tenant,
      data: { amount: i + 1 },
    }),
  );
  await bus.publish(events.map((event) => ({ topic, event })));
  await bus.close();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await database.cleanup();
});

describe('idempotent consumer killed mid-batch', () => {
  it('applies every event exactly once across a SIGKILL and a restart', async () => {
    // 1. Run until about a third is applied, then kill without any chance to commit offsets.
    const first = startConsumer();
    await eventually(
      async () => ((await processedCount()) >= EVENTS / 3 ? true : undefined),
      90_000,
      'a third applied',
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeRestart = await processedCount();
    expect(beforeRestart).toBeLessThan(EVENTS);

    // 2. A new process in the same group takes over from the last committed offsets.
    outcomes.length = 0;
    startConsumer();
    await eventually(
      async () => ((await processedCount()) === EVENTS ? true : undefined),
      120_000,
      'all events processed',
    );

    // 3. Each event changed the total exactly once: nothing lost, nothing doubled.
    const totals = await database.db
      .collection<{ _id: string; sum: number; applied: string[] }>('totals')
      .findOne({ _id: tenant.clientId });
    expect(totals?.applied).toHaveLength(EVENTS);
    expect(new Set(totals?.applied).size).toBe(EVENTS);
    expect(totals?.sum).toBe((EVENTS * (EVENTS + 1)) / 2);
    // The killed consumer had not committed everything it applied, so the restart saw redeliveries and skipped them.
    expect(outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThan(0);
  });
});
