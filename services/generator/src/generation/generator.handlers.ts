import { performance } from 'node:perf_hooks';
import {
  DeadlineError,
  publicView,
  toAppError,
  ValidationError,
  type CallContext,
  type Logger,
  type ServiceHandlers,
} from '@dagwright/kit';
import type { BatchItem } from '@dagwright/contracts/generated/dagwright/generator/v1/BatchItem';
import type { GenerateBatchRequest__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateBatchRequest';
import type { GenerateWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowRequest';
import type { GenerateWorkflowResponse } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowResponse';
import { generate, type GeneratedWorkflow, type GenerationDeps } from './generate.ts';
import { readRequest, type GenerationRequest } from './request.ts';

/** Most generations in one batch, and most at once. */
export const BATCH_LIMITS = { items: 50, concurrency: 8, defaultConcurrency: 4 } as const;

/** A name for a workflow generated from `statement`: its first words. */
function nameOf(statement: string): string {
  const words = statement.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' ');
  return words.length > 80 ? `${words.slice(0, 77)}...` : words;
}

/** Generates one workflow and, when asked, stores it through the engine (which fires workflow.created). */
async function generateOne(
  deps: GenerationDeps,
  ctx: CallContext,
  request: GenerationRequest,
): Promise<GenerateWorkflowResponse> {
  const generated: GeneratedWorkflow = await generate(deps, ctx, request);
  if (!request.save) return { generatedJson: JSON.stringify(generated), workflowId: '', workflowVersion: 0 };
  // A caller that gave up gets no workflow stored behind its back (its retry would store a second one).
  if (ctx.deadline !== undefined && ctx.deadline.getTime() <= Date.now())
    throw new DeadlineError('the deadline passed before the workflow could be saved');
  const stored = await deps.catalog.createWorkflow(ctx, {
    name: request.name || nameOf(request.problemStatement),
    description: request.problemStatement.slice(0, 2000),
    graphJson: JSON.stringify(generated.graph),
    aiMetadata: {
      generationMethod: generated.metadata.template === undefined ? 'ai_generated' : 'template',
      confidence: generated.metadata.confidence,
      optimizationHistoryJson: '[]',
      testResultsJson: '[]',
      feedbackDataJson: '[]',
    },
    tags: ['generated', generated.metadata.domain].filter((t) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(t)),
  });
  return { generatedJson: JSON.stringify(generated), workflowId: stored.id, workflowVersion: stored.version };
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of results. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The generator's gRPC handlers. */
export function generatorHandlers(deps: GenerationDeps & { logger: Logger }): ServiceHandlers {
  return {
    GenerateWorkflow: async (req: GenerateWorkflowRequest__Output, ctx: CallContext) =>
      generateOne(deps, ctx, readRequest(req)),

    GenerateBatch: async (req: GenerateBatchRequest__Output, ctx: CallContext) => {
      if (req.requests.length === 0 || req.requests.length > BATCH_LIMITS.items)
        throw new ValidationError(`a batch holds 1 to ${BATCH_LIMITS.items} requests`, [
          { code: 'OUT_OF_RANGE', path: '/requests', message: `got ${req.requests.length}` },
        ]);
      if (req.maxConcurrency < 0 || req.maxConcurrency > BATCH_LIMITS.concurrency)
        throw new ValidationError(`maxConcurrency is 1 to ${BATCH_LIMITS.concurrency}`, [
          { code: 'OUT_OF_RANGE', path: '/maxConcurrency', message: `got ${req.maxConcurrency}` },
        ]);
      const started = performance.now();
      const limit = req.parallel ? req.maxConcurrency || BATCH_LIMITS.defaultConcurrency : 1;
      const items = await pool(req.requests, limit, async (item, index): Promise<BatchItem> => {
        try {
          return { index, result: await generateOne(deps, ctx, readRequest(item, `/requests/${index}`)) };
        } catch (error) {
          const failure = toAppError(error);
          if (failure.mapping.blame === 'caller') return { index, error: publicView(failure) };
          // Our own failures keep their code but not their text, which may name hosts and ports.
          deps.logger.error({ err: error, index }, 'batch item failed');
          return {
            index,
            error: { code: failure.code, message: 'this generation failed; retry later', details: [] },
          };
        }
      });
      const failed = items.filter((i) => i.error !== undefined).length;
      return {
        items,
        successful: items.length - failed,
        failed,
        totalTimeMs: String(Math.round(performance.now() - started)),
      };
    },
  };
}
