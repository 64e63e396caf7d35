import type { Client } from '@grpc/grpc-js';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
import type { Agent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Agent';
import type { CreateWorkflowRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/CreateWorkflowRequest';
import type { ListAgentsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListAgentsResponse';
import type { Workflow__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Workflow';
import {
  callUnary,
  createGrpcClient,
  UnexpectedError,
  type CallContext,
  type ClientConstructor,
  type UnaryMethod,
} from '@dagwright/kit';
import { validateAgent, type Agent } from '@dagwright/workflow';

/** What the generator needs from the workflow-engine: the tenant's agent catalog, and storing a workflow. */
export interface EngineCatalog {
  /** The tenant's agents with these ids (all of them when `ids` is empty); unknown ids are left out. */
  agents(ctx: CallContext, ids: readonly string[]): Promise<Agent[]>;
  /** Stores a workflow (the engine validates it again and publishes `workflow.created`). */
  createWorkflow(ctx: CallContext, request: CreateWorkflowRequest): Promise<Workflow__Output>;
  close(): void;
}

/** Most agents read from one tenant's catalog for one generation (pages of 500). */
const MAX_CATALOG = 5_000;

function toAgent(message: Agent__Output): Agent {
  const parse = (text: string): unknown => (text === '' ? {} : JSON.parse(text));
  const result = validateAgent({
    id: message.id,
    name: message.name,
    description: message.description,
    kind: message.kind,
    capabilities: message.capabilities,
    domains: message.domains,
    inputSchema: parse(message.inputSchemaJson),
    outputSchema: parse(message.outputSchemaJson),
    costPerCall: message.costPerCall,
    avgLatencyMs: Number(message.avgLatencyMs),
    ...(message.model ? { model: message.model } : {}),
    implementation: parse(message.implementationJson),
  });
  // The engine validated the agent when it was stored; a failure here is a contract bug, not bad input.
  if (!result.ok) throw new UnexpectedError(`engine returned an invalid agent '${message.id}'`);
  return result.agent;
}

/** Connects to the engine's catalog and workflow services at `target`. */
export function createEngineCatalog(target: string): EngineCatalog {
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const v1 = grpc.dagwright.engine.v1;
  const agentClient = createGrpcClient(v1.AgentService as unknown as ClientConstructor<Client>, target, {
    serviceName: 'dagwright.engine.v1.AgentService',
    idempotentMethods: ['GetAgent', 'ListAgents'],
  });
  const workflowClient = createGrpcClient(
    v1.WorkflowService as unknown as ClientConstructor<Client>,
    target,
    {
      serviceName: 'dagwright.engine.v1.WorkflowService',
    },
  );
  const listAgents = (
    agentClient as unknown as { listAgents: UnaryMethod<object, ListAgentsResponse__Output> }
  ).listAgents;
  const create = (
    workflowClient as unknown as {
      createWorkflow: UnaryMethod<CreateWorkflowRequest, Workflow__Output>;
    }
  ).createWorkflow;

  return {
    async agents(ctx, ids) {
      const wanted = new Set(ids);
      const found: Agent[] = [];
      let pageToken = '';
      do {
        const page = await callUnary(agentClient, listAgents, { page: { pageSize: 500, pageToken } }, ctx);
        for (const message of page.agents) {
          if (wanted.size === 0 || wanted.has(message.id)) found.push(toAgent(message));
        }
        pageToken = page.page?.nextPageToken ?? '';
        // Named agents: stop as soon as every one is found; the whole catalog: stop at the cap.
      } while (pageToken !== '' && found.length < (wanted.size === 0 ? MAX_CATALOG : wanted.size));
      return found;
    },
    createWorkflow: (ctx, request) => callUnary(workflowClient, create, request, ctx),
    close() {
      agentClient.close();
      workflowClient.close();
    },
  };
}
