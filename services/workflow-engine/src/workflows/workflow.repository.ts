import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import {
  byTenant,
  isDuplicateKey,
  ConflictError,
  ensureIndexes,
  NotFoundError,
  type Page,
  type Tenant,
} from '@dagwright/kit';
import { createEvent, outboxEntry, pushToOutbox, Topics, type OutboxEntry } from '@dagwright/events';
import type { WorkflowCreated } from '@dagwright/contracts/generated/dagwright/events/v1/WorkflowCreated';
import type { Graph } from '@dagwright/workflow';

/** The seed's AI metadata of a workflow; the JSON arrays are written by other services. */
export interface AiMetadataDoc {
  generationMethod: string;
  confidence: number;
  optimizationHistory: string;
  testResults: string;
  feedbackData: string;
}

/** Metadata stored workflows without any get (seed §6.2). */
export const LEGACY_AI_METADATA: AiMetadataDoc = {
  generationMethod: 'legacy',
  confidence: 0.8,
  optimizationHistory: '[]',
  testResults: '[]',
  feedbackData: '[]',
};

/** The head of a workflow: what is current, plus events waiting for the relay. */
export interface WorkflowDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  workflowId: string;
  name: string;
  description: string;
  tags: string[];
  latestVersion: number;
  aiMetadata?: AiMetadataDoc;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  outbox?: OutboxEntry[];
}

/** One immutable version of a workflow's graph. */
export interface WorkflowVersionDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  workflowId: string;
  version: number;
  name: string;
  description: string;
  graph: string;
  createdBy: string;
  createdAt: Date;
}

/** A workflow as callers see it: the head joined with one version. */
export interface WorkflowView {
  head: WorkflowDoc;
  version: WorkflowVersionDoc;
}

/** What a create or update writes. */
export interface WorkflowInput {
  name: string;
  description: string;
  graph: Graph;
  tags: string[];
  aiMetadata: AiMetadataDoc | undefined;
  createdBy: string;
}

const SOURCE = '//dagwright/workflow-engine';
/** A first version without a head older than this is debris of a crashed create. */
const STALE_CREATE_MS = 60_000;

function createdEvent(
  tenant: Tenant,
  id: string,
  version: number,
  input: WorkflowInput,
  aiMetadata: AiMetadataDoc,
): OutboxEntry {
  const data: WorkflowCreated = {
    workflowId: id,
    version,
    name: input.name,
    generationMethod: aiMetadata.generationMethod,
    createdBy: input.createdBy,
    blockCount: input.graph.nodes.length,
  };
  return outboxEntry(
    Topics.workflowCreated,
    createEvent({ type: Topics.workflowCreated, source: SOURCE, subject: id, tenant, data }),
  );
}

/**
 * Workflows and their versions. A new version is written first (unique per workflow and number), then the head
 * moves to it with a compare-and-set on `latestVersion`, together with its `workflow.created` event.
 */
export class WorkflowRepository {
  readonly heads: Collection<WorkflowDoc>;
  private readonly versions: Collection<WorkflowVersionDoc>;

  constructor(db: Db) {
    this.heads = db.collection<WorkflowDoc>('workflows');
    this.versions = db.collection<WorkflowVersionDoc>('workflow_versions');
  }

