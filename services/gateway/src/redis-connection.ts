import { once } from 'node:events';
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from '@dagwright/kit';

/**
 * A connection of the app's own to the Redis of `redis`, with `overrides` (e.g. auto-pipelining, or one held by
 * a subscription). While the main connection is up, start-up waits until this one is too, so the first
 * requests find it ready; while Redis is unreachable, it keeps connecting in the background and start-up goes
 * on (the gateway serves reads without Redis). Its errors are logged at debug level, because the main
 * connection already reports an outage. Disconnect it on close.
 */
export async function ownConnection(
  redis: Redis,
  logger: Logger,
  purpose: string,
  overrides: Partial<RedisOptions> = {},
): Promise<Redis> {
  const connection = redis.duplicate(overrides);
  connection.on('error', (err: Error) =>
    logger.debug({ err: err.message, purpose }, 'redis connection error'),
  );
  if (connection.status === 'wait') connection.connect().catch(() => undefined);
  if (redis.status === 'ready' && connection.status !== 'ready') await once(connection, 'ready');
  return connection;
}
