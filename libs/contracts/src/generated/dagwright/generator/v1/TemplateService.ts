// Original file: dagwright/generator/v1/generator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateTemplateRequest as _dagwright_generator_v1_CreateTemplateRequest, CreateTemplateRequest__Output as _dagwright_generator_v1_CreateTemplateRequest__Output } from '../../../dagwright/generator/v1/CreateTemplateRequest.ts';
import type { DeleteTemplateRequest as _dagwright_generator_v1_DeleteTemplateRequest, DeleteTemplateRequest__Output as _dagwright_generator_v1_DeleteTemplateRequest__Output } from '../../../dagwright/generator/v1/DeleteTemplateRequest.ts';
import type { DeleteTemplateResponse as _dagwright_generator_v1_DeleteTemplateResponse, DeleteTemplateResponse__Output as _dagwright_generator_v1_DeleteTemplateResponse__Output } from '../../../dagwright/generator/v1/DeleteTemplateResponse.ts';
import type { GetTemplateRequest as _dagwright_generator_v1_GetTemplateRequest, GetTemplateRequest__Output as _dagwright_generator_v1_GetTemplateRequest__Output } from '../../../dagwright/generator/v1/GetTemplateRequest.ts';
import type { ListTemplatesRequest as _dagwright_generator_v1_ListTemplatesRequest, ListTemplatesRequest__Output as _dagwright_generator_v1_ListTemplatesRequest__Output } from '../../../dagwright/generator/v1/ListTemplatesRequest.ts';
import type { ListTemplatesResponse as _dagwright_generator_v1_ListTemplatesResponse, ListTemplatesResponse__Output as _dagwright_generator_v1_ListTemplatesResponse__Output } from '../../../dagwright/generator/v1/ListTemplatesResponse.ts';
import type { Template as _dagwright_generator_v1_Template, Template__Output as _dagwright_generator_v1_Template__Output } from '../../../dagwright/generator/v1/Template.ts';
import type { UpdateTemplateRequest as _dagwright_generator_v1_UpdateTemplateRequest, UpdateTemplateRequest__Output as _dagwright_generator_v1_UpdateTemplateRequest__Output } from '../../../dagwright/generator/v1/UpdateTemplateRequest.ts';

/**
 * Workflow templates that shape generation (phases, patterns, validation rules, required agent types).
 */
export interface TemplateServiceClient extends grpc.Client {
  CreateTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _dagwright_generator_v1_CreateTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  
  DeleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _dagwright_generator_v1_DeleteTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_DeleteTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  GetTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _dagwright_generator_v1_GetTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  
  ListTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _dagwright_generator_v1_ListTemplatesRequest, callback: grpc.requestCallback<_dagwright_generator_v1_ListTemplatesResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _dagwright_generator_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_dagwright_generator_v1_Template__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Workflow templates that shape generation (phases, patterns, validation rules, required agent types).
 */
export interface TemplateServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateTemplate: grpc.handleUnaryCall<_dagwright_generator_v1_CreateTemplateRequest__Output, _dagwright_generator_v1_Template>;
  
  DeleteTemplate: grpc.handleUnaryCall<_dagwright_generator_v1_DeleteTemplateRequest__Output, _dagwright_generator_v1_DeleteTemplateResponse>;
  
  GetTemplate: grpc.handleUnaryCall<_dagwright_generator_v1_GetTemplateRequest__Output, _dagwright_generator_v1_Template>;
  
  ListTemplates: grpc.handleUnaryCall<_dagwright_generator_v1_ListTemplatesRequest__Output, _dagwright_generator_v1_ListTemplatesResponse>;
  
  UpdateTemplate: grpc.handleUnaryCall<_dagwright_generator_v1_UpdateTemplateRequest__Output, _dagwright_generator_v1_Template>;
  
}

export interface TemplateServiceDefinition extends grpc.ServiceDefinition {
  CreateTemplate: MethodDefinition<_dagwright_generator_v1_CreateTemplateRequest, _dagwright_generator_v1_Template, _dagwright_generator_v1_CreateTemplateRequest__Output, _dagwright_generator_v1_Template__Output>
  DeleteTemplate: MethodDefinition<_dagwright_generator_v1_DeleteTemplateRequest, _dagwright_generator_v1_DeleteTemplateResponse, _dagwright_generator_v1_DeleteTemplateRequest__Output, _dagwright_generator_v1_DeleteTemplateResponse__Output>
  GetTemplate: MethodDefinition<_dagwright_generator_v1_GetTemplateRequest, _dagwright_generator_v1_Template, _dagwright_generator_v1_GetTemplateRequest__Output, _dagwright_generator_v1_Template__Output>
  ListTemplates: MethodDefinition<_dagwright_generator_v1_ListTemplatesRequest, _dagwright_generator_v1_ListTemplatesResponse, _dagwright_generator_v1_ListTemplatesRequest__Output, _dagwright_generator_v1_ListTemplatesResponse__Output>
  UpdateTemplate: MethodDefinition<_dagwright_generator_v1_UpdateTemplateRequest, _dagwright_generator_v1_Template, _dagwright_generator_v1_UpdateTemplateRequest__Output, _dagwright_generator_v1_Template__Output>
}
