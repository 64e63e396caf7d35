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
