import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafkaBus, type EventBus } from '@dagwright/events';
import { createLogger } from '@dagwright/kit';
import { migrate } from '@dagwright/migrate';
import { infra, uniqueName } from '@dagwright/testkit';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.ts';

const logger = createLogger({ service: 'migrate-test', level: 'silent' });
let bus: EventBus;

beforeAll(() => {
  bus = createKafkaBus({ brokers: infra().kafkaBrokers, clientId: 'migrate-test', logger });
});
afterAll(async () => {
  await bus.close();
});

async function partitionsOf(topics: string[]): Promise<Record<string, number>> {
  const admin = new Kafka({
    clientId: 'migrate-test',
    brokers: infra().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    return Object.fromEntries(metadata.map((t) => [t.name, t.partitions.length]));
  } finally {
    await admin.disconnect();
  }
}

describe('migrations run (the Helm hook Job)', () => {
  it('creates missing topics with the configured partitions, and a second run changes nothing', async () => {
    const topics = [uniqueName('migrate_a'), uniqueName('migrate_b')].map((t) => t.replace(/_/g, '.'));
    await migrate({ bus, logger, topics, partitions: 2, replicationFactor: 1 });
    expect(await partitionsOf(topics)).toEqual({ [topics[0] ?? '']: 2, [topics[1] ?? '']: 2 });

    await migrate({ bus, logger, topics, partitions: 5, replicationFactor: 1 });
    expect(await partitionsOf(topics), 'existing topics keep their partitions').toEqual({
      [topics[0] ?? '']: 2,
      [topics[1] ?? '']: 2,
    });
  });

  it('fails the Job (non-zero exit) when Kafka cannot be reached, and lists bad settings at once', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['src/main.ts'], {
        cwd: join(ROOT, 'deploy', 'docker', 'migrate'),
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const unreachable = run({ KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'fatal' });
    expect(unreachable.status).toBe(1);
    expect(unreachable.stdout).toMatch(/migrations failed/);

    const bad = run({ KAFKA_TOPIC_PARTITIONS: 'many', KAFKA_TOPIC_REPLICATION_FACTOR: '-1' });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toMatch(/KAFKA_TOPIC_PARTITIONS/);
    expect(bad.stderr).toMatch(/KAFKA_TOPIC_REPLICATION_FACTOR/);
  });
});
