import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callContext } from '../plugins/auth.plugin.ts';
import { aiMetadataToProto, nextToken, toRun, toWorkflow } from '../engine/convert.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { IdParams, Page, PageQuery } from '../schemas/common.ts';
import { ExecuteBody, Run } from '../schemas/run.schemas.ts';
import {
  CreateWorkflowBody,
  GetWorkflowQuery,
  ListWorkflowsQuery,
  UpdateWorkflowBody,
  Workflow,
} from '../schemas/workflow.schemas.ts';
import { apiSchema } from './route-schema.ts';
import { updateWorkflow } from './update-workflow.ts';

/** Workflow CRUD, versions and execution; every call goes to the engine under the caller's tenant. */
export const workflowRoutes: FastifyPluginCallbackTypebox<{
  engine: EngineClient;
  executeWeight: number;
}> = (app, { engine, executeWeight }, done) => {
  app.get('/workflows', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('workflows', 'List workflows', {
      querystring: ListWorkflowsQuery,
      response: { 200: Page(Workflow) },
    }),
    handler: async (request) => {
      const { pageSize, pageToken, tag } = request.query;
      const res = await engine.call(
        'listWorkflows',
        { page: { pageSize, pageToken }, tag },
        callContext(request),
      );
      return { items: res.workflows.map(toWorkflow), nextPageToken: nextToken(res.page) };
    },
  });

  app.post('/workflows', {
    config: { permission: 'workflows:create' },
    schema: apiSchema('workflows', 'Create a workflow', {
      body: CreateWorkflowBody,
      response: { 201: Workflow },
    }),
    handler: async (request, reply) => {
      const b = request.body;
      const created = await engine.call(
        'createWorkflow',
        {
          id: b.id ?? '',
          name: b.name,
          description: b.description ?? '',
          graphJson: JSON.stringify(b.graph),
          tags: b.tags ?? [],
          aiMetadata: aiMetadataToProto(b.aiMetadata),
        },
        callContext(request),
      );
      return reply.status(201).send(toWorkflow(created));
    },
  });

  app.get('/workflows/:id', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('workflows', 'Get a workflow (latest or one version)', {
      params: IdParams,
      querystring: GetWorkflowQuery,
      response: { 200: Workflow },
    }),
    handler: async (request) => {
      const { id } = request.params;
      const found = await engine.call(
        'getWorkflow',
        { id, version: request.query.version ?? 0 },
        callContext(request),
      );
      return toWorkflow(found);
    },
  });

  app.put('/workflows/:id', {
    config: { permission: 'workflows:update' },
    schema: apiSchema('workflows', 'Store a new version of a workflow', {
      params: IdParams,
      body: UpdateWorkflowBody,
      response: { 200: Workflow },
    }),
    handler: async (request) =>
      toWorkflow(await updateWorkflow(engine, callContext(request), request.params.id, request.body)),
  });

  app.delete('/workflows/:id', {
    config: { permission: 'workflows:delete' },
    schema: apiSchema('workflows', 'Delete a workflow', { params: IdParams, response: { 204: Type.Null() } }),
    handler: async (request, reply) => {
      await engine.call('deleteWorkflow', { id: request.params.id }, callContext(request));
      return reply.status(204).send(null);
    },
  });

  app.get('/workflows/:id/versions', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('workflows', 'List the versions of a workflow', {
      params: IdParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: { 200: Page(Workflow) },
    }),
    handler: async (request) => {
      const { pageSize, pageToken } = request.query;
      const res = await engine.call(
        'listWorkflowVersions',
        { id: request.params.id, page: { pageSize, pageToken } },
        callContext(request),
      );
      return { items: res.versions.map(toWorkflow), nextPageToken: nextToken(res.page) };
    },
  });

  app.post('/workflows/:id/execute', {
    config: { permission: 'workflows:execute', rateWeight: executeWeight },
    schema: apiSchema('runs', 'Start a run of a workflow', {
      params: IdParams,
      body: ExecuteBody,
      response: { 202: Run },
    }),
    handler: async (request, reply) => {
      const body = request.body;
      const run = await engine.call(
        'executeWorkflow',
        {
          workflowId: request.params.id,
          version: body.version ?? 0,
          inputJson: JSON.stringify(body.input ?? {}),
        },
        callContext(request),
      );
      return reply.status(202).header('location', `/api/v2/runs/${run.id}`).send(toRun(run));
    },
  });
  done();
};
