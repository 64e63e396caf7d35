export * from './infra.ts';
export * from './resources.ts';
export { IMAGES } from './containers.ts';
export * from './private-kafka.ts';
export * from './model-wire/server.ts';
export * from './model-wire/replies.ts';