  /** Creates the indexes (tenant first, as every index). */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.heads, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, workflowId: 1 },
        name: 'tenant_workflow_unique',
        unique: true,
      },
    ]);
    await ensureIndexes(this.versions, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, workflowId: 1, version: 1 },
        name: 'tenant_workflow_version_unique',
        unique: true,
      },
    ]);
  }

  /** Gives stored workflows without AI metadata the legacy defaults; running it again changes nothing. */
  async migrateLegacyMetadata(): Promise<number> {
    // Admin tooling: the one write that spans tenants, and it only fills a missing field.
    const result = await this.heads.updateMany(
      { aiMetadata: { $exists: false } },
      { $set: { aiMetadata: LEGACY_AI_METADATA } },
    );
    return result.modifiedCount;
  }

  /** Stores version 1 and the head; a taken id is a conflict. */
  async create(tenant: Tenant, requestedId: string | undefined, input: WorkflowInput): Promise<WorkflowView> {
    const id = requestedId ?? randomUUID();
    const now = new Date();
    const aiMetadata = input.aiMetadata ?? {
      ...LEGACY_AI_METADATA,
      generationMethod: 'manual',
      confidence: 1,
    };
    if ((await this.heads.countDocuments({ ...byTenant(tenant), workflowId: id }, { limit: 1 })) > 0) {
      throw new ConflictError(`workflow '${id}' already exists`, 'ALREADY_EXISTS');
    }
    const version = this.versionDoc(tenant, id, 1, input, now);
    await this.insertFirstVersion(tenant, id, version);
    const head: WorkflowDoc = {
      ...byTenant(tenant),
      workflowId: id,
      name: input.name,
      description: input.description,
      tags: input.tags,
      latestVersion: 1,
      aiMetadata,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
      outbox: [createdEvent(tenant, id, 1, input, aiMetadata)],
    };
    try {
      await this.heads.insertOne(head);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError(`workflow '${id}' already exists`, 'ALREADY_EXISTS');
      throw error;
    }
    return { head, version };
  }

  /** Stores the next version and moves the head to it; `expectedVersion` (when set) must be the latest. */
  async update(
    tenant: Tenant,
    id: string,
    input: WorkflowInput,
    expectedVersion: number | undefined,
  ): Promise<WorkflowView> {
    const head = await this.head(tenant, id);
    if (expectedVersion !== undefined && expectedVersion !== head.latestVersion) {
      throw new ConflictError(
        `workflow '${id}' is at version ${head.latestVersion}, not ${expectedVersion}`,
        'VERSION_MISMATCH',
      );
    }
    const next = head.latestVersion + 1;
    const now = new Date();
    const version = this.versionDoc(tenant, id, next, input, now);
    try {
      await this.versions.insertOne(version);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new ConflictError(`workflow '${id}' was updated concurrently`, 'VERSION_MISMATCH');
      throw error;
    }
    const aiMetadata = input.aiMetadata ?? head.aiMetadata ?? LEGACY_AI_METADATA;
    const moved = await this.heads.updateOne(
      { ...byTenant(tenant), workflowId: id, latestVersion: head.latestVersion },
      {
        $set: {
          name: input.name,
          description: input.description,
          tags: input.tags,
          latestVersion: next,
          aiMetadata,
          updatedAt: now,
        },
        ...pushToOutbox(createdEvent(tenant, id, next, { ...input, createdBy: input.createdBy }, aiMetadata)),
      },
    );
    if (moved.modifiedCount === 0) {
      await this.versions.deleteOne({ ...byTenant(tenant), workflowId: id, version: next });
      throw new ConflictError(`workflow '${id}' was updated concurrently`, 'VERSION_MISMATCH');
    }
    return {
      head: {
        ...head,
        name: input.name,
        description: input.description,
        tags: input.tags,
        latestVersion: next,
        aiMetadata,
        updatedAt: now,
      },
      version,
    };
  }

  /** The head of a workflow, or NOT_FOUND. */
  async head(tenant: Tenant, id: string): Promise<WorkflowDoc> {
    const head = await this.heads.findOne(
      { ...byTenant(tenant), workflowId: id },
      { projection: { _id: 0, outbox: 0 } },
    );
    if (head === null) throw new NotFoundError('workflow', id);
    return head;
  }

  /** A workflow at a version (0 = latest), or NOT_FOUND. */
  async get(tenant: Tenant, id: string, version = 0): Promise<WorkflowView> {
    const head = await this.head(tenant, id);
    const wanted = version === 0 ? head.latestVersion : version;
    const doc = await this.versions.findOne(
      { ...byTenant(tenant), workflowId: id, version: wanted },
      { projection: { _id: 0 } },
    );
    if (doc === null) throw new NotFoundError('workflow version', `${id}@${wanted}`);
    return { head, version: doc };
  }

  /** A page of workflows (latest versions) ordered by id, optionally with a tag. */
  async list(tenant: Tenant, page: Page, tag: string | undefined): Promise<WorkflowView[]> {
    const filter = {
      ...byTenant(tenant),
      ...(page.after === undefined ? {} : { workflowId: { $gt: page.after } }),
      ...(tag ? { tags: tag } : {}),
    };
    const heads = await this.heads
      .find(filter, { projection: { _id: 0, outbox: 0 } })
      .sort({ workflowId: 1 })
      .limit(page.size)
      .toArray();
    return Promise.all(heads.map(async (head) => this.get(tenant, head.workflowId, head.latestVersion)));
  }

  /** A page of versions of one workflow, newest first. */
  async listVersions(tenant: Tenant, id: string, page: Page): Promise<WorkflowView[]> {
    const head = await this.head(tenant, id);
    const filter = {
      ...byTenant(tenant),
      workflowId: id,
      ...(page.after === undefined ? {} : { version: { $lt: Number(page.after) } }),
    };
    const docs = await this.versions
      .find(filter, { projection: { _id: 0 } })
      .sort({ version: -1 })
      .limit(page.size)
      .toArray();
    return docs.map((version) => ({ head, version }));
  }

  /** Deletes a workflow and all its versions, or NOT_FOUND. Runs keep their own copy of the graph. */
  async delete(tenant: Tenant, id: string): Promise<void> {
    const result = await this.heads.deleteOne({ ...byTenant(tenant), workflowId: id });
    if (result.deletedCount === 0) throw new NotFoundError('workflow', id);
    await this.versions.deleteMany({ ...byTenant(tenant), workflowId: id });
  }

  /**
   * Inserts version 1; of concurrent creates of one id only one gets past this. A version 1 without a head,
   * older than a minute, is what a create that crashed in between leaves: it is replaced.
   */
  private async insertFirstVersion(tenant: Tenant, id: string, version: WorkflowVersionDoc): Promise<void> {
    const key = { ...byTenant(tenant), workflowId: id, version: 1 };
    try {
      await this.versions.insertOne({ ...version });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const staleBefore = new Date(Date.now() - STALE_CREATE_MS);
    const replaced = await this.versions.replaceOne({ ...key, createdAt: { $lt: staleBefore } }, version);
    const headExists =
      (await this.heads.countDocuments({ ...byTenant(tenant), workflowId: id }, { limit: 1 })) > 0;
    if (replaced.modifiedCount === 0 || headExists)
      throw new ConflictError(`workflow '${id}' already exists`, 'ALREADY_EXISTS');
  }

  private versionDoc(
    tenant: Tenant,
    id: string,
    version: number,
    input: WorkflowInput,
    now: Date,
  ): WorkflowVersionDoc {
    return {
      ...byTenant(tenant),
      workflowId: id,
      version,
      name: input.name,
      description: input.description,
      graph: JSON.stringify(input.graph),
      createdBy: input.createdBy,
      createdAt: now,
    };
  }
}
