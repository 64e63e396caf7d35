// bench/ is not a workspace package, so the gateway benchmark resolves its tools through this package.
export { default as autocannon } from 'autocannon';
export { default as Fastify } from 'fastify';
export { Redis } from 'ioredis';
export { default as mongoose } from 'mongoose';
export { loadContracts } from '@dagwright/contracts';
export type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
