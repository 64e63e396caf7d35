import type { Collection, Db } from 'mongodb';
import { ensureIndexes, NotFoundError } from '@dagwright/kit';

/** A stored API key: never the key itself, only its SHA-256. */
export interface ApiKeyDoc {
  /** The tenant it was created in; its scope (`projectIds`, `workspaceIds`) may be wider within the client. */
  clientId: string;
  projectId: string;
  workspaceId: string;
  keyId: string;
  name: string;
  hash: string;
  projectIds: string[];
  workspaceIds: string[];
  roles: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** API keys in the gateway's own database; every query filters on the client. */
export class ApiKeyRepository {
  readonly keys: Collection<ApiKeyDoc>;

  constructor(db: Db) {
    this.keys = db.collection<ApiKeyDoc>('api_keys');
  }

  /** Creates the indexes the queries below use (each starts with the tenant). */
  ensureIndexes(): Promise<void> {
    return ensureIndexes(this.keys, [{ key: { clientId: 1, keyId: 1 }, name: 'client_key', unique: true }]);
  }

  /** Stores a new key. */
  async insert(doc: ApiKeyDoc): Promise<void> {
    await this.keys.insertOne({ ...doc });
  }

  /** The key with this id in this client, if any. */
  find(clientId: string, keyId: string): Promise<ApiKeyDoc | null> {
    return this.keys.findOne({ clientId, keyId }, { projection: { _id: 0 } });
  }

  /** One page of a client's keys, oldest first. */
  list(clientId: string, page: { size: number; after: string | undefined }): Promise<ApiKeyDoc[]> {
    const filter = page.after === undefined ? { clientId } : { clientId, keyId: { $gt: page.after } };
    return this.keys
      .find(filter, { projection: { _id: 0 } })
      .sort({ keyId: 1 })
      .limit(page.size)
      .toArray();
  }

  /** Revokes a key once (compare-and-set on `revokedAt`); revoking again returns it unchanged. */
  async revoke(clientId: string, keyId: string, by: string): Promise<ApiKeyDoc> {
    await this.keys.updateOne(
      { clientId, keyId, revokedAt: null },
      { $set: { revokedAt: new Date(), revokedBy: by } },
    );
    const doc = await this.find(clientId, keyId);
    if (doc === null) throw new NotFoundError('api key', keyId);
    return doc;
  }
}
