import type { Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import {
  eventually,
  startPrivateKafka,
  testDatabase,
  uniqueName,
  type PrivateKafka,
  type TestDatabase,
} from '@dagwright/testkit';
import {
  createEvent,
  createKafkaBus,
  OutboxRelay,
  outboxEntry,
  parseEvent,
  pushToOutbox,
  type EventBus,
  type WithOutbox,
} from '../src/index.ts';

const logger = createLogger({ service: 'outbox-test', level: 'silent' });
const tenant = { clientId: 'outbox-client', projectId: 'p', workspaceId: 'w' };

interface WorkflowDoc extends WithOutbox {
  _id: string;
  clientId: string;
  projectId: string;
  workspaceId: string;
  status: string;
  version: number;
}

// This test stops Kafka, so it runs a private broker (its own ports and data) instead of the shared one.
let privateKafka: PrivateKafka;
let brokers: string[];
let database: TestDatabase;
let workflows: Collection<WorkflowDoc>;
let bus: EventBus;
let relay: OutboxRelay;
const topic = uniqueName('outbox').replace(/_/g, '.');

beforeAll(async () => {
  privateKafka = await startPrivateKafka();
  brokers = privateKafka.brokers;
  database = await testDatabase('outbox');
  workflows = database.db.collection<WorkflowDoc>('workflows');
  bus = createKafkaBus({ brokers, clientId: 'outbox-relay', logger });
  await bus.ensureTopics([topic], { partitions: 1 });
  relay = new OutboxRelay({
    collections: [workflows as unknown as Collection],
    bus,
    logger,
    intervalMs: 100,
    maxBackoffMs: 1000,
  });
  relay.start();
});

afterAll(async () => {
  await relay.stop();
  await bus.close();
  await privateKafka.destroy();
  await database.cleanup();
});

function event(subject: string, change: string) {
  return createEvent({
    type: 'dagwright.workflow.created',
    source: '//dagwright/test',
    subject,
    tenant,
    data: { change },
  });
}

/** A state change and its event in one atomic write: insert a document with its outbox. */
async function createWorkflow(id: string): Promise<string> {
  const e = event(id, 'created');
  await workflows.insertOne({
    _id: id,
    ...tenant,
    status: 'draft',
    version: 1,
    outbox: [outboxEntry(topic, e)],
  });
  relay.notify();
  return e.id;
}

/** A compare-and-set update and its event in one atomic write: `$set` with `$push` to the outbox. */
async function publishWorkflow(id: string): Promise<string> {
  const e = event(id, 'published');
  const result = await workflows.updateOne(
    { _id: id, ...tenant, status: 'draft', version: 1 },
    { $set: { status: 'published', version: 2 }, ...pushToOutbox(outboxEntry(topic, e)) },
  );
  expect(result.modifiedCount).toBe(1);
  relay.notify();
  return e.id;
}

const pending = () => workflows.countDocuments({ 'outbox.0': { $exists: true } });

async function readTopic(expected: number): Promise<string[]> {
  const reader = createKafkaBus({ brokers, clientId: 'outbox-reader', logger });
  const ids: string[] = [];
  const subscription = await reader.subscribe({
    groupId: uniqueName('reader'),
    topics: [topic],
    fromBeginning: true,
    handle: (record) => {
      ids.push(parseEvent(record.value).id);
      return Promise.resolve();
    },
  });
  try {
    await eventually(
      () => (ids.length >= expected ? true : undefined),
      60_000,
      `${expected} events on the topic`,
    );
    // Wait a little longer: a duplicate would arrive right behind.
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await subscription.stop();
    await reader.close();
  }
  return ids;
}

describe('transactional outbox relay', () => {
  it('publishes events of state changes made while Kafka was down, once each, after it is back', async () => {
    const expected: string[] = [];

    // 1. Kafka up: events flow straight through.
    for (let i = 0; i < 5; i++) expected.push(await createWorkflow(`wf-up-${i}`));
    await eventually(async () => ((await pending()) === 0 ? true : undefined), 30_000, 'outbox drained');

    // 2. Kafka down: state changes still commit, their events wait in the documents.
    await privateKafka.stop();
    for (let i = 0; i < 10; i++) expected.push(await createWorkflow(`wf-down-${i}`));
    for (let i = 0; i < 5; i++) expected.push(await publishWorkflow(`wf-down-${i}`));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await pending()).toBe(10);
    const waiting = await workflows.find({ _id: 'wf-down-0' }).next();
    expect(waiting?.outbox).toHaveLength(2);
    expect(waiting?.status).toBe('published');

    // 3. Kafka back: the relay catches up on its own and empties every outbox.
    await privateKafka.start();
    await eventually(
      async () => ((await pending()) === 0 ? true : undefined),
      90_000,
      'outbox drained after restart',
    );

    // 4. Every event is on the topic exactly once, and no event exists for a change that did not happen.
    const onTopic = await readTopic(expected.length);
    expect(onTopic.sort()).toEqual([...expected].sort());
  });

  it('does not publish an event whose state change lost its compare-and-set', async () => {
    const id = await createWorkflow('wf-cas');
    await eventually(async () => ((await pending()) === 0 ? true : undefined), 30_000, 'outbox drained');
    await publishWorkflow('wf-cas');
    const stale = await workflows.updateOne(
      { _id: 'wf-cas', ...tenant, status: 'draft', version: 1 },
      {
        $set: { status: 'published', version: 2 },
        ...pushToOutbox(outboxEntry(topic, event('wf-cas', 'lost'))),
      },
    );
    expect(stale.matchedCount).toBe(0);
    const doc = await workflows.findOne({ _id: 'wf-cas' });
    expect(
      doc?.outbox
        ?.map((e) => JSON.parse(e.event) as { data: { change: string } })
        .map((e) => e.data.change) ?? [],
    ).not.toContain('lost');
    expect(id).toBeTruthy();
  });
});
