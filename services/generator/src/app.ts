import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { loadContracts } from '@dagwright/contracts';
import type { ProtoGrpcType } from '@dagwright/contracts/generated/generator';
import { pingMongo, type GrpcApp, type Logger } from '@dagwright/kit';
import type { ModelRegistry } from '@dagwright/llm';
import type { EngineCatalog } from './engine.client.ts';
import type { Drafter } from './generation/draft.ts';
import { generatorHandlers } from './generation/generator.handlers.ts';
import { localDrafter } from './generation/local-drafter.ts';
import { modelDrafter } from './generation/model-drafter.ts';
import { templateHandlers } from './templates/template.handlers.ts';
import { TemplateRepository } from './templates/template.repository.ts';

/** What the generator app needs from the outside world. */
export interface GeneratorDeps {
  mongo: Connection;
  catalog: EngineCatalog;
  models: ModelRegistry;
  logger: Logger;
}

/** Picks the drafter per request: the model the selector prefers for generation, the local planner when that is local. */
function drafters(models: ModelRegistry, logger: Logger) {
  const local = localDrafter();
  return async (input: { domain: string; optimizeFor?: string }): Promise<Drafter> => {
    const optimizeFor = (input.optimizeFor ?? 'accuracy') as 'speed' | 'cost' | 'reliability' | 'accuracy';
    const selection = await models.select({ task: 'generation', domain: input.domain, optimizeFor });
    if (selection.model.type === 'local') return local;
    return modelDrafter(models, selection.model.id, selection.reason, local, logger);
  };
}

/** Builds the generator: indexes, templates, and the generation and template services. */
export async function buildApp(deps: GeneratorDeps): Promise<GrpcApp> {
  const templates = new TemplateRepository(deps.mongo.db as Db);
  await templates.ensureIndexes();
  const { definition, grpc } = loadContracts<ProtoGrpcType>(['dagwright/generator/v1/generator.proto']);
  const v1 = grpc.dagwright.generator.v1;
  const generation = {
    catalog: deps.catalog,
    templates,
    drafterFor: drafters(deps.models, deps.logger),
    logger: deps.logger,
  };
  return {
    packageDefinition: definition,
    services: [
      {
        name: 'dagwright.generator.v1.GeneratorService',
        definition: v1.GeneratorService.service,
        handlers: generatorHandlers(generation),
      },
      {
        name: 'dagwright.generator.v1.TemplateService',
        definition: v1.TemplateService.service,
        handlers: templateHandlers({ templates }),
      },
    ],
    checks: [{ name: 'mongo', check: () => pingMongo(deps.mongo) }],
  };
}
