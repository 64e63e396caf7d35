import {
  nextPageToken,
  parseJsonField,
  readPage,
  ValidationError,
  type CallContext,
  type ErrorDetail,
  type ServiceHandlers,
} from '@dagwright/kit';
import type {
  Template,
  Template__Output,
} from '@dagwright/contracts/generated/dagwright/generator/v1/Template';
import { validateData, type JsonSchema } from '@dagwright/workflow';
import { TemplateInput, type TemplateView } from './template.model.ts';
import type { TemplateRepository } from './template.repository.ts';

/** The proto view of a template. */
export function toTemplateMessage(t: TemplateView): Template {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    domains: t.domains,
    keywords: t.keywords,
    phasesJson: JSON.stringify(t.phases),
    patterns: t.patterns,
    validationRulesJson: JSON.stringify(t.validationRules),
    requiredAgentTypes: t.requiredAgentTypes,
    successRate: t.successRate,
    uses: t.uses,
    builtin: t.builtin,
    createdAt: t.createdAt?.toISOString() ?? '',
    updatedAt: t.updatedAt?.toISOString() ?? '',
  };
}

/** Reads and validates a template from a request; every problem at once. */
function readTemplate(message: Template__Output | null): TemplateInput {
  if (message === null)
    throw new ValidationError('template is required', [
      { code: 'REQUIRED', path: '/template', message: 'required' },
    ]);
  const candidate = {
    id: message.id,
    name: message.name,
    description: message.description,
    domains: message.domains,
    keywords: message.keywords,
    phases: parseJsonField(message.phasesJson, '/template/phases', []),
    patterns: message.patterns,
    validationRules: parseJsonField(message.validationRulesJson, '/template/validationRules', []),
    requiredAgentTypes: message.requiredAgentTypes,
  };
  const problems: ErrorDetail[] = validateData(
    TemplateInput as unknown as JsonSchema,
    candidate,
    '/template',
  );
  if (problems.length > 0) throw new ValidationError('the template is invalid', problems);
  return candidate as TemplateInput;
}

/** Template CRUD over gRPC. */
export function templateHandlers(deps: { templates: TemplateRepository }): ServiceHandlers {
  const { templates } = deps;
  return {
    CreateTemplate: async (req: { template: Template__Output | null }, ctx: CallContext) =>
      toTemplateMessage(await templates.create(ctx.tenant, readTemplate(req.template))),
    GetTemplate: async (req: { id: string }, ctx: CallContext) =>
      toTemplateMessage(await templates.get(ctx.tenant, req.id)),
    ListTemplates: async (
      req: { page: { pageSize: number; pageToken: string } | null; domain: string },
      ctx: CallContext,
    ) => {
      const page = readPage(req.page);
      const found = await templates.list(ctx.tenant, page, req.domain);
      return {
        templates: found.map(toTemplateMessage),
        page: { nextPageToken: nextPageToken(found.length, page, found.at(-1)?.id) },
      };
    },
    UpdateTemplate: async (req: { template: Template__Output | null }, ctx: CallContext) =>
      toTemplateMessage(await templates.update(ctx.tenant, readTemplate(req.template))),
    DeleteTemplate: async (req: { id: string }, ctx: CallContext) => {
      await templates.delete(ctx.tenant, req.id);
      return {};
    },
  };
}
