import type { Tenant } from './grpc/context.ts';
import mongoose, { type Connection } from 'mongoose';
import { maskUrlCredentials, type Logger } from './logger.ts';

/** Options of a service's MongoDB connection. */
export interface MongoOptions {
  url: string;
  /** The database the service owns (§1); no service reads another's. */
  dbName: string;
  logger: Logger;
  serverSelectionTimeoutMS?: number;
}

/**
 * Opens a mongoose connection to the service's own database. Writes wait for a majority where the server
 * supports it (MongoDB replica sets); the FerretDB used in development accepts the same options.
 */
export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    autoIndex: false,
  });
  await connection.asPromise();
  options.logger.info({ url: maskUrlCredentials(options.url), db: options.dbName }, 'connected to MongoDB');
  return connection;
}

/** Readiness check: the database answers a ping. */
export async function pingMongo(connection: Connection): Promise<void> {
  const db = connection.db;
  if (db === undefined) throw new Error('not connected');
  await db.command({ ping: 1 });
}

/** An index to make sure of; `name` identifies it. */
export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

/** The part of a MongoDB collection `ensureIndexes` uses. */
interface IndexedCollection {
  listIndexes(): { toArray(): Promise<{ name?: unknown }[]> };
  createIndexes(specs: IndexSpec[]): Promise<unknown>;
}

/**
 * Creates the indexes a collection lacks, one at a time. Asking again for indexes that exist is harmless on
 * MongoDB but drops the connection on FerretDB 1.24 when several are asked at once on a non-empty collection.
 */
export async function ensureIndexes(collection: IndexedCollection, specs: IndexSpec[]): Promise<void> {
  let existing: Set<unknown>;
  try {
    existing = new Set((await collection.listIndexes().toArray()).map((index) => index.name));
  } catch (error) {
    // The collection does not exist yet (NamespaceNotFound): it has no indexes.
    if ((error as { code?: unknown }).code !== 26) throw error;
    existing = new Set();
  }
  for (const spec of specs) {
    if (!existing.has(spec.name)) await collection.createIndexes([spec]);
  }
}

/** The tenant fields every document carries and every query filters on (in index order). */
export function byTenant(tenant: Tenant): { clientId: string; projectId: string; workspaceId: string } {
  return { clientId: tenant.clientId, projectId: tenant.projectId, workspaceId: tenant.workspaceId };
}

/** Whether a Mongo error is a unique-index violation. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
