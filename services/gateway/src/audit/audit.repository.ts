import type { Collection, Db } from 'mongodb';
import { ensureIndexes, type Tenant } from '@dagwright/kit';

/** One mutating call: who, for which tenant, what, when and how it ended. Never updated or deleted. */
export interface AuditEntry {
  clientId: string;
  /** `-` when the call was refused before its project and workspace were accepted. */
  projectId: string;
  workspaceId: string;
  auditId: string;
  at: Date;
  actor: { kind: string; subject: string };
  action: string;
  resourceId: string | null;
  status: number;
  outcome: 'success' | 'denied' | 'failed';
  requestId: string;
}

/** The append-only audit log: this class offers insert and read, nothing else. */
export class AuditRepository {
  private readonly entries: Collection<AuditEntry>;

  constructor(db: Db) {
    this.entries = db.collection<AuditEntry>('audit_log');
  }

  /** Creates the index the tenant's listing uses. */
  ensureIndexes(): Promise<void> {
    return ensureIndexes(this.entries, [
      { key: { clientId: 1, projectId: 1, workspaceId: 1, auditId: -1 }, name: 'tenant_audit' },
    ]);
  }

  /** Appends one entry. */
  async append(entry: AuditEntry): Promise<void> {
    await this.entries.insertOne({ ...entry });
  }

  /** One page of a tenant's entries, newest first. */
  list(tenant: Tenant, page: { size: number; after: string | undefined }): Promise<AuditEntry[]> {
    const base = { clientId: tenant.clientId, projectId: tenant.projectId, workspaceId: tenant.workspaceId };
    const filter = page.after === undefined ? base : { ...base, auditId: { $lt: page.after } };
    return this.entries
      .find(filter, { projection: { _id: 0 } })
      .sort({ auditId: -1 })
      .limit(page.size)
      .toArray();
  }
}
