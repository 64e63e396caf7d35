import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import { eventually, infra, testTopic, uniqueName } from '@dagwright/testkit';
import {
  createEvent,
  createKafkaBus,
  parseEvent,
  type DagwrightEvent,
  type EventBus,
  type IncomingEvent,
} from '../src/index.ts';

const logger = createLogger({ service: 'events-test', level: 'silent' });
let bus: EventBus;

beforeAll(() => {
  bus = createKafkaBus({ brokers: infra().kafkaBrokers, clientId: 'events-test', logger });
});

afterAll(async () => {
  await bus.close();
});

describe('Kafka event bus', () => {
  it('creates missing topics and leaves existing ones alone', async () => {
    const topic = uniqueName('ensure').replace(/_/g, '.');
    await bus.ensureTopics([topic]);
    await bus.ensureTopics([topic]);
    await bus.ping();
  });

  it('publishes a CloudEvent and a consumer group receives it, keyed by client', async () => {
    const topic = await testTopic('bus');
    const tenant = { clientId: 'acme', projectId: 'p1', workspaceId: 'w1' };
    const events = Array.from({ length: 5 }, (_, i) =>
      createEvent({
        type: 'dagwright.workflow.created',
        source: '//dagwright/test',
        subject: `wf-${i}`,
        tenant,
        data: { i },
      }),
    );
    await bus.publish(events.map((event) => ({ topic, event })));

    const received: IncomingEvent[] = [];
    const subscription = await bus.subscribe({
      groupId: uniqueName('group'),
      topics: [topic],
      fromBeginning: true,
      handle: (record) => {
        received.push(record);
        return Promise.resolve();
      },
    });
    try {
      await eventually(() => (received.length >= 5 ? true : undefined), 60_000, '5 events');
    } finally {
      await subscription.stop();
    }
    const parsed = received.map((r) => parseEvent(r.value));
    expect(parsed.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(
      parsed.every(
        (e: DagwrightEvent) => e.clientid === 'acme' && e.projectid === 'p1' && e.workspaceid === 'w1',
      ),
    ).toBe(true);
    // One key per tenant keeps a tenant's events in one partition, in order.
    expect(new Set(received.map((r) => r.partition)).size).toBe(1);
    const inOrder = [...received]
      .sort((a, b) => Number(a.offset) - Number(b.offset))
      .map((r) => parseEvent(r.value).data);
    expect(inOrder).toEqual(events.map((e) => e.data));
  });

  it('fails a publish to a missing topic with an OperationalError instead of creating it', async () => {
    const topic = uniqueName('absent').replace(/_/g, '.');
    const event = createEvent({
      type: 't',
      source: '//s',
      subject: 'x',
      tenant: { clientId: 'c', projectId: 'p', workspaceId: 'w' },
      data: {},
    });
    await expect(bus.publish([{ topic, event }])).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'KAFKA_UNAVAILABLE',
    });
  });
});
