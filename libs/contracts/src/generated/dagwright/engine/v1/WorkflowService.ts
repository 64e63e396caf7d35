// Original file: dagwright/engine/v1/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateWorkflowRequest as _dagwright_engine_v1_CreateWorkflowRequest, CreateWorkflowRequest__Output as _dagwright_engine_v1_CreateWorkflowRequest__Output } from '../../../dagwright/engine/v1/CreateWorkflowRequest.ts';
import type { DeleteWorkflowRequest as _dagwright_engine_v1_DeleteWorkflowRequest, DeleteWorkflowRequest__Output as _dagwright_engine_v1_DeleteWorkflowRequest__Output } from '../../../dagwright/engine/v1/DeleteWorkflowRequest.ts';
import type { DeleteWorkflowResponse as _dagwright_engine_v1_DeleteWorkflowResponse, DeleteWorkflowResponse__Output as _dagwright_engine_v1_DeleteWorkflowResponse__Output } from '../../../dagwright/engine/v1/DeleteWorkflowResponse.ts';
import type { GetWorkflowRequest as _dagwright_engine_v1_GetWorkflowRequest, GetWorkflowRequest__Output as _dagwright_engine_v1_GetWorkflowRequest__Output } from '../../../dagwright/engine/v1/GetWorkflowRequest.ts';
import type { ListWorkflowVersionsRequest as _dagwright_engine_v1_ListWorkflowVersionsRequest, ListWorkflowVersionsRequest__Output as _dagwright_engine_v1_ListWorkflowVersionsRequest__Output } from '../../../dagwright/engine/v1/ListWorkflowVersionsRequest.ts';
import type { ListWorkflowVersionsResponse as _dagwright_engine_v1_ListWorkflowVersionsResponse, ListWorkflowVersionsResponse__Output as _dagwright_engine_v1_ListWorkflowVersionsResponse__Output } from '../../../dagwright/engine/v1/ListWorkflowVersionsResponse.ts';
import type { ListWorkflowsRequest as _dagwright_engine_v1_ListWorkflowsRequest, ListWorkflowsRequest__Output as _dagwright_engine_v1_ListWorkflowsRequest__Output } from '../../../dagwright/engine/v1/ListWorkflowsRequest.ts';
import type { ListWorkflowsResponse as _dagwright_engine_v1_ListWorkflowsResponse, ListWorkflowsResponse__Output as _dagwright_engine_v1_ListWorkflowsResponse__Output } from '../../../dagwright/engine/v1/ListWorkflowsResponse.ts';
import type { UpdateWorkflowRequest as _dagwright_engine_v1_UpdateWorkflowRequest, UpdateWorkflowRequest__Output as _dagwright_engine_v1_UpdateWorkflowRequest__Output } from '../../../dagwright/engine/v1/UpdateWorkflowRequest.ts';
import type { Workflow as _dagwright_engine_v1_Workflow, Workflow__Output as _dagwright_engine_v1_Workflow__Output } from '../../../dagwright/engine/v1/Workflow.ts';

/**
 * Workflows are stored per tenant (taken from call metadata, never from messages). Every update stores a
 * new immutable version; runs pin the version they started with. Graphs travel as canonical JSON text
 * (the model of libs/workflow), because they embed JSON Schemas and free-form configuration.
 */
