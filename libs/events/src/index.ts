export * from './topics.ts';
export * from './cloudevent.ts';
export * from './bus.ts';
export * from './outbox.ts';
export * from './consumer.ts';
