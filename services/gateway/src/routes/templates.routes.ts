import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { nextToken } from '../engine/convert.ts';
import { templateToProto, toTemplate } from '../generator/convert.ts';
import type { GeneratorClient } from '../generator/generator-client.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { Page, PageQuery } from '../schemas/common.ts';
import {
  CreateTemplateBody,
  PutTemplateBody,
  Template,
  TemplateParams,
  TemplateQuery,
} from '../schemas/generation.schemas.ts';
import { apiSchema } from './route-schema.ts';

/** Generation templates: the read-only starter library and the tenant's own (seed §1.2). */
export const templateRoutes: FastifyPluginCallbackTypebox<{ generator: GeneratorClient }> = (
  app,
  { generator },
  done,
) => {
  app.get('/templates', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('templates', 'List templates', {
      querystring: Type.Object({ ...PageQuery, ...TemplateQuery }, { additionalProperties: false }),
      response: { 200: Page(Template) },
    }),
    handler: async (request) => {
      const { pageSize, pageToken, domain } = request.query;
      const res = await generator.call(
        'listTemplates',
        { page: { pageSize, pageToken }, domain: domain ?? '' },
        callContext(request),
      );
      return { items: res.templates.map(toTemplate), nextPageToken: nextToken(res.page) };
    },
  });

  app.get('/templates/:templateId', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('templates', 'Get a template', { params: TemplateParams, response: { 200: Template } }),
    handler: async (request) =>
      toTemplate(
        await generator.call('getTemplate', { id: request.params.templateId }, callContext(request)),
      ),
  });

  app.post('/templates', {
    config: { permission: 'workflows:create' },
    schema: apiSchema('templates', 'Create a template', {
      body: CreateTemplateBody,
      response: { 201: Template },
    }),
    handler: async (request, reply) => {
      const created = await generator.call(
        'createTemplate',
        { template: templateToProto(request.body) },
        callContext(request),
      );
      return reply.status(201).send(toTemplate(created));
    },
  });

  app.put('/templates/:templateId', {
    config: { permission: 'workflows:update' },
    schema: apiSchema('templates', 'Replace a template of the tenant', {
      params: TemplateParams,
      body: PutTemplateBody,
      response: { 200: Template },
    }),
    handler: async (request) => {
      const template = templateToProto({ id: request.params.templateId, ...request.body });
      return toTemplate(await generator.call('updateTemplate', { template }, callContext(request)));
    },
  });

  app.delete('/templates/:templateId', {
    config: { permission: 'workflows:delete' },
    schema: apiSchema('templates', 'Delete a template of the tenant', {
      params: TemplateParams,
      response: { 204: Type.Null() },
    }),
    handler: async (request, reply) => {
      await generator.call('deleteTemplate', { id: request.params.templateId }, callContext(request));
      return reply.status(204).send(null);
    },
  });
  done();
};
