import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { generateToProto, toGenerated } from '../generator/convert.ts';
import type { GeneratorClient } from '../generator/generator-client.ts';
import { allows } from '../auth/rbac.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { UserError } from '@dagwright/kit';
import {
  BatchBody,
  BatchResult,
  GenerateBody,
  GeneratedWorkflow,
  LegacyGenerateBody,
  LegacyGenerated,
} from '../schemas/generation.schemas.ts';
import { apiSchema } from './route-schema.ts';

/** `save: true` stores a workflow, which takes `workflows:create` besides the route's `ai:generate`. */
function mayStore(request: { principal: { roles: string[] } | null }): void {
  if (!allows(request.principal?.roles ?? [], 'workflows:create'))
    throw new UserError(
      'permission_denied',
      'PERMISSION_DENIED',
      'saving a generated workflow takes workflows:create',
    );
}

/** Workflow generation (seed §7.1): one statement, a batch, and the legacy route of pre-v2 clients. */
export const generationRoutes: FastifyPluginCallbackTypebox<{
  generator: GeneratorClient;
  aiWeight: number;
}> = (app, { generator, aiWeight }, done) => {
  app.post('/workflows/generate/enhanced', {
    config: { permission: 'ai:generate', rateWeight: aiWeight },
    schema: apiSchema('generation', 'Generate a workflow from a problem statement', {
      body: GenerateBody,
      response: { 200: GeneratedWorkflow },
    }),
    handler: async (request) => {
      if (request.body.save === true) mayStore(request);
      return toGenerated(
        await generator.call('generateWorkflow', generateToProto(request.body), callContext(request)),
      );
    },
  });

  app.post('/workflows/generate/batch', {
    config: { permission: 'ai:generate', rateWeight: aiWeight },
    schema: apiSchema('generation', 'Generate several workflows', {
      body: BatchBody,
      response: { 200: BatchResult },
    }),
    handler: async (request, reply) => {
      const { requests, parallel, maxConcurrency } = request.body;
      if (requests.some((r) => r.save === true)) mayStore(request);
      // Each item costs what a single generation costs; the route's own weight paid for the first.
      await reply.spendRateLimit(aiWeight * (requests.length - 1));
      const res = await generator.call(
        'generateBatch',
        {
          requests: requests.map(generateToProto),
          parallel: parallel ?? false,
          maxConcurrency: maxConcurrency ?? 0,
        },
        callContext(request),
      );
      return {
        items: res.items.map((item) => ({
          index: item.index,
          result: item.result === null ? null : toGenerated(item.result),
          error:
            item.error === null
              ? null
              : {
                  code: item.error.code,
                  message: item.error.message,
                  details: item.error.details,
                },
        })),
        summary: { successful: res.successful, failed: res.failed, totalTime: Number(res.totalTimeMs) },
      };
    },
  });
  done();
};

/** The pre-v2 `POST /generate`, kept for old clients: same generator, their response shape. */
export const legacyGenerationRoutes: FastifyPluginCallbackTypebox<{
  generator: GeneratorClient;
  aiWeight: number;
}> = (app, { generator, aiWeight }, done) => {
  app.post('/generate', {
    config: { permission: 'ai:generate', rateWeight: aiWeight },
    schema: apiSchema('generation', 'Generate a workflow (legacy; use /api/v2/workflows/generate/enhanced)', {
      body: LegacyGenerateBody,
      response: { 200: LegacyGenerated },
      deprecated: true,
    }),
    handler: async (request, reply) => {
      const { problemStatement, agentIds, save } = request.body;
      if (save === true) mayStore(request);
      const generated = toGenerated(
        await generator.call(
          'generateWorkflow',
          generateToProto({ problemStatement, ...(agentIds ? { agentIds } : {}), ...(save ? { save } : {}) }),
          callContext(request),
        ),
      );
      void reply.header('deprecation', 'true');
      void reply.header('link', '</api/v2/workflows/generate/enhanced>; rel="successor-version"');
      return {
        workflow: generated.graph,
        confidence: generated.metadata.confidence,
        estimatedCost: generated.metadata.estimatedCost,
        estimatedDuration: generated.metadata.estimatedDuration,
        explanation: generated.explanation,
        workflowId: generated.workflowId,
      };
    },
  });
  done();
};
