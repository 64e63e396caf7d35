import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ErrorDetail as _dagwright_common_v1_ErrorDetail, ErrorDetail__Output as _dagwright_common_v1_ErrorDetail__Output } from './dagwright/common/v1/ErrorDetail.ts';
import type { ErrorInfo as _dagwright_common_v1_ErrorInfo, ErrorInfo__Output as _dagwright_common_v1_ErrorInfo__Output } from './dagwright/common/v1/ErrorInfo.ts';
import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from './dagwright/common/v1/PageRequest.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from './dagwright/common/v1/PageResponse.ts';
import type { Tenant as _dagwright_common_v1_Tenant, Tenant__Output as _dagwright_common_v1_Tenant__Output } from './dagwright/common/v1/Tenant.ts';
import type { Agent as _dagwright_engine_v1_Agent, Agent__Output as _dagwright_engine_v1_Agent__Output } from './dagwright/engine/v1/Agent.ts';
import type { AgentServiceClient as _dagwright_engine_v1_AgentServiceClient, AgentServiceDefinition as _dagwright_engine_v1_AgentServiceDefinition } from './dagwright/engine/v1/AgentService.ts';
import type { AiMetadata as _dagwright_engine_v1_AiMetadata, AiMetadata__Output as _dagwright_engine_v1_AiMetadata__Output } from './dagwright/engine/v1/AiMetadata.ts';
import type { BlockLog as _dagwright_engine_v1_BlockLog, BlockLog__Output as _dagwright_engine_v1_BlockLog__Output } from './dagwright/engine/v1/BlockLog.ts';
import type { BlockState as _dagwright_engine_v1_BlockState, BlockState__Output as _dagwright_engine_v1_BlockState__Output } from './dagwright/engine/v1/BlockState.ts';
import type { CancelRunRequest as _dagwright_engine_v1_CancelRunRequest, CancelRunRequest__Output as _dagwright_engine_v1_CancelRunRequest__Output } from './dagwright/engine/v1/CancelRunRequest.ts';
import type { CreateWorkflowRequest as _dagwright_engine_v1_CreateWorkflowRequest, CreateWorkflowRequest__Output as _dagwright_engine_v1_CreateWorkflowRequest__Output } from './dagwright/engine/v1/CreateWorkflowRequest.ts';
import type { DeleteAgentRequest as _dagwright_engine_v1_DeleteAgentRequest, DeleteAgentRequest__Output as _dagwright_engine_v1_DeleteAgentRequest__Output } from './dagwright/engine/v1/DeleteAgentRequest.ts';
import type { DeleteAgentResponse as _dagwright_engine_v1_DeleteAgentResponse, DeleteAgentResponse__Output as _dagwright_engine_v1_DeleteAgentResponse__Output } from './dagwright/engine/v1/DeleteAgentResponse.ts';
import type { DeleteWorkflowRequest as _dagwright_engine_v1_DeleteWorkflowRequest, DeleteWorkflowRequest__Output as _dagwright_engine_v1_DeleteWorkflowRequest__Output } from './dagwright/engine/v1/DeleteWorkflowRequest.ts';
import type { DeleteWorkflowResponse as _dagwright_engine_v1_DeleteWorkflowResponse, DeleteWorkflowResponse__Output as _dagwright_engine_v1_DeleteWorkflowResponse__Output } from './dagwright/engine/v1/DeleteWorkflowResponse.ts';
import type { ExecuteWorkflowRequest as _dagwright_engine_v1_ExecuteWorkflowRequest, ExecuteWorkflowRequest__Output as _dagwright_engine_v1_ExecuteWorkflowRequest__Output } from './dagwright/engine/v1/ExecuteWorkflowRequest.ts';
import type { GetAgentRequest as _dagwright_engine_v1_GetAgentRequest, GetAgentRequest__Output as _dagwright_engine_v1_GetAgentRequest__Output } from './dagwright/engine/v1/GetAgentRequest.ts';
import type { GetRunLogsRequest as _dagwright_engine_v1_GetRunLogsRequest, GetRunLogsRequest__Output as _dagwright_engine_v1_GetRunLogsRequest__Output } from './dagwright/engine/v1/GetRunLogsRequest.ts';
import type { GetRunLogsResponse as _dagwright_engine_v1_GetRunLogsResponse, GetRunLogsResponse__Output as _dagwright_engine_v1_GetRunLogsResponse__Output } from './dagwright/engine/v1/GetRunLogsResponse.ts';
import type { GetRunRequest as _dagwright_engine_v1_GetRunRequest, GetRunRequest__Output as _dagwright_engine_v1_GetRunRequest__Output } from './dagwright/engine/v1/GetRunRequest.ts';
import type { GetWorkflowRequest as _dagwright_engine_v1_GetWorkflowRequest, GetWorkflowRequest__Output as _dagwright_engine_v1_GetWorkflowRequest__Output } from './dagwright/engine/v1/GetWorkflowRequest.ts';
import type { ListAgentsRequest as _dagwright_engine_v1_ListAgentsRequest, ListAgentsRequest__Output as _dagwright_engine_v1_ListAgentsRequest__Output } from './dagwright/engine/v1/ListAgentsRequest.ts';
import type { ListAgentsResponse as _dagwright_engine_v1_ListAgentsResponse, ListAgentsResponse__Output as _dagwright_engine_v1_ListAgentsResponse__Output } from './dagwright/engine/v1/ListAgentsResponse.ts';
import type { ListRunsRequest as _dagwright_engine_v1_ListRunsRequest, ListRunsRequest__Output as _dagwright_engine_v1_ListRunsRequest__Output } from './dagwright/engine/v1/ListRunsRequest.ts';
import type { ListRunsResponse as _dagwright_engine_v1_ListRunsResponse, ListRunsResponse__Output as _dagwright_engine_v1_ListRunsResponse__Output } from './dagwright/engine/v1/ListRunsResponse.ts';
import type { ListWorkflowVersionsRequest as _dagwright_engine_v1_ListWorkflowVersionsRequest, ListWorkflowVersionsRequest__Output as _dagwright_engine_v1_ListWorkflowVersionsRequest__Output } from './dagwright/engine/v1/ListWorkflowVersionsRequest.ts';
import type { ListWorkflowVersionsResponse as _dagwright_engine_v1_ListWorkflowVersionsResponse, ListWorkflowVersionsResponse__Output as _dagwright_engine_v1_ListWorkflowVersionsResponse__Output } from './dagwright/engine/v1/ListWorkflowVersionsResponse.ts';
import type { ListWorkflowsRequest as _dagwright_engine_v1_ListWorkflowsRequest, ListWorkflowsRequest__Output as _dagwright_engine_v1_ListWorkflowsRequest__Output } from './dagwright/engine/v1/ListWorkflowsRequest.ts';
import type { ListWorkflowsResponse as _dagwright_engine_v1_ListWorkflowsResponse, ListWorkflowsResponse__Output as _dagwright_engine_v1_ListWorkflowsResponse__Output } from './dagwright/engine/v1/ListWorkflowsResponse.ts';
import type { LogAttempt as _dagwright_engine_v1_LogAttempt, LogAttempt__Output as _dagwright_engine_v1_LogAttempt__Output } from './dagwright/engine/v1/LogAttempt.ts';
import type { PutAgentRequest as _dagwright_engine_v1_PutAgentRequest, PutAgentRequest__Output as _dagwright_engine_v1_PutAgentRequest__Output } from './dagwright/engine/v1/PutAgentRequest.ts';
import type { ResumeRunRequest as _dagwright_engine_v1_ResumeRunRequest, ResumeRunRequest__Output as _dagwright_engine_v1_ResumeRunRequest__Output } from './dagwright/engine/v1/ResumeRunRequest.ts';
import type { Run as _dagwright_engine_v1_Run, Run__Output as _dagwright_engine_v1_Run__Output } from './dagwright/engine/v1/Run.ts';
import type { RunEvent as _dagwright_engine_v1_RunEvent, RunEvent__Output as _dagwright_engine_v1_RunEvent__Output } from './dagwright/engine/v1/RunEvent.ts';
import type { RunServiceClient as _dagwright_engine_v1_RunServiceClient, RunServiceDefinition as _dagwright_engine_v1_RunServiceDefinition } from './dagwright/engine/v1/RunService.ts';
import type { StreamRunEventsRequest as _dagwright_engine_v1_StreamRunEventsRequest, StreamRunEventsRequest__Output as _dagwright_engine_v1_StreamRunEventsRequest__Output } from './dagwright/engine/v1/StreamRunEventsRequest.ts';
import type { UpdateWorkflowRequest as _dagwright_engine_v1_UpdateWorkflowRequest, UpdateWorkflowRequest__Output as _dagwright_engine_v1_UpdateWorkflowRequest__Output } from './dagwright/engine/v1/UpdateWorkflowRequest.ts';
import type { Workflow as _dagwright_engine_v1_Workflow, Workflow__Output as _dagwright_engine_v1_Workflow__Output } from './dagwright/engine/v1/Workflow.ts';
import type { WorkflowServiceClient as _dagwright_engine_v1_WorkflowServiceClient, WorkflowServiceDefinition as _dagwright_engine_v1_WorkflowServiceDefinition } from './dagwright/engine/v1/WorkflowService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dagwright: {
    common: {
      v1: {
        ErrorDetail: MessageTypeDefinition<_dagwright_common_v1_ErrorDetail, _dagwright_common_v1_ErrorDetail__Output>
        ErrorInfo: MessageTypeDefinition<_dagwright_common_v1_ErrorInfo, _dagwright_common_v1_ErrorInfo__Output>
        PageRequest: MessageTypeDefinition<_dagwright_common_v1_PageRequest, _dagwright_common_v1_PageRequest__Output>
        PageResponse: MessageTypeDefinition<_dagwright_common_v1_PageResponse, _dagwright_common_v1_PageResponse__Output>
        Tenant: MessageTypeDefinition<_dagwright_common_v1_Tenant, _dagwright_common_v1_Tenant__Output>
      }
    }
    engine: {
      v1: {
        Agent: MessageTypeDefinition<_dagwright_engine_v1_Agent, _dagwright_engine_v1_Agent__Output>
        /**
         * The tenant's agent catalog: what agent blocks may call.
         */
        AgentService: SubtypeConstructor<typeof grpc.Client, _dagwright_engine_v1_AgentServiceClient> & { service: _dagwright_engine_v1_AgentServiceDefinition }
        AiMetadata: MessageTypeDefinition<_dagwright_engine_v1_AiMetadata, _dagwright_engine_v1_AiMetadata__Output>
        BlockLog: MessageTypeDefinition<_dagwright_engine_v1_BlockLog, _dagwright_engine_v1_BlockLog__Output>
        BlockState: MessageTypeDefinition<_dagwright_engine_v1_BlockState, _dagwright_engine_v1_BlockState__Output>
        CancelRunRequest: MessageTypeDefinition<_dagwright_engine_v1_CancelRunRequest, _dagwright_engine_v1_CancelRunRequest__Output>
        CreateWorkflowRequest: MessageTypeDefinition<_dagwright_engine_v1_CreateWorkflowRequest, _dagwright_engine_v1_CreateWorkflowRequest__Output>
        DeleteAgentRequest: MessageTypeDefinition<_dagwright_engine_v1_DeleteAgentRequest, _dagwright_engine_v1_DeleteAgentRequest__Output>
        DeleteAgentResponse: MessageTypeDefinition<_dagwright_engine_v1_DeleteAgentResponse, _dagwright_engine_v1_DeleteAgentResponse__Output>
        DeleteWorkflowRequest: MessageTypeDefinition<_dagwright_engine_v1_DeleteWorkflowRequest, _dagwright_engine_v1_DeleteWorkflowRequest__Output>
        DeleteWorkflowResponse: MessageTypeDefinition<_dagwright_engine_v1_DeleteWorkflowResponse, _dagwright_engine_v1_DeleteWorkflowResponse__Output>
        ExecuteWorkflowRequest: MessageTypeDefinition<_dagwright_engine_v1_ExecuteWorkflowRequest, _dagwright_engine_v1_ExecuteWorkflowRequest__Output>
        GetAgentRequest: MessageTypeDefinition<_dagwright_engine_v1_GetAgentRequest, _dagwright_engine_v1_GetAgentRequest__Output>
        GetRunLogsRequest: MessageTypeDefinition<_dagwright_engine_v1_GetRunLogsRequest, _dagwright_engine_v1_GetRunLogsRequest__Output>
        GetRunLogsResponse: MessageTypeDefinition<_dagwright_engine_v1_GetRunLogsResponse, _dagwright_engine_v1_GetRunLogsResponse__Output>
        GetRunRequest: MessageTypeDefinition<_dagwright_engine_v1_GetRunRequest, _dagwright_engine_v1_GetRunRequest__Output>
        GetWorkflowRequest: MessageTypeDefinition<_dagwright_engine_v1_GetWorkflowRequest, _dagwright_engine_v1_GetWorkflowRequest__Output>
        ListAgentsRequest: MessageTypeDefinition<_dagwright_engine_v1_ListAgentsRequest, _dagwright_engine_v1_ListAgentsRequest__Output>
        ListAgentsResponse: MessageTypeDefinition<_dagwright_engine_v1_ListAgentsResponse, _dagwright_engine_v1_ListAgentsResponse__Output>
        ListRunsRequest: MessageTypeDefinition<_dagwright_engine_v1_ListRunsRequest, _dagwright_engine_v1_ListRunsRequest__Output>
        ListRunsResponse: MessageTypeDefinition<_dagwright_engine_v1_ListRunsResponse, _dagwright_engine_v1_ListRunsResponse__Output>
        ListWorkflowVersionsRequest: MessageTypeDefinition<_dagwright_engine_v1_ListWorkflowVersionsRequest, _dagwright_engine_v1_ListWorkflowVersionsRequest__Output>
        ListWorkflowVersionsResponse: MessageTypeDefinition<_dagwright_engine_v1_ListWorkflowVersionsResponse, _dagwright_engine_v1_ListWorkflowVersionsResponse__Output>
        ListWorkflowsRequest: MessageTypeDefinition<_dagwright_engine_v1_ListWorkflowsRequest, _dagwright_engine_v1_ListWorkflowsRequest__Output>
        ListWorkflowsResponse: MessageTypeDefinition<_dagwright_engine_v1_ListWorkflowsResponse, _dagwright_engine_v1_ListWorkflowsResponse__Output>
        LogAttempt: MessageTypeDefinition<_dagwright_engine_v1_LogAttempt, _dagwright_engine_v1_LogAttempt__Output>
        PutAgentRequest: MessageTypeDefinition<_dagwright_engine_v1_PutAgentRequest, _dagwright_engine_v1_PutAgentRequest__Output>
        ResumeRunRequest: MessageTypeDefinition<_dagwright_engine_v1_ResumeRunRequest, _dagwright_engine_v1_ResumeRunRequest__Output>
        Run: MessageTypeDefinition<_dagwright_engine_v1_Run, _dagwright_engine_v1_Run__Output>
        RunEvent: MessageTypeDefinition<_dagwright_engine_v1_RunEvent, _dagwright_engine_v1_RunEvent__Output>
        /**
         * Durable runs of workflows.
         */
        RunService: SubtypeConstructor<typeof grpc.Client, _dagwright_engine_v1_RunServiceClient> & { service: _dagwright_engine_v1_RunServiceDefinition }
        StreamRunEventsRequest: MessageTypeDefinition<_dagwright_engine_v1_StreamRunEventsRequest, _dagwright_engine_v1_StreamRunEventsRequest__Output>
        UpdateWorkflowRequest: MessageTypeDefinition<_dagwright_engine_v1_UpdateWorkflowRequest, _dagwright_engine_v1_UpdateWorkflowRequest__Output>
        Workflow: MessageTypeDefinition<_dagwright_engine_v1_Workflow, _dagwright_engine_v1_Workflow__Output>
        /**
         * Workflows are stored per tenant (taken from call metadata, never from messages). Every update stores a
         * new immutable version; runs pin the version they started with. Graphs travel as canonical JSON text
         * (the model of libs/workflow), because they embed JSON Schemas and free-form configuration.
         */
        WorkflowService: SubtypeConstructor<typeof grpc.Client, _dagwright_engine_v1_WorkflowServiceClient> & { service: _dagwright_engine_v1_WorkflowServiceDefinition }
      }
    }
  }
}

