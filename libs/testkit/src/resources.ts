import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { configuredInfra, missingInfraError, type InfraUrls } from './infra.ts';

/** The infrastructure of this run; throws with the command that starts it when there is none. */
export function infra(): InfraUrls {
  const urls = configuredInfra();
  if (urls === undefined) throw missingInfraError();
  return urls;
}

/** A name no other test of any parallel run uses: prefix, process id and randomness, safe for databases and topics. */
export function uniqueName(prefix: string): string {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24);
  return `t_${clean}_${process.pid.toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A database of its own for one test (file); dropped by `cleanup`. */
export interface TestDatabase {
  url: string;
  name: string;
  client: MongoClient;
  db: Db;
  cleanup(): Promise<void>;
}

/** Connects to a fresh, uniquely named database on the real MongoDB-protocol server. */
export async function testDatabase(prefix: string): Promise<TestDatabase> {
  const { mongoUrl } = infra();
  const name = uniqueName(prefix);
  const client = await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
  const db = client.db(name);
  return {
    url: mongoUrl,
    name,
    client,
    db,
    cleanup: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** Creates a uniquely named topic on the real Kafka broker and returns its name. */
export async function testTopic(prefix: string, partitions = 3): Promise<string> {
  const topic = uniqueName(prefix).replace(/_/g, '.');
  const admin = new Kafka({
    clientId: 'testkit',
    brokers: infra().kafkaBrokers,
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** A Redis client on the real server, with keys to be prefixed by `keyPrefix` so tests don't collide. */
export function testRedis(prefix: string): { redis: Redis; keyPrefix: string } {
  const keyPrefix = `${uniqueName(prefix)}:`;
  return { redis: new Redis(infra().redisUrl, { keyPrefix, maxRetriesPerRequest: 2 }), keyPrefix };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last === undefined ? '' : `: ${last}`}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1 (for servers a test starts as child processes). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
