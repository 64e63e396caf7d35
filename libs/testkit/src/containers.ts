/** Container images for testcontainers, pinned in one place. */
export const IMAGES = {
  mongo: 'mongo:8.0.15',
  kafka: 'apache/kafka:4.1.1',
  redis: 'redis:7.4.6-alpine',
} as const;

/** A started set of containers and how to stop them. */
export interface StartedContainers {
  env: { MONGO_URL: string; KAFKA_BROKERS: string; REDIS_URL: string };
  stop(): Promise<void>;
}

/** Starts MongoDB (single-node replica set), Kafka (KRaft) and Redis containers; needs a Docker engine. */
export async function startContainers(): Promise<StartedContainers> {
  const [{ MongoDBContainer }, { KafkaContainer }, { RedisContainer }] = await Promise.all([
    import('@testcontainers/mongodb'),
    import('@testcontainers/kafka'),
    import('@testcontainers/redis'),
  ]);
  const [mongo, kafka, redis] = await Promise.all([
    new MongoDBContainer(IMAGES.mongo).start(),
    new KafkaContainer(IMAGES.kafka).withKraft().start(),
    new RedisContainer(IMAGES.redis).start(),
  ]);
  return {
    env: {
      MONGO_URL: `${mongo.getConnectionString()}/?directConnection=true`,
      KAFKA_BROKERS: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      REDIS_URL: redis.getConnectionUrl(),
    },
    stop: async () => {
      await Promise.allSettled([mongo.stop(), kafka.stop(), redis.stop()]);
    },
  };
}