export interface WorkflowServiceClient extends grpc.Client {
  CreateWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  CreateWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  CreateWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  CreateWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  createWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  createWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  createWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  createWorkflow(argument: _dagwright_engine_v1_CreateWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  
  DeleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DeleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DeleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DeleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  deleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  deleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  deleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  deleteWorkflow(argument: _dagwright_engine_v1_DeleteWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_DeleteWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
  GetWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  GetWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  GetWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  GetWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  getWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  getWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  getWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  getWorkflow(argument: _dagwright_engine_v1_GetWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  
  ListWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflowVersions(argument: _dagwright_engine_v1_ListWorkflowVersionsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _dagwright_engine_v1_ListWorkflowsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stores the graph as a new version; fails with ABORTED when expected_version is set and is not the latest.
   */
  UpdateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  UpdateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  UpdateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  UpdateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  /**
   * Stores the graph as a new version; fails with ABORTED when expected_version is set and is not the latest.
   */
  updateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  updateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  updateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  updateWorkflow(argument: _dagwright_engine_v1_UpdateWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Workflow__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Workflows are stored per tenant (taken from call metadata, never from messages). Every update stores a
 * new immutable version; runs pin the version they started with. Graphs travel as canonical JSON text
 * (the model of libs/workflow), because they embed JSON Schemas and free-form configuration.
 */
export interface WorkflowServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateWorkflow: grpc.handleUnaryCall<_dagwright_engine_v1_CreateWorkflowRequest__Output, _dagwright_engine_v1_Workflow>;
  
  DeleteWorkflow: grpc.handleUnaryCall<_dagwright_engine_v1_DeleteWorkflowRequest__Output, _dagwright_engine_v1_DeleteWorkflowResponse>;
  
  GetWorkflow: grpc.handleUnaryCall<_dagwright_engine_v1_GetWorkflowRequest__Output, _dagwright_engine_v1_Workflow>;
  
  ListWorkflowVersions: grpc.handleUnaryCall<_dagwright_engine_v1_ListWorkflowVersionsRequest__Output, _dagwright_engine_v1_ListWorkflowVersionsResponse>;
  
  ListWorkflows: grpc.handleUnaryCall<_dagwright_engine_v1_ListWorkflowsRequest__Output, _dagwright_engine_v1_ListWorkflowsResponse>;
  
  /**
   * Stores the graph as a new version; fails with ABORTED when expected_version is set and is not the latest.
   */
  UpdateWorkflow: grpc.handleUnaryCall<_dagwright_engine_v1_UpdateWorkflowRequest__Output, _dagwright_engine_v1_Workflow>;
  
}

export interface WorkflowServiceDefinition extends grpc.ServiceDefinition {
  CreateWorkflow: MethodDefinition<_dagwright_engine_v1_CreateWorkflowRequest, _dagwright_engine_v1_Workflow, _dagwright_engine_v1_CreateWorkflowRequest__Output, _dagwright_engine_v1_Workflow__Output>
  DeleteWorkflow: MethodDefinition<_dagwright_engine_v1_DeleteWorkflowRequest, _dagwright_engine_v1_DeleteWorkflowResponse, _dagwright_engine_v1_DeleteWorkflowRequest__Output, _dagwright_engine_v1_DeleteWorkflowResponse__Output>
  GetWorkflow: MethodDefinition<_dagwright_engine_v1_GetWorkflowRequest, _dagwright_engine_v1_Workflow, _dagwright_engine_v1_GetWorkflowRequest__Output, _dagwright_engine_v1_Workflow__Output>
  ListWorkflowVersions: MethodDefinition<_dagwright_engine_v1_ListWorkflowVersionsRequest, _dagwright_engine_v1_ListWorkflowVersionsResponse, _dagwright_engine_v1_ListWorkflowVersionsRequest__Output, _dagwright_engine_v1_ListWorkflowVersionsResponse__Output>
  ListWorkflows: MethodDefinition<_dagwright_engine_v1_ListWorkflowsRequest, _dagwright_engine_v1_ListWorkflowsResponse, _dagwright_engine_v1_ListWorkflowsRequest__Output, _dagwright_engine_v1_ListWorkflowsResponse__Output>
  UpdateWorkflow: MethodDefinition<_dagwright_engine_v1_UpdateWorkflowRequest, _dagwright_engine_v1_Workflow, _dagwright_engine_v1_UpdateWorkflowRequest__Output, _dagwright_engine_v1_Workflow__Output>
}
