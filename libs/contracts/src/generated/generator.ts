import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ErrorDetail as _dagwright_common_v1_ErrorDetail, ErrorDetail__Output as _dagwright_common_v1_ErrorDetail__Output } from './dagwright/common/v1/ErrorDetail.ts';
import type { ErrorInfo as _dagwright_common_v1_ErrorInfo, ErrorInfo__Output as _dagwright_common_v1_ErrorInfo__Output } from './dagwright/common/v1/ErrorInfo.ts';
import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from './dagwright/common/v1/PageRequest.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from './dagwright/common/v1/PageResponse.ts';
import type { Tenant as _dagwright_common_v1_Tenant, Tenant__Output as _dagwright_common_v1_Tenant__Output } from './dagwright/common/v1/Tenant.ts';
import type { BatchItem as _dagwright_generator_v1_BatchItem, BatchItem__Output as _dagwright_generator_v1_BatchItem__Output } from './dagwright/generator/v1/BatchItem.ts';
import type { CreateTemplateRequest as _dagwright_generator_v1_CreateTemplateRequest, CreateTemplateRequest__Output as _dagwright_generator_v1_CreateTemplateRequest__Output } from './dagwright/generator/v1/CreateTemplateRequest.ts';
import type { DeleteTemplateRequest as _dagwright_generator_v1_DeleteTemplateRequest, DeleteTemplateRequest__Output as _dagwright_generator_v1_DeleteTemplateRequest__Output } from './dagwright/generator/v1/DeleteTemplateRequest.ts';
import type { DeleteTemplateResponse as _dagwright_generator_v1_DeleteTemplateResponse, DeleteTemplateResponse__Output as _dagwright_generator_v1_DeleteTemplateResponse__Output } from './dagwright/generator/v1/DeleteTemplateResponse.ts';
import type { GenerateBatchRequest as _dagwright_generator_v1_GenerateBatchRequest, GenerateBatchRequest__Output as _dagwright_generator_v1_GenerateBatchRequest__Output } from './dagwright/generator/v1/GenerateBatchRequest.ts';
import type { GenerateBatchResponse as _dagwright_generator_v1_GenerateBatchResponse, GenerateBatchResponse__Output as _dagwright_generator_v1_GenerateBatchResponse__Output } from './dagwright/generator/v1/GenerateBatchResponse.ts';
import type { GenerateWorkflowRequest as _dagwright_generator_v1_GenerateWorkflowRequest, GenerateWorkflowRequest__Output as _dagwright_generator_v1_GenerateWorkflowRequest__Output } from './dagwright/generator/v1/GenerateWorkflowRequest.ts';
import type { GenerateWorkflowResponse as _dagwright_generator_v1_GenerateWorkflowResponse, GenerateWorkflowResponse__Output as _dagwright_generator_v1_GenerateWorkflowResponse__Output } from './dagwright/generator/v1/GenerateWorkflowResponse.ts';
import type { GeneratorServiceClient as _dagwright_generator_v1_GeneratorServiceClient, GeneratorServiceDefinition as _dagwright_generator_v1_GeneratorServiceDefinition } from './dagwright/generator/v1/GeneratorService.ts';
import type { GetTemplateRequest as _dagwright_generator_v1_GetTemplateRequest, GetTemplateRequest__Output as _dagwright_generator_v1_GetTemplateRequest__Output } from './dagwright/generator/v1/GetTemplateRequest.ts';
import type { ListTemplatesRequest as _dagwright_generator_v1_ListTemplatesRequest, ListTemplatesRequest__Output as _dagwright_generator_v1_ListTemplatesRequest__Output } from './dagwright/generator/v1/ListTemplatesRequest.ts';
import type { ListTemplatesResponse as _dagwright_generator_v1_ListTemplatesResponse, ListTemplatesResponse__Output as _dagwright_generator_v1_ListTemplatesResponse__Output } from './dagwright/generator/v1/ListTemplatesResponse.ts';
import type { Template as _dagwright_generator_v1_Template, Template__Output as _dagwright_generator_v1_Template__Output } from './dagwright/generator/v1/Template.ts';
import type { TemplateServiceClient as _dagwright_generator_v1_TemplateServiceClient, TemplateServiceDefinition as _dagwright_generator_v1_TemplateServiceDefinition } from './dagwright/generator/v1/TemplateService.ts';
import type { UpdateTemplateRequest as _dagwright_generator_v1_UpdateTemplateRequest, UpdateTemplateRequest__Output as _dagwright_generator_v1_UpdateTemplateRequest__Output } from './dagwright/generator/v1/UpdateTemplateRequest.ts';

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
    generator: {
      v1: {
        BatchItem: MessageTypeDefinition<_dagwright_generator_v1_BatchItem, _dagwright_generator_v1_BatchItem__Output>
        CreateTemplateRequest: MessageTypeDefinition<_dagwright_generator_v1_CreateTemplateRequest, _dagwright_generator_v1_CreateTemplateRequest__Output>
        DeleteTemplateRequest: MessageTypeDefinition<_dagwright_generator_v1_DeleteTemplateRequest, _dagwright_generator_v1_DeleteTemplateRequest__Output>
        DeleteTemplateResponse: MessageTypeDefinition<_dagwright_generator_v1_DeleteTemplateResponse, _dagwright_generator_v1_DeleteTemplateResponse__Output>
        GenerateBatchRequest: MessageTypeDefinition<_dagwright_generator_v1_GenerateBatchRequest, _dagwright_generator_v1_GenerateBatchRequest__Output>
        GenerateBatchResponse: MessageTypeDefinition<_dagwright_generator_v1_GenerateBatchResponse, _dagwright_generator_v1_GenerateBatchResponse__Output>
        GenerateWorkflowRequest: MessageTypeDefinition<_dagwright_generator_v1_GenerateWorkflowRequest, _dagwright_generator_v1_GenerateWorkflowRequest__Output>
        GenerateWorkflowResponse: MessageTypeDefinition<_dagwright_generator_v1_GenerateWorkflowResponse, _dagwright_generator_v1_GenerateWorkflowResponse__Output>
        /**
         * Problem statement + agent catalog → a validated workflow with estimates, alternatives and an explanation.
         * The tenant comes from call metadata; agents are read from the tenant's catalog in the workflow engine.
         */
        GeneratorService: SubtypeConstructor<typeof grpc.Client, _dagwright_generator_v1_GeneratorServiceClient> & { service: _dagwright_generator_v1_GeneratorServiceDefinition }
        GetTemplateRequest: MessageTypeDefinition<_dagwright_generator_v1_GetTemplateRequest, _dagwright_generator_v1_GetTemplateRequest__Output>
        ListTemplatesRequest: MessageTypeDefinition<_dagwright_generator_v1_ListTemplatesRequest, _dagwright_generator_v1_ListTemplatesRequest__Output>
        ListTemplatesResponse: MessageTypeDefinition<_dagwright_generator_v1_ListTemplatesResponse, _dagwright_generator_v1_ListTemplatesResponse__Output>
        Template: MessageTypeDefinition<_dagwright_generator_v1_Template, _dagwright_generator_v1_Template__Output>
        /**
         * Workflow templates that shape generation (phases, patterns, validation rules, required agent types).
         */
        TemplateService: SubtypeConstructor<typeof grpc.Client, _dagwright_generator_v1_TemplateServiceClient> & { service: _dagwright_generator_v1_TemplateServiceDefinition }
        UpdateTemplateRequest: MessageTypeDefinition<_dagwright_generator_v1_UpdateTemplateRequest, _dagwright_generator_v1_UpdateTemplateRequest__Output>
      }
    }
  }
}

