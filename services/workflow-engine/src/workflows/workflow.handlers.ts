import {
  nextPageToken,
  readPage,
  ValidationError,
  type CallContext,
  type ErrorDetail,
  type ServiceHandlers,
  parseJsonField,
} from '@dagwright/kit';
import type { AiMetadata__Output as AiMetadata } from '@dagwright/contracts/generated/dagwright/engine/v1/AiMetadata';
import type { CreateWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/CreateWorkflowRequest';
import type { GetWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/GetWorkflowRequest';
import type { ListWorkflowsRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListWorkflowsRequest';
import type { ListWorkflowVersionsRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/ListWorkflowVersionsRequest';
import type { UpdateWorkflowRequest__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/UpdateWorkflowRequest';
import type { Workflow } from '@dagwright/contracts/generated/dagwright/engine/v1/Workflow';
import { ID_PATTERN, validateGraph, type Graph } from '@dagwright/workflow';
import type { AgentRepository } from '../agents/agent.repository.ts';
import { BUILT_IN_TOOLS } from '../execution/tools.ts';
import type {
  AiMetadataDoc,
  WorkflowInput,
  WorkflowRepository,
  WorkflowView,
} from './workflow.repository.ts';

const idPattern = new RegExp(ID_PATTERN);

/** The proto view of a stored workflow. */
export function toWorkflowMessage({ head, version }: WorkflowView): Workflow {
  const meta = head.aiMetadata;
  return {
    id: head.workflowId,
    name: version.name,
    description: version.description,
    version: version.version,
    graphJson: version.graph,
    aiMetadata: meta && {
      generationMethod: meta.generationMethod,
      confidence: meta.confidence,
      optimizationHistoryJson: meta.optimizationHistory,
      testResultsJson: meta.testResults,
      feedbackDataJson: meta.feedbackData,
    },
    tags: head.tags,
    createdBy: version.createdBy,
    createdAt: head.createdAt.toISOString(),
    updatedAt: head.updatedAt.toISOString(),
  };
}

function readAiMetadata(meta: AiMetadata | null | undefined): AiMetadataDoc | undefined {
  if (!meta?.generationMethod) return undefined;
  const { confidence } = meta;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new ValidationError('confidence must be between 0 and 1', [
      { code: 'OUT_OF_RANGE', path: 'aiMetadata.confidence', message: 'expected 0..1' },
    ]);
  }
  const array = (text: string | undefined, path: string) => {
    const value = parseJsonField(text, path, []);
    if (!Array.isArray(value))
      throw new ValidationError(`${path} must be a JSON array`, [
        { code: 'NOT_AN_ARRAY', path, message: 'expected a JSON array' },
      ]);
    return JSON.stringify(value);
  };
  return {
    generationMethod: meta.generationMethod,
    confidence,
    optimizationHistory: array(meta.optimizationHistoryJson, 'aiMetadata.optimizationHistoryJson'),
    testResults: array(meta.testResultsJson, 'aiMetadata.testResultsJson'),
    feedbackData: array(meta.feedbackDataJson, 'aiMetadata.feedbackDataJson'),
  };
}

/** Checks the request's scalar fields; every problem at once. */
function checkFields(fields: { id?: string; name: string; tags: string[] }): void {
  const problems: ErrorDetail[] = [];
  if (fields.id !== undefined && fields.id !== '' && !idPattern.test(fields.id)) {
    problems.push({ code: 'INVALID_ID', path: 'id', message: 'use 1-128 letters, digits, _ . : -' });
  }
  if (fields.name.trim() === '' || fields.name.length > 200)
    problems.push({ code: 'INVALID_NAME', path: 'name', message: 'a name of 1-200 characters is required' });
  if (fields.tags.length > 20 || fields.tags.some((t) => t === '' || t.length > 64)) {
    problems.push({ code: 'INVALID_TAGS', path: 'tags', message: 'at most 20 tags of 1-64 characters' });
  }
  if (problems.length > 0) throw new ValidationError('the workflow is invalid', problems);
}

/** Workflow CRUD over gRPC: every graph is validated against the tenant's catalog before it is stored. */
export function workflowHandlers(deps: {
  workflows: WorkflowRepository;
  agents: AgentRepository;
}): ServiceHandlers {
  const { workflows, agents } = deps;

  async function validatedGraph(ctx: CallContext, graphJson: string): Promise<Graph> {
    const raw = parseJsonField(graphJson, 'graphJson', null);
    if (raw === null)
      throw new ValidationError('graphJson is required', [
        { code: 'REQUIRED', path: 'graphJson', message: 'a workflow graph is required' },
      ]);
    const agentIds = collectAgentIds(raw);
    const result = validateGraph(raw, await agents.getMany(ctx.tenant, agentIds), { tools: BUILT_IN_TOOLS });
    if (!result.ok) {
      throw new ValidationError(
        'the workflow graph is invalid',
        result.errors.map((e) => ({ ...e, path: `graphJson${e.path}` })),
      );
    }
    return result.graph;
  }

  async function input(
    ctx: CallContext,
    req: {
      name: string;
      description: string;
      graphJson: string;
      tags: string[];
      aiMetadata?: AiMetadata | null;
    },
  ): Promise<WorkflowInput> {
    return {
      name: req.name.trim(),
      description: req.description,
      graph: await validatedGraph(ctx, req.graphJson),
      tags: req.tags,
      aiMetadata: readAiMetadata(req.aiMetadata),
      createdBy: ctx.userId ?? 'system',
    };
  }

  return {
    CreateWorkflow: async (req: CreateWorkflowRequest__Output, ctx: CallContext) => {
      checkFields(req);
      const view = await workflows.create(ctx.tenant, req.id || undefined, await input(ctx, req));
      return toWorkflowMessage(view);
    },
    GetWorkflow: async (req: GetWorkflowRequest__Output, ctx: CallContext) =>
      toWorkflowMessage(await workflows.get(ctx.tenant, req.id, req.version)),
    ListWorkflows: async (req: ListWorkflowsRequest__Output, ctx: CallContext) => {
      const page = readPage(req.page);
      const views = await workflows.list(ctx.tenant, page, req.tag || undefined);
      return {
        workflows: views.map(toWorkflowMessage),
        page: { nextPageToken: nextPageToken(views.length, page, views.at(-1)?.head.workflowId) },
      };
    },
    UpdateWorkflow: async (req: UpdateWorkflowRequest__Output, ctx: CallContext) => {
      checkFields(req);
      const view = await workflows.update(
        ctx.tenant,
        req.id,
        await input(ctx, req),
        req.expectedVersion || undefined,
      );
      return toWorkflowMessage(view);
    },
    ListWorkflowVersions: async (req: ListWorkflowVersionsRequest__Output, ctx: CallContext) => {
      const page = readPage(req.page);
      const views = await workflows.listVersions(ctx.tenant, req.id, page);
      const last = views.at(-1)?.version.version;
      return {
        versions: views.map(toWorkflowMessage),
        page: {
          nextPageToken: nextPageToken(views.length, page, last === undefined ? undefined : String(last)),
        },
      };
    },
    DeleteWorkflow: async (req: { id: string }, ctx: CallContext) => {
      await workflows.delete(ctx.tenant, req.id);
      return {};
    },
  };
}

/** The agent ids an (unvalidated) graph refers to, so only those are loaded from the catalog. */
function collectAgentIds(raw: unknown): string[] {
  const nodes = (raw as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const ids = nodes
    .map((n) => (n as { agentId?: unknown } | null)?.agentId)
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)].slice(0, 500);
}
