import {
  nextPageToken,
  readPage,
  ValidationError,
  type CallContext,
  type ServiceHandlers,
  parseJsonField,
} from '@dagwright/kit';
import type { Agent as AgentMessage } from '@dagwright/contracts/generated/dagwright/engine/v1/Agent';
import type { PutAgentRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/PutAgentRequest';
import { validateAgent } from '@dagwright/workflow';
import type { AgentDoc, AgentRepository } from './agent.repository.ts';

/** The proto view of a stored agent. */
export function toAgentMessage(doc: AgentDoc): AgentMessage {
  return {
    id: doc.agentId,
    name: doc.name,
    description: doc.description,
    kind: doc.kind,
    capabilities: doc.capabilities,
    domains: doc.domains,
    inputSchemaJson: doc.inputSchema,
    outputSchemaJson: doc.outputSchema,
    costPerCall: doc.costPerCall,
    avgLatencyMs: String(doc.avgLatencyMs),
    model: doc.model ?? '',
    implementationJson: doc.implementation,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The agent catalog over gRPC; agents are validated with the model of libs/workflow. */
export function agentHandlers(deps: { agents: AgentRepository }): ServiceHandlers {
  const { agents } = deps;
  return {
    PutAgent: async (req: PutAgentRequest__Output, ctx: CallContext) => {
      const a = req.agent;
      if (a === null)
        throw new ValidationError('agent is required', [
          { code: 'REQUIRED', path: 'agent', message: 'an agent is required' },
        ]);
      const candidate = {
        id: a.id,
        name: a.name,
        description: a.description,
        kind: a.kind,
        capabilities: a.capabilities,
        domains: a.domains,
        inputSchema: parseJsonField(a.inputSchemaJson, 'agent.inputSchemaJson', {}),
        outputSchema: parseJsonField(a.outputSchemaJson, 'agent.outputSchemaJson', {}),
        costPerCall: a.costPerCall,
        avgLatencyMs: Number(a.avgLatencyMs),
        ...(a.model ? { model: a.model } : {}),
        implementation: parseJsonField(a.implementationJson, 'agent.implementationJson', {}),
      };
      const result = validateAgent(candidate);
      if (!result.ok) {
        throw new ValidationError(
          'the agent is invalid',
          result.errors.map((e) => ({ ...e, path: `agent${e.path}` })),
        );
      }
      return toAgentMessage(await agents.put(ctx.tenant, result.agent));
    },
    GetAgent: async (req: { id: string }, ctx: CallContext) =>
      toAgentMessage(await agents.get(ctx.tenant, req.id)),
    ListAgents: async (req: { page: { pageSize: number; pageToken: string } | null }, ctx: CallContext) => {
      const page = readPage(req.page);
      const docs = await agents.list(ctx.tenant, page);
      return {
        agents: docs.map(toAgentMessage),
        page: { nextPageToken: nextPageToken(docs.length, page, docs.at(-1)?.agentId) },
      };
    },
    DeleteAgent: async (req: { id: string }, ctx: CallContext) => {
      await agents.delete(ctx.tenant, req.id);
      return {};
    },
  };
}
