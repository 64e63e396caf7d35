// Original file: dagwright/generator/v1/generator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GenerateBatchRequest as _dagwright_generator_v1_GenerateBatchRequest, GenerateBatchRequest__Output as _dagwright_generator_v1_GenerateBatchRequest__Output } from '../../../dagwright/generator/v1/GenerateBatchRequest.ts';
import type { GenerateBatchResponse as _dagwright_generator_v1_GenerateBatchResponse, GenerateBatchResponse__Output as _dagwright_generator_v1_GenerateBatchResponse__Output } from '../../../dagwright/generator/v1/GenerateBatchResponse.ts';
import type { GenerateWorkflowRequest as _dagwright_generator_v1_GenerateWorkflowRequest, GenerateWorkflowRequest__Output as _dagwright_generator_v1_GenerateWorkflowRequest__Output } from '../../../dagwright/generator/v1/GenerateWorkflowRequest.ts';
import type { GenerateWorkflowResponse as _dagwright_generator_v1_GenerateWorkflowResponse, GenerateWorkflowResponse__Output as _dagwright_generator_v1_GenerateWorkflowResponse__Output } from '../../../dagwright/generator/v1/GenerateWorkflowResponse.ts';

/**
 * Problem statement + agent catalog → a validated workflow with estimates, alternatives and an explanation.
 * The tenant comes from call metadata; agents are read from the tenant's catalog in the workflow engine.
 */
export interface GeneratorServiceClient extends grpc.Client {
  /**
   * Several generations, sequentially or in parallel; each item fails or succeeds on its own.
   */
  GenerateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  GenerateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  GenerateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  GenerateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Several generations, sequentially or in parallel; each item fails or succeeds on its own.
   */
  generateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  generateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  generateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  generateBatch(argument: _dagwright_generator_v1_GenerateBatchRequest, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateBatchResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  GenerateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  GenerateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  GenerateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  generateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  generateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  generateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  generateWorkflow(argument: _dagwright_generator_v1_GenerateWorkflowRequest, callback: grpc.requestCallback<_dagwright_generator_v1_GenerateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Problem statement + agent catalog → a validated workflow with estimates, alternatives and an explanation.
 * The tenant comes from call metadata; agents are read from the tenant's catalog in the workflow engine.
 */
export interface GeneratorServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Several generations, sequentially or in parallel; each item fails or succeeds on its own.
   */
  GenerateBatch: grpc.handleUnaryCall<_dagwright_generator_v1_GenerateBatchRequest__Output, _dagwright_generator_v1_GenerateBatchResponse>;
  
  GenerateWorkflow: grpc.handleUnaryCall<_dagwright_generator_v1_GenerateWorkflowRequest__Output, _dagwright_generator_v1_GenerateWorkflowResponse>;
  
}

export interface GeneratorServiceDefinition extends grpc.ServiceDefinition {
  GenerateBatch: MethodDefinition<_dagwright_generator_v1_GenerateBatchRequest, _dagwright_generator_v1_GenerateBatchResponse, _dagwright_generator_v1_GenerateBatchRequest__Output, _dagwright_generator_v1_GenerateBatchResponse__Output>
  GenerateWorkflow: MethodDefinition<_dagwright_generator_v1_GenerateWorkflowRequest, _dagwright_generator_v1_GenerateWorkflowResponse, _dagwright_generator_v1_GenerateWorkflowRequest__Output, _dagwright_generator_v1_GenerateWorkflowResponse__Output>
}
