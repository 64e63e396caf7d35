import { Redis } from 'ioredis';
import { maskUrlCredentials, type Logger } from './logger.ts';

/** Connects to Redis; commands fail fast instead of queueing forever while it is down. */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
  await redis.connect();
  logger.info({ url: maskUrlCredentials(url) }, 'connected to Redis');
  return redis;
}

/** Readiness check: Redis answers PING. */
export async function pingRedis(redis: Redis): Promise<void> {
  await redis.ping();
}
