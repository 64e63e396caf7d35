import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { nextToken, toRun, toRunLogs } from '../engine/convert.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { IdParams, Page } from '../schemas/common.ts';
import { CancelBody, ListRunsQuery, ResumeBody, Run, RunLogs } from '../schemas/run.schemas.ts';
import { apiSchema } from './route-schema.ts';

/** Runs: list, inspect, logs, answer a human block, cancel. Starting one is POST /workflows/{id}/execute. */
export const runRoutes: FastifyPluginCallbackTypebox<{ engine: EngineClient }> = (app, { engine }, done) => {
  app.get('/runs', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('runs', 'List runs', { querystring: ListRunsQuery, response: { 200: Page(Run) } }),
    handler: async (request) => {
      const { pageSize, pageToken, workflowId, status } = request.query;
      const res = await engine.call(
        'listRuns',
        { page: { pageSize, pageToken }, workflowId: workflowId ?? '', status: status ?? '' },
        callContext(request),
      );
      return { items: res.runs.map(toRun), nextPageToken: nextToken(res.page) };
    },
  });

  app.get('/runs/:id', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('runs', 'Get a run with its block states', {
      params: IdParams,
      response: { 200: Run },
    }),
    handler: async (request) =>
      toRun(await engine.call('getRun', { id: request.params.id }, callContext(request))),
  });

  app.get('/runs/:id/logs', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('runs', "Get a run's execution log", { params: IdParams, response: { 200: RunLogs } }),
    handler: async (request) =>
      toRunLogs(await engine.call('getRunLogs', { id: request.params.id }, callContext(request))),
  });

  app.post('/runs/:id/resume', {
    config: { permission: 'workflows:execute' },
    schema: apiSchema('runs', 'Answer a human block (approve with input, or reject)', {
      params: IdParams,
      body: ResumeBody,
      response: { 200: Run },
    }),
    handler: async (request) => {
      const b = request.body;
      const run = await engine.call(
        'resumeRun',
        {
          id: request.params.id,
          blockId: b.blockId,
          decision: b.decision,
          inputJson: JSON.stringify(b.input ?? {}),
          comment: b.comment ?? '',
        },
        callContext(request),
      );
      return toRun(run);
    },
  });

  app.post('/runs/:id/cancel', {
    config: { permission: 'workflows:execute' },
    schema: apiSchema('runs', 'Cancel a run', { params: IdParams, body: CancelBody, response: { 200: Run } }),
    handler: async (request) => {
      const reason = request.body.reason ?? '';
      return toRun(await engine.call('cancelRun', { id: request.params.id, reason }, callContext(request)));
    },
  });
  done();
};
