import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo, connectRedis, createLogger, pingMongo, pingRedis } from '@dagwright/kit';
import { infra, testDatabase, testRedis, uniqueName } from '../src/index.ts';

const logger = createLogger({ service: 'testkit-test', level: 'silent' });

describe('MongoDB-protocol server through mongoose', () => {
  const dbName = uniqueName('mongoose');
  let connection: Awaited<ReturnType<typeof connectMongo>>;

  interface Run {
    clientId: string;
    projectId: string;
    workspaceId: string;
    runId: string;
    status: string;
    version: number;
    steps: { id: string; ms: number }[];
    input: string;
  }
  const RunSchema = new Schema<Run>({
    clientId: { type: String, required: true },
    projectId: { type: String, required: true },
    workspaceId: { type: String, required: true },
    runId: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    steps: [{ id: String, ms: Number }],
    input: String,
  });
  RunSchema.index({ clientId: 1, projectId: 1, workspaceId: 1, runId: 1 }, { unique: true });

  beforeAll(async () => {
    connection = await connectMongo({ url: infra().mongoUrl, dbName, logger });
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('writes and reads documents, scoped by tenant', async () => {
    const Run = connection.model<Run>('Run', RunSchema);
    await Run.createIndexes();
    const tenantA = { clientId: 'a', projectId: 'p', workspaceId: 'w' };
    const tenantB = { clientId: 'b', projectId: 'p', workspaceId: 'w' };
    await Run.create({
      ...tenantA,
      runId: 'r1',
      status: 'queued',
      version: 1,
      steps: [],
      input: JSON.stringify({ $weird: { 'dotted.key': 1 } }),
    });
    await Run.create({ ...tenantB, runId: 'r1', status: 'queued', version: 1, steps: [] });

    const found = await Run.findOne({ ...tenantA, runId: 'r1' }).lean();
    expect(found?.status).toBe('queued');
    expect(JSON.parse(found?.input ?? '{}')).toEqual({ $weird: { 'dotted.key': 1 } });
    expect(await Run.countDocuments({ ...tenantA })).toBe(1);
    await pingMongo(connection);
  });

  it('refuses a duplicate under a unique index with code 11000', async () => {
    const Run = connection.model<Run>('Run');
    await expect(
      Run.create({
        clientId: 'a',
        projectId: 'p',
        workspaceId: 'w',
        runId: 'r1',
        status: 'queued',
        version: 1,
      }),
    ).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('does compare-and-set on {status, version}: exactly one of two concurrent writers wins', async () => {
    const Run = connection.model<Run>('Run');
    const filter = {
      clientId: 'a',
      projectId: 'p',
      workspaceId: 'w',
      runId: 'r1',
      status: 'queued',
      version: 1,
    };
    const attempts = await Promise.all(
      ['running', 'cancelled'].map((status) =>
        Run.findOneAndUpdate(
          filter,
          { $set: { status, version: 2 }, $push: { steps: { id: status, ms: 1 } } },
          { returnDocument: 'after' },
        ).lean(),
      ),
    );
    const winners = attempts.filter((doc) => doc !== null);
    expect(winners).toHaveLength(1);
    const stored = await Run.findOne({ clientId: 'a', projectId: 'p', workspaceId: 'w', runId: 'r1' }).lean();
    expect(stored?.version).toBe(2);
    expect(stored?.steps).toHaveLength(1);
    expect(stored?.status).toBe(winners[0]?.status);
  });

  it('gives each test its own database', async () => {
    const one = await testDatabase('isolation');
    const two = await testDatabase('isolation');
    try {
      expect(one.name).not.toBe(two.name);
      await one.db.collection('c').insertOne({ x: 1 });
      expect(await two.db.collection('c').countDocuments({})).toBe(0);
    } finally {
      await one.cleanup();
      await two.cleanup();
    }
  });
});

describe('Redis', () => {
  it('round-trips values, expiry and counters', async () => {
    const { redis, keyPrefix } = testRedis('roundtrip');
    try {
      await redis.set('greeting', 'hello', 'EX', 60);
      expect(await redis.get('greeting')).toBe('hello');
      expect(await redis.ttl('greeting')).toBeGreaterThan(0);
      expect(await redis.incrby('counter', 5)).toBe(5);
      expect(await redis.incrby('counter', 2)).toBe(7);
      // Keys really live under the test's own prefix on the server.
      const raw = await connectRedis(infra().redisUrl, logger);
      expect(await raw.get(`${keyPrefix}greeting`)).toBe('hello');
      await pingRedis(raw);
      await raw.quit();
      await redis.del('greeting', 'counter');
    } finally {
      await redis.quit();
    }
  });
});
