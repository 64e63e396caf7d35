import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the real MongoDB-protocol server, Kafka and Redis of a test run are. */
export interface InfraUrls {
  mongoUrl: string;
  kafkaBrokers: string[];
  redisUrl: string;
}

/** The file `./dw infra up` writes with the URLs of the local infrastructure it started. */
export const INFRA_ENV_FILE = fileURLToPath(new URL('../../../.data/infra.env', import.meta.url));

/** The command that starts local infrastructure, quoted in every failure. */
export const START_COMMAND = './dw infra up';

function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined)
      values[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  return values;
}

/** True when a Docker engine (not only the client) answers. */
export function dockerEngineAvailable(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves infrastructure URLs: the environment (MONGO_URL, KAFKA_BROKERS, REDIS_URL) first, then the file
 * written by `./dw infra up`. Returns undefined when neither has all three.
 */
export function configuredInfra(
  env: Record<string, string | undefined> = process.env,
): InfraUrls | undefined {
  const fromFile = existsSync(INFRA_ENV_FILE) ? readEnvFile(INFRA_ENV_FILE) : {};
  const pick = (key: string) => (env[key] !== undefined && env[key] !== '' ? env[key] : fromFile[key]);
  const mongoUrl = pick('MONGO_URL');
  const brokers = pick('KAFKA_BROKERS');
  const redisUrl = pick('REDIS_URL');
  if (mongoUrl === undefined || brokers === undefined || redisUrl === undefined) return undefined;
  return { mongoUrl, kafkaBrokers: brokers.split(',').map((b) => b.trim()), redisUrl };
}

/** The error a test run fails with when there is no infrastructure to talk to. */
export function missingInfraError(): Error {
  return new Error(
    'Integration tests need MongoDB, Kafka and Redis, and none are configured.\n' +
      `Start them on this machine with:  ${START_COMMAND}\n` +
      'or point at your own with MONGO_URL, KAFKA_BROKERS and REDIS_URL (or install a Docker engine for testcontainers).',
  );
}
