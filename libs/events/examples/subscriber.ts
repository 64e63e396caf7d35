/**
 * An outside subscriber to Dagwright's events: reads workflow.created and workflow.executed, skips
 * redeliveries by event id, and prints one line per event. Only kafkajs, nothing of Dagwright's code.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 node libs/events/examples/subscriber.ts [--from-beginning] [--group NAME]
 */
import { Kafka, logLevel } from 'kafkajs';

interface Envelope {
  id: string;
  type: string;
  subject: string;
  time: string;
  clientid: string;
  projectid: string;
  workspaceid: string;
  data: Record<string, unknown>;
}

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const args = process.argv.slice(2);
const groupIndex = args.indexOf('--group');
const groupId = groupIndex >= 0 ? (args[groupIndex + 1] ?? 'example-subscriber') : 'example-subscriber';

const kafka = new Kafka({ clientId: 'example-subscriber', brokers, logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId });
// Delivery is at least once: remember what was handled (a real subscriber keeps this in its database).
const seen = new Set<string>();

await consumer.connect();
await consumer.subscribe({
  topics: ['dagwright.workflow.created', 'dagwright.workflow.executed'],
  fromBeginning: args.includes('--from-beginning'),
});
await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    const event = JSON.parse(message.value?.toString() ?? '{}') as Envelope;
    if (seen.has(event.id)) return;
    seen.add(event.id);
    const tenant = `${event.clientid}/${event.projectid}/${event.workspaceid}`;
    if (event.type === 'dagwright.workflow.executed') {
      const { status, durationMs, totalCost } = event.data as {
        status: string;
        durationMs: string;
        totalCost: number;
      };
      console.log(
        `${event.time} ${tenant} run ${event.subject} ${status} in ${durationMs} ms, cost ${totalCost}`,
      );
    } else {
      const { version, name } = event.data as { version: number; name: string };
      console.log(`${event.time} ${tenant} workflow ${event.subject} v${version} "${name}" stored`);
    }
    await Promise.resolve({ topic, partition });
  },
});

const stop = async () => {
  await consumer.disconnect();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
