import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './resources.ts';

const KAFKA_SCRIPT = fileURLToPath(new URL('../../../deploy/local/kafka/kafka.sh', import.meta.url));
const run = promisify(execFile);

/** A Kafka broker of one test's own, which the test may stop and start without disturbing anybody else. */
export interface PrivateKafka {
  brokers: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the broker and removes its data. */
  destroy(): Promise<void>;
}

/**
 * Starts a private broker (own ports, own data) with the native scripts of deploy/local/kafka, for tests
 * that take Kafka down. Needs the Kafka jars that `./dw infra install` fetches.
 */
export async function startPrivateKafka(): Promise<PrivateKafka> {
  const dir = mkdtempSync(join(tmpdir(), 'dagwright-kafka-'));
  const port = await freePort();
  const env = {
    ...process.env,
    KAFKA_DATA_ROOT: dir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
  };
  const kafka = async (action: 'up' | 'down') => {
    await run('bash', [KAFKA_SCRIPT, action], { env, timeout: 150_000 });
  };
  await kafka('up');
  return {
    brokers: [`127.0.0.1:${port}`],
    stop: () => kafka('down'),
    start: () => kafka('up'),
    destroy: async () => {
      await kafka('down').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
