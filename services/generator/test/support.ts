import { randomUUID } from 'node:crypto';
import type { Client } from '@grpc/grpc-js';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType as EngineGrpc } from '@dagwright/contracts/generated/engine';
import type { ProtoGrpcType as GeneratorGrpc } from '@dagwright/contracts/generated/generator';
import {
  callUnary,
  createGrpcClient,
  type CallContext,
  type ClientConstructor,
  type Tenant,
  type UnaryMethod,
} from '@dagwright/kit';
import { uniqueName } from '@dagwright/testkit';
import type { Agent } from '@dagwright/workflow';
import { startEngine, type RunningEngine } from '@dagwright/workflow-engine/testing';
import { startGenerator as startInProcess, type RunningGenerator } from '../testing/in-process.ts';

/** A call to one method of a service, with the caller's context. */
export type Call = (request: object, ctx: CallContext) => Promise<Record<string, unknown>>;

/** A generator on a real engine (both in-process, real MongoDB-protocol server and Kafka) and its clients. */
export interface GeneratorHarness {
  generator: Record<'generateWorkflow' | 'generateBatch', Call>;
  templates: Record<
    'createTemplate' | 'getTemplate' | 'listTemplates' | 'updateTemplate' | 'deleteTemplate',
    Call
  >;
  engine: Record<'putAgent' | 'getWorkflow' | 'listWorkflows', Call>;
  close(): Promise<void>;
}

/** A fresh tenant and a caller context for it. */
export function tenantContext(): CallContext {
  const tenant: Tenant = { clientId: uniqueName('client'), projectId: 'proj', workspaceId: 'ws' };
  return { tenant, userId: 'tester', roles: ['admin'], requestId: randomUUID(), deadline: undefined };
}

function bind<K extends string>(client: Client, methods: readonly K[]): Record<K, Call> {
  return Object.fromEntries(
    methods.map((m) => {
      const method = (client as unknown as Record<K, UnaryMethod<object, Record<string, unknown>>>)[m];
      return [m, (request: object, ctx: CallContext) => callUnary(client, method, request, ctx, 30_000)];
    }),
  ) as Record<K, Call>;
}

/** Registers agents in the tenant's catalog through the engine's API. */
export async function putAgents(
  h: GeneratorHarness,
  ctx: CallContext,
  agents: readonly Agent[],
): Promise<void> {
  for (const a of agents) {
    await h.engine.putAgent(
      {
        agent: {
          ...a,
          inputSchemaJson: JSON.stringify(a.inputSchema),
          outputSchemaJson: JSON.stringify(a.outputSchema),
          implementationJson: JSON.stringify(a.implementation),
          avgLatencyMs: String(a.avgLatencyMs),
        },
      },
      ctx,
    );
  }
}

/** Starts the engine and a generator whose models come from `llmEnv` (none: the local planner only). */
export async function startGenerator(llmEnv: Record<string, string> = {}): Promise<GeneratorHarness> {
  const engine: RunningEngine = await startEngine();
  const generator: RunningGenerator = await startInProcess(engine.address, llmEnv);
  const gen = loadContracts<GeneratorGrpc>(['dagwright/generator/v1/generator.proto']).grpc.dagwright
    .generator.v1;
  const eng = loadContracts<EngineGrpc>(['dagwright/engine/v1/engine.proto']).grpc.dagwright.engine.v1;
  const client = (ctor: unknown, target: string, serviceName: string) =>
    createGrpcClient(ctor as ClientConstructor<Client>, target, { serviceName });
  const clients = [
    client(gen.GeneratorService, generator.address, 'dagwright.generator.v1.GeneratorService'),
    client(gen.TemplateService, generator.address, 'dagwright.generator.v1.TemplateService'),
    client(eng.AgentService, engine.address, 'dagwright.engine.v1.AgentService'),
    client(eng.WorkflowService, engine.address, 'dagwright.engine.v1.WorkflowService'),
  ] as const;
  return {
    generator: bind(clients[0], ['generateWorkflow', 'generateBatch']),
    templates: bind(clients[1], [
      'createTemplate',
      'getTemplate',
      'listTemplates',
      'updateTemplate',
      'deleteTemplate',
    ]),
    engine: { ...bind(clients[2], ['putAgent']), ...bind(clients[3], ['getWorkflow', 'listWorkflows']) },
    close: async () => {
      for (const c of clients) c.close();
      await generator.close();
      await engine.close();
    },
  };
}
