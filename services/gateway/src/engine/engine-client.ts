import type { CallOptions, Client, ClientReadableStream, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/engine';
import type { Agent, Agent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Agent';
import type { CreateWorkflowRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/CreateWorkflowRequest';
import type { ExecuteWorkflowRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/ExecuteWorkflowRequest';
import type { GetRunLogsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/GetRunLogsResponse';
import type { ListAgentsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListAgentsResponse';
import type { ListRunsRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/ListRunsRequest';
import type { ListRunsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListRunsResponse';
import type { ListWorkflowsRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/ListWorkflowsRequest';
import type { ListWorkflowsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListWorkflowsResponse';
import type { ListWorkflowVersionsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListWorkflowVersionsResponse';
import type { ResumeRunRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/ResumeRunRequest';
import type { Run__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Run';
import type { RunEvent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/RunEvent';
import type { UpdateWorkflowRequest } from '@dagwright/contracts/generated/dagwright/engine/v1/UpdateWorkflowRequest';
import type { Workflow__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Workflow';
import {
  callUnary,
  createGrpcClient,
  metadataFromContext,
  type CallContext,
  type ClientConstructor,
} from '@dagwright/kit';

type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Res) => void,
) => unknown;
type Page = { page?: { pageSize?: number; pageToken?: string } };

/** The engine's unary methods the gateway calls, each with one signature (the generated ones are overloaded). */
interface EngineMethods {
  createWorkflow: Unary<CreateWorkflowRequest, Workflow__Output>;
  getWorkflow: Unary<{ id: string; version?: number }, Workflow__Output>;
  listWorkflows: Unary<ListWorkflowsRequest, ListWorkflowsResponse__Output>;
  updateWorkflow: Unary<UpdateWorkflowRequest, Workflow__Output>;
  listWorkflowVersions: Unary<{ id: string } & Page, ListWorkflowVersionsResponse__Output>;
  deleteWorkflow: Unary<{ id: string }, object>;
  putAgent: Unary<{ agent: Agent }, Agent__Output>;
  getAgent: Unary<{ id: string }, Agent__Output>;
  listAgents: Unary<Page, ListAgentsResponse__Output>;
  deleteAgent: Unary<{ id: string }, object>;
  executeWorkflow: Unary<ExecuteWorkflowRequest, Run__Output>;
  getRun: Unary<{ id: string }, Run__Output>;
  listRuns: Unary<ListRunsRequest, ListRunsResponse__Output>;
  resumeRun: Unary<ResumeRunRequest, Run__Output>;
  cancelRun: Unary<{ id: string; reason?: string }, Run__Output>;
  getRunLogs: Unary<{ id: string }, GetRunLogsResponse__Output>;
}

type Req<M extends keyof EngineMethods> = Parameters<EngineMethods[M]>[0];
type Res<M extends keyof EngineMethods> = Parameters<Parameters<EngineMethods[M]>[3]>[1] extends infer R
  ? NonNullable<R>
  : never;

/** The workflow-engine as the gateway sees it: typed unary calls, the run event stream, and close. */
export interface EngineClient {
  call<M extends keyof EngineMethods>(method: M, request: Req<M>, ctx: CallContext): Promise<Res<M>>;
  streamRunEvents(
    request: { id: string; afterSequence: string },
    ctx: CallContext,
    deadline: Date,
  ): ClientReadableStream<RunEvent__Output>;
  close(): void;
}

const SERVICE_OF: Record<keyof EngineMethods, 'WorkflowService' | 'AgentService' | 'RunService'> = {
  createWorkflow: 'WorkflowService',
  getWorkflow: 'WorkflowService',
  listWorkflows: 'WorkflowService',
  updateWorkflow: 'WorkflowService',
  listWorkflowVersions: 'WorkflowService',
  deleteWorkflow: 'WorkflowService',
  putAgent: 'AgentService',
  getAgent: 'AgentService',
  listAgents: 'AgentService',
  deleteAgent: 'AgentService',
  executeWorkflow: 'RunService',
  getRun: 'RunService',
  listRuns: 'RunService',
  resumeRun: 'RunService',
  cancelRun: 'RunService',
  getRunLogs: 'RunService',
};

const IDEMPOTENT = {
  WorkflowService: ['GetWorkflow', 'ListWorkflows', 'ListWorkflowVersions'],
  AgentService: ['PutAgent', 'GetAgent', 'ListAgents'],
  RunService: ['GetRun', 'ListRuns', 'GetRunLogs', 'StreamRunEvents'],
};

/** Connects to the engine at `target` (calls fail with UNAVAILABLE, not at start-up, while it is down). */
export function createEngineClient(target: string): EngineClient {
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/engine/v1/engine.proto']);
  const v1 = grpc.dagwright.engine.v1;
  const make = (name: keyof typeof IDEMPOTENT) =>
    createGrpcClient(v1[name] as unknown as ClientConstructor<Client>, target, {
      serviceName: `dagwright.engine.v1.${name}`,
      idempotentMethods: IDEMPOTENT[name],
    });
  const clients = {
    WorkflowService: make('WorkflowService'),
    AgentService: make('AgentService'),
    RunService: make('RunService'),
  };
  return {
    call: (method, request, ctx) => {
      const client = clients[SERVICE_OF[method]];
      const fn = (client as unknown as EngineMethods)[method] as Unary<typeof request, Res<typeof method>>;
      return callUnary(client, fn, request, ctx);
    },
    streamRunEvents: (request, ctx, deadline) => {
      const client = clients.RunService as unknown as {
        streamRunEvents(r: object, md: Metadata, o: CallOptions): ClientReadableStream<RunEvent__Output>;
      };
      return client.streamRunEvents(request, metadataFromContext(ctx), { deadline });
    },
    close: () => {
      for (const client of Object.values(clients)) client.close();
    },
  };
}
