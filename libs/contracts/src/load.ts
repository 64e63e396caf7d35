import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPackageDefinition, type GrpcObject } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { PROTO_OPTIONS, PROTO_ROOT } from './options.ts';

/** Every .proto file under `protos/`, relative to it, sorted. */
export function listProtoFiles(root: string = PROTO_ROOT): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.proto')) files.push(relative(root, path));
    }
  };
  walk(root);
  return files.sort();
}

/** Loads the given .proto files (paths relative to `protos/`) into a package definition. */
export function loadDefinition(files: string[] = listProtoFiles()): PackageDefinition {
  return loadSync(files, PROTO_OPTIONS);
}

/**
 * Loads contracts as a gRPC object typed by a generated `ProtoGrpcType`, e.g.
 * `loadContracts<EngineProto>(['dagwright/engine/v1/engine.proto'])`.
 */
export function loadContracts<T = GrpcObject>(files: string[]): { definition: PackageDefinition; grpc: T } {
  const definition = loadDefinition(files);
  return { definition, grpc: loadPackageDefinition(definition) as T };
}
