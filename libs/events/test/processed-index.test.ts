import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dagwright/kit';
import { testDatabase, type TestDatabase } from '@dagwright/testkit';
import {
  createEvent,
  ensureProcessedIndex,
  idempotent,
  PROCESSED_EVENTS,
  type IncomingEvent,
} from '../src/index.ts';

const logger = createLogger({ service: 'idem-test', level: 'silent' });
let database: TestDatabase;

beforeAll(async () => {
  database = await testDatabase('idem');
  await ensureProcessedIndex(database.db);
});

afterAll(async () => {
  await database.cleanup();
});

const record = (value: unknown): IncomingEvent => ({
  topic: 't',
  partition: 0,
  offset: '0',
  value: Buffer.from(JSON.stringify(value)),
});

describe('idempotent handler', () => {
  it('applies an event once, skips its redelivery, and rejects malformed records without applying them', async () => {
    const calls: string[] = [];
    const apply = idempotent({
      db: database.db,
      consumer: 'test-consumer',
      logger,
      handler: (event) => {
        calls.push(event.id);
        return Promise.resolve();
      },
    });
    const event = createEvent({
      type: 't',
      source: '//s',
      subject: 'x',
      tenant: { clientId: 'c', projectId: 'p', workspaceId: 'w' },
      data: {},
    });
    expect(await apply(record(event))).toBe('applied');
    expect(await apply(record(event))).toBe('duplicate');
    expect(await apply({ ...record(event), value: Buffer.from('{oops') })).toBe('rejected');
    expect(calls).toEqual([event.id]);
  });

  it('keeps processed ids unique per consumer and tenant in the database itself', async () => {
    const key = { clientId: 'c', projectId: 'p', workspaceId: 'w', consumer: 'x', eventId: 'e1' };
    await database.db.collection(PROCESSED_EVENTS).insertOne({ ...key });
    await expect(database.db.collection(PROCESSED_EVENTS).insertOne({ ...key })).rejects.toMatchObject({
      code: 11000,
    });
  });
});
