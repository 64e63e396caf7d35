import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository.ts';
import { timeOrderedId } from '../ids.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function outcomeOf(status: number): AuditEntry['outcome'] {
  if (status < 400) return 'success';
  return status === 401 || status === 403 || status === 429 ? 'denied' : 'failed';
}

/**
 * Appends every mutating call of an identified caller to the audit log once its outcome is known. Calls
 * without a valid credential have no tenant to file them under; they go to the service log instead.
 */
export const auditPlugin = fp(
  (app: FastifyInstance, options: { audit: AuditRepository }) => {
    app.addHook('onResponse', async (request, reply) => {
      if (!MUTATING.has(request.method)) return;
      const principal = request.principal;
      if (principal === null) {
        if (reply.statusCode === 401) request.log.info({ status: 401 }, 'unauthenticated write refused');
        return;
      }
      const params = request.params as Record<string, string> | undefined;
      const entry: AuditEntry = {
        clientId: principal.clientId,
        projectId: request.tenant?.projectId ?? '-',
        workspaceId: request.tenant?.workspaceId ?? '-',
        auditId: timeOrderedId('aud'),
        at: new Date(),
        actor: { kind: principal.kind, subject: principal.subject },
        action: `${request.method} ${request.routeOptions.url ?? request.url}`,
        resourceId: params?.id ?? params?.agentId ?? params?.keyId ?? null,
        status: reply.statusCode,
        outcome: outcomeOf(reply.statusCode),
        requestId: request.id,
      };
      try {
        await options.audit.append(entry);
      } catch (err) {
        request.log.error({ err, audit: entry }, 'audit entry could not be written');
      }
    });
  },
  { name: 'audit', dependencies: ['auth'] },
);
