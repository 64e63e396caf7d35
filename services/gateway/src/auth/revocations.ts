import type { Redis } from 'ioredis';
import type { Logger } from '@dagwright/kit';
import { ownConnection } from '../redis-connection.ts';
import type { ApiKeyVerifier } from './api-keys.ts';

/** The Redis pub/sub channel on which replicas announce revoked API keys (channels ignore key prefixes). */
export const REVOCATION_CHANNEL = 'dagwright:gateway:api-key-revoked';

/** How a revocation reaches every replica's cache. */
export interface Revocations {
  /** Forgets the key here at once, then tells the other replicas. */
  revoked(keyId: string): Promise<void>;
  /** Stops listening. */
  close(): void;
}

/**
 * Spreads API key revocations through Redis pub/sub, so every replica forgets a revoked key within a round
 * trip instead of when its cache entry ends. A replica that was cut off from Redis may have missed notices,
 * so it forgets all cached keys whenever its subscription (re)starts; while Redis is down, the cache TTL
 * (API_KEY_CACHE_MS) remains the bound. An unreachable Redis does not hold up start-up (see ownConnection).
 */
export async function listenForRevocations(
  redis: Redis,
  verifier: ApiKeyVerifier,
  logger: Logger,
): Promise<Revocations> {
  const subscriber = await ownConnection(redis, logger, 'api key revocations');
  const subscribe = () => {
    subscriber.subscribe(REVOCATION_CHANNEL).then(
      () => verifier.forgetAll(),
      (err: unknown) => logger.warn({ err }, 'could not subscribe to API key revocations'),
    );
  };
  subscriber.on('ready', subscribe);
  if (subscriber.status === 'ready') subscribe();
  subscriber.on('message', (channel: string, keyId: string) => {
    if (channel === REVOCATION_CHANNEL) verifier.forget(keyId);
  });
  return {
    revoked: async (keyId) => {
      verifier.forget(keyId);
      try {
        await redis.publish(REVOCATION_CHANNEL, keyId);
      } catch (err) {
        logger.warn(
          { err, keyId },
          'revocation not announced; other replicas drop the key within API_KEY_CACHE_MS',
        );
      }
    },
    close: () => subscriber.disconnect(),
  };
}
