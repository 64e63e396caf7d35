import type { Client } from '@grpc/grpc-js';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/generator';
import type { GenerateBatchRequest } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateBatchRequest';
import type { GenerateBatchResponse__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateBatchResponse';
import type { GenerateWorkflowRequest } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowRequest';
import type { GenerateWorkflowResponse__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowResponse';
import type { ListTemplatesResponse__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/ListTemplatesResponse';
import type {
  Template,
  Template__Output,
} from '@dagwright/contracts/generated/dagwright/generator/v1/Template';
import {
  callUnary,
  createGrpcClient,
  type CallContext,
  type ClientConstructor,
  type UnaryMethod,
} from '@dagwright/kit';

/** The generator's unary methods the gateway calls. */
interface GeneratorMethods {
  generateWorkflow: UnaryMethod<GenerateWorkflowRequest, GenerateWorkflowResponse__Output>;
  generateBatch: UnaryMethod<GenerateBatchRequest, GenerateBatchResponse__Output>;
  createTemplate: UnaryMethod<{ template: Template }, Template__Output>;
  getTemplate: UnaryMethod<{ id: string }, Template__Output>;
  listTemplates: UnaryMethod<
    { page?: { pageSize?: number; pageToken?: string }; domain?: string },
    ListTemplatesResponse__Output
  >;
  updateTemplate: UnaryMethod<{ template: Template }, Template__Output>;
  deleteTemplate: UnaryMethod<{ id: string }, object>;
}

type Req<M extends keyof GeneratorMethods> = Parameters<GeneratorMethods[M]>[0];
type Res<M extends keyof GeneratorMethods> = Parameters<Parameters<GeneratorMethods[M]>[3]>[1] extends infer R
  ? NonNullable<R>
  : never;

/** The generator as the gateway sees it: typed unary calls and close. */
export interface GeneratorClient {
  call<M extends keyof GeneratorMethods>(method: M, request: Req<M>, ctx: CallContext): Promise<Res<M>>;
  close(): void;
}

const GENERATION = new Set<keyof GeneratorMethods>(['generateWorkflow', 'generateBatch']);

/** Connects to the generator at `target` (calls fail with UNAVAILABLE, not at start-up, while it is down). */
export function createGeneratorClient(target: string): GeneratorClient {
  const { grpc } = loadContracts<ProtoGrpcType>(['dagwright/generator/v1/generator.proto']);
  const v1 = grpc.dagwright.generator.v1;
  const generator = createGrpcClient(v1.GeneratorService as unknown as ClientConstructor<Client>, target, {
    serviceName: 'dagwright.generator.v1.GeneratorService',
  });
  const templates = createGrpcClient(v1.TemplateService as unknown as ClientConstructor<Client>, target, {
    serviceName: 'dagwright.generator.v1.TemplateService',
    idempotentMethods: ['GetTemplate', 'ListTemplates'],
  });
  return {
    call: (method, request, ctx) => {
      const client = GENERATION.has(method) ? generator : templates;
      const fn = (client as unknown as GeneratorMethods)[method] as UnaryMethod<
        typeof request,
        Res<typeof method>
      >;
      return callUnary(client, fn, request, ctx);
    },
    close: () => {
      generator.close();
      templates.close();
    },
  };
}
