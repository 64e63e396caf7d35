import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ValidationError } from '@dagwright/kit';
import { agentToProto, nextToken, toAgent } from '../engine/convert.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { Agent, AgentParams, PutAgentBody } from '../schemas/agent.schemas.ts';
import { Page, PageQuery } from '../schemas/common.ts';
import { apiSchema } from './route-schema.ts';

/** The tenant's agent catalog: list, read, upsert (PUT) and delete. */
export const agentRoutes: FastifyPluginCallbackTypebox<{ engine: EngineClient }> = (
  app,
  { engine },
  done,
) => {
  app.get('/agents', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('agents', 'List the agent catalog', {
      querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: { 200: Page(Agent) },
    }),
    handler: async (request) => {
      const { pageSize, pageToken } = request.query;
      const res = await engine.call('listAgents', { page: { pageSize, pageToken } }, callContext(request));
      return { items: res.agents.map(toAgent), nextPageToken: nextToken(res.page) };
    },
  });

  app.get('/agents/:agentId', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('agents', 'Get an agent', { params: AgentParams, response: { 200: Agent } }),
    handler: async (request) =>
      toAgent(await engine.call('getAgent', { id: request.params.agentId }, callContext(request))),
  });

  app.put('/agents/:agentId', {
    config: { permission: 'workflows:create' },
    schema: apiSchema('agents', 'Create or replace an agent', {
      params: AgentParams,
      body: PutAgentBody,
      response: { 200: Agent },
    }),
    handler: async (request) => {
      if (request.body.id !== undefined && request.body.id !== request.params.agentId)
        throw new ValidationError('the body names another agent than the path', [
          { code: 'ID_MISMATCH', path: '/id', message: `expected '${request.params.agentId}' or no id` },
        ]);
      const agent = agentToProto(request.params.agentId, request.body);
      return toAgent(await engine.call('putAgent', { agent }, callContext(request)));
    },
  });

  app.delete('/agents/:agentId', {
    config: { permission: 'workflows:delete' },
    schema: apiSchema('agents', 'Delete an agent', { params: AgentParams, response: { 204: Type.Null() } }),
    handler: async (request, reply) => {
      await engine.call('deleteAgent', { id: request.params.agentId }, callContext(request));
      return reply.status(204).send(null);
    },
  });
  done();
};
