import { fileURLToPath } from 'node:url';
import type { Options } from '@grpc/proto-loader';

/** The repository's `protos/` folder, the single source of truth of every contract. */
export const PROTO_ROOT = fileURLToPath(new URL('../../../protos', import.meta.url));

/**
 * How messages look in JavaScript: lowerCamelCase fields, 64-bit integers as strings, enums as their names,
 * defaults filled in. The type generator runs with the same settings, so types and runtime agree.
 */
export const PROTO_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

/** The same settings as flags of `proto-loader-gen-types`. */
export const GENERATOR_FLAGS = [
  '--longs=String',
  '--enums=String',
  '--defaults',
  '--oneofs',
  '--includeComments',
];
