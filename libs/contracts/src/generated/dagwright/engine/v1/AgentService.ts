// Original file: dagwright/engine/v1/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Agent as _dagwright_engine_v1_Agent, Agent__Output as _dagwright_engine_v1_Agent__Output } from '../../../dagwright/engine/v1/Agent.ts';
import type { DeleteAgentRequest as _dagwright_engine_v1_DeleteAgentRequest, DeleteAgentRequest__Output as _dagwright_engine_v1_DeleteAgentRequest__Output } from '../../../dagwright/engine/v1/DeleteAgentRequest.ts';
import type { DeleteAgentResponse as _dagwright_engine_v1_DeleteAgentResponse, DeleteAgentResponse__Output as _dagwright_engine_v1_DeleteAgentResponse__Output } from '../../../dagwright/engine/v1/DeleteAgentResponse.ts';
import type { GetAgentRequest as _dagwright_engine_v1_GetAgentRequest, GetAgentRequest__Output as _dagwright_engine_v1_GetAgentRequest__Output } from '../../../dagwright/engine/v1/GetAgentRequest.ts';
import type { ListAgentsRequest as _dagwright_engine_v1_ListAgentsRequest, ListAgentsRequest__Output as _dagwright_engine_v1_ListAgentsRequest__Output } from '../../../dagwright/engine/v1/ListAgentsRequest.ts';
import type { ListAgentsResponse as _dagwright_engine_v1_ListAgentsResponse, ListAgentsResponse__Output as _dagwright_engine_v1_ListAgentsResponse__Output } from '../../../dagwright/engine/v1/ListAgentsResponse.ts';
import type { PutAgentRequest as _dagwright_engine_v1_PutAgentRequest, PutAgentRequest__Output as _dagwright_engine_v1_PutAgentRequest__Output } from '../../../dagwright/engine/v1/PutAgentRequest.ts';

/**
 * The tenant's agent catalog: what agent blocks may call.
 */
export interface AgentServiceClient extends grpc.Client {
  DeleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  deleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  deleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  deleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  deleteAgent(argument: _dagwright_engine_v1_DeleteAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteAgentResponse__Output>): grpc.ClientUnaryCall;
  
  GetAgent(argument: _dagwright_engine_v1_GetAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  GetAgent(argument: _dagwright_engine_v1_GetAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  GetAgent(argument: _dagwright_engine_v1_GetAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  GetAgent(argument: _dagwright_engine_v1_GetAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  getAgent(argument: _dagwright_engine_v1_GetAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  getAgent(argument: _dagwright_engine_v1_GetAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  getAgent(argument: _dagwright_engine_v1_GetAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  getAgent(argument: _dagwright_engine_v1_GetAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  
  ListAgents(argument: _dagwright_engine_v1_ListAgentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListAgents(argument: _dagwright_engine_v1_ListAgentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListAgents(argument: _dagwright_engine_v1_ListAgentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListAgents(argument: _dagwright_engine_v1_ListAgentsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  listAgents(argument: _dagwright_engine_v1_ListAgentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  listAgents(argument: _dagwright_engine_v1_ListAgentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  listAgents(argument: _dagwright_engine_v1_ListAgentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  listAgents(argument: _dagwright_engine_v1_ListAgentsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListAgentsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates or replaces the agent with this id.
   */
  PutAgent(argument: _dagwright_engine_v1_PutAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  PutAgent(argument: _dagwright_engine_v1_PutAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  PutAgent(argument: _dagwright_engine_v1_PutAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  PutAgent(argument: _dagwright_engine_v1_PutAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  /**
   * Creates or replaces the agent with this id.
   */
  putAgent(argument: _dagwright_engine_v1_PutAgentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  putAgent(argument: _dagwright_engine_v1_PutAgentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  putAgent(argument: _dagwright_engine_v1_PutAgentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  putAgent(argument: _dagwright_engine_v1_PutAgentRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Agent__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The tenant's agent catalog: what agent blocks may call.
 */
export interface AgentServiceHandlers extends grpc.UntypedServiceImplementation {
  DeleteAgent: grpc.handleUnaryCall<_dagwright_engine_v1_DeleteAgentRequest__Output, _dagwright_engine_v1_DeleteAgentResponse>;
  
  GetAgent: grpc.handleUnaryCall<_dagwright_engine_v1_GetAgentRequest__Output, _dagwright_engine_v1_Agent>;
  
  ListAgents: grpc.handleUnaryCall<_dagwright_engine_v1_ListAgentsRequest__Output, _dagwright_engine_v1_ListAgentsResponse>;
  
  /**
   * Creates or replaces the agent with this id.
   */
  PutAgent: grpc.handleUnaryCall<_dagwright_engine_v1_PutAgentRequest__Output, _dagwright_engine_v1_Agent>;
  
}

export interface AgentServiceDefinition extends grpc.ServiceDefinition {
  DeleteAgent: MethodDefinition<_dagwright_engine_v1_DeleteAgentRequest, _dagwright_engine_v1_DeleteAgentResponse, _dagwright_engine_v1_DeleteAgentRequest__Output, _dagwright_engine_v1_DeleteAgentResponse__Output>
  GetAgent: MethodDefinition<_dagwright_engine_v1_GetAgentRequest, _dagwright_engine_v1_Agent, _dagwright_engine_v1_GetAgentRequest__Output, _dagwright_engine_v1_Agent__Output>
  ListAgents: MethodDefinition<_dagwright_engine_v1_ListAgentsRequest, _dagwright_engine_v1_ListAgentsResponse, _dagwright_engine_v1_ListAgentsRequest__Output, _dagwright_engine_v1_ListAgentsResponse__Output>
  PutAgent: MethodDefinition<_dagwright_engine_v1_PutAgentRequest, _dagwright_engine_v1_Agent, _dagwright_engine_v1_PutAgentRequest__Output, _dagwright_engine_v1_Agent__Output>
}
