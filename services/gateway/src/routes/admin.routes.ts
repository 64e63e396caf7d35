import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { nextPageToken, readPage } from '@dagwright/kit';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { toApiKey, type ApiKeyService } from '../auth/api-key.service.ts';
import { grantedBy } from '../auth/rbac.ts';
import {
  ApiKey,
  AuditEntry,
  CreateApiKeyBody,
  CreatedApiKey,
  KeyParams,
  Me,
} from '../schemas/admin.schemas.ts';
import { Page, PageQuery } from '../schemas/common.ts';
import { apiSchema } from './route-schema.ts';

const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const page = (q: { pageSize?: number; pageToken?: string }) =>
  readPage({ pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' });

/** Who am I, API keys (admins; listed per client) and the tenant's audit log. */
export const adminRoutes: FastifyPluginCallbackTypebox<{ keys: ApiKeyService; audit: AuditRepository }> = (
  app,
  { keys, audit },
  done,
) => {
  app.get('/me', {
    config: { permission: 'authenticated' },
    schema: apiSchema('identity', 'Who the credential names and what it may do', { response: { 200: Me } }),
    handler: (request) => {
      const { principal, tenant } = request;
      if (principal === null || tenant === null) throw new Error('route reached without authentication');
      return { ...principal, permissions: grantedBy(principal.roles).sorted, tenant };
    },
  });

  app.post('/api-keys', {
    config: { permission: 'admin:manage_users' },
    schema: apiSchema('api-keys', 'Create an API key (the key is shown only in this answer)', {
      body: CreateApiKeyBody,
      response: { 201: CreatedApiKey },
    }),
    handler: async (request, reply) => {
      const { principal, tenant } = request;
      if (principal === null || tenant === null) throw new Error('route reached without authentication');
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await keys.create(principal, tenant, request.body));
    },
  });

  app.get('/api-keys', {
    config: { permission: 'admin:manage_users' },
    schema: apiSchema('api-keys', "List the client's API keys", {
      querystring: PageOnly,
      response: { 200: Page(ApiKey) },
    }),
    handler: async (request) => {
      const p = page(request.query);
      const docs = await keys.list(request.principal?.clientId ?? '', p);
      return {
        items: docs.map(toApiKey),
        nextPageToken: nextPageToken(docs.length, p, docs.at(-1)?.keyId) || null,
      };
    },
  });

  app.delete('/api-keys/:keyId', {
    config: { permission: 'admin:manage_users' },
    schema: apiSchema('api-keys', 'Revoke an API key', { params: KeyParams, response: { 200: ApiKey } }),
    handler: async (request) =>
      keys.revoke(request.principal?.clientId ?? '', request.params.keyId, request.principal?.subject ?? ''),
  });

  app.get('/audit-log', {
    config: { permission: 'admin:audit_logs' },
    schema: apiSchema('audit', "The tenant's audit log, newest first", {
      querystring: PageOnly,
      response: { 200: Page(AuditEntry) },
    }),
    handler: async (request) => {
      const p = page(request.query);
      if (request.tenant === null) throw new Error('route reached without authentication');
      const entries = await audit.list(request.tenant, p);
      return {
        items: entries.map((e) => ({ ...e, id: e.auditId, at: e.at.toISOString() })),
        nextPageToken: nextPageToken(entries.length, p, entries.at(-1)?.auditId) || null,
      };
    },
  });
  done();
};
