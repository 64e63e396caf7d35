import type { Collection, Db } from 'mongodb';
import { byTenant, ensureIndexes, NotFoundError, type Page, type Tenant } from '@dagwright/kit';
import type { Agent } from '@dagwright/workflow';

/** An agent of a tenant's catalog as stored; schemas and implementation are JSON text (arbitrary user JSON). */
export interface AgentDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  agentId: string;
  name: string;
  description: string;
  kind: 'agentic' | 'tool';
  capabilities: string[];
  domains: string[];
  inputSchema: string;
  outputSchema: string;
  costPerCall: number;
  avgLatencyMs: number;
  model?: string;
  implementation: string;
  updatedAt: Date;
}

/** Converts a stored agent to the model of libs/workflow. */
export function toAgent(doc: AgentDoc): Agent {
  return {
    id: doc.agentId,
    name: doc.name,
    description: doc.description,
    kind: doc.kind,
    capabilities: doc.capabilities,
    domains: doc.domains,
    inputSchema: JSON.parse(doc.inputSchema) as Agent['inputSchema'],
    outputSchema: JSON.parse(doc.outputSchema) as Agent['outputSchema'],
    costPerCall: doc.costPerCall,
    avgLatencyMs: doc.avgLatencyMs,
    ...(doc.model ? { model: doc.model } : {}),
    implementation: JSON.parse(doc.implementation) as Agent['implementation'],
  };
}

/** The tenant's agent catalog. */
export class AgentRepository {
  private readonly agents: Collection<AgentDoc>;

  constructor(db: Db) {
    this.agents = db.collection<AgentDoc>('agents');
  }

  /** Creates the indexes (tenant first, as every index). */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.agents, [
      {
        key: { clientId: 1, projectId: 1, workspaceId: 1, agentId: 1 },
        name: 'tenant_agent_unique',
        unique: true,
      },
    ]);
  }

  /** Creates or replaces an agent. */
  async put(tenant: Tenant, agent: Agent): Promise<AgentDoc> {
    const doc: AgentDoc = {
      ...byTenant(tenant),
      agentId: agent.id,
      name: agent.name,
      description: agent.description,
      kind: agent.kind,
      capabilities: agent.capabilities,
      domains: agent.domains,
      inputSchema: JSON.stringify(agent.inputSchema),
      outputSchema: JSON.stringify(agent.outputSchema),
      costPerCall: agent.costPerCall,
      avgLatencyMs: agent.avgLatencyMs,
      ...(agent.model ? { model: agent.model } : {}),
      implementation: JSON.stringify(agent.implementation),
      updatedAt: new Date(),
    };
    await this.agents.replaceOne({ ...byTenant(tenant), agentId: agent.id }, doc, { upsert: true });
    return doc;
  }

  /** One agent, or NOT_FOUND. */
  async get(tenant: Tenant, agentId: string): Promise<AgentDoc> {
    const doc = await this.agents.findOne({ ...byTenant(tenant), agentId }, { projection: { _id: 0 } });
    if (doc === null) throw new NotFoundError('agent', agentId);
    return doc;
  }

  /** The agents with these ids that exist (missing ones are simply absent). */
  async getMany(tenant: Tenant, agentIds: string[]): Promise<Agent[]> {
    if (agentIds.length === 0) return [];
    const docs = await this.agents
      .find({ ...byTenant(tenant), agentId: { $in: agentIds } }, { projection: { _id: 0 } })
      .toArray();
    return docs.map(toAgent);
  }

  /** A page of agents ordered by id. */
  async list(tenant: Tenant, page: Page): Promise<AgentDoc[]> {
    const filter = {
      ...byTenant(tenant),
      ...(page.after === undefined ? {} : { agentId: { $gt: page.after } }),
    };
    return this.agents
      .find(filter, { projection: { _id: 0 } })
      .sort({ agentId: 1 })
      .limit(page.size)
      .toArray();
  }

  /** Deletes an agent, or NOT_FOUND. */
  async delete(tenant: Tenant, agentId: string): Promise<void> {
    const result = await this.agents.deleteOne({ ...byTenant(tenant), agentId });
    if (result.deletedCount === 0) throw new NotFoundError('agent', agentId);
  }
}
