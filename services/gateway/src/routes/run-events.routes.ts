import { PassThrough } from 'node:stream';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RunEvent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/RunEvent';
import { fromGrpcError, publicView } from '@dagwright/kit';
import type { StreamTickets } from '../auth/stream-tickets.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { IdParams, TenantHeaders } from '../schemas/common.ts';
import { EventStreamHeaders, EventStreamQuery, StreamTicket } from '../schemas/run.schemas.ts';
import { apiSchema } from './route-schema.ts';

const HEARTBEAT_MS = 15_000;

/** One Server-Sent Event: `id` is the run's event sequence, so a client resumes with Last-Event-ID. */
export function formatEvent(e: RunEvent__Output): string {
  let detail: unknown = null;
  try {
    detail = e.detailJson === '' ? null : (JSON.parse(e.detailJson) as unknown);
  } catch {
    detail = null;
  }
  const data = {
    runId: e.runId,
    sequence: Number(e.sequence),
    kind: e.kind,
    blockId: e.blockId === '' ? null : e.blockId,
    status: e.status,
    at: e.at,
    detail,
  };
  return `id: ${e.sequence}\nevent: ${e.kind === 'block' ? 'block' : 'run'}\ndata: ${JSON.stringify(data)}\n\n`;
}

// With a ticket the tenant headers may be left out (EventSource cannot send them); without one, the auth check
// has already required them, so the schema only documents them here.
const OptionalTenantHeaders = Type.Partial(TenantHeaders);

/**
 * Live run and block transitions as Server-Sent Events, resumable from Last-Event-ID; and single-use stream
 * tickets, so browsers (EventSource sends no Authorization header) can open the stream.
 */
export const runEventRoutes: FastifyPluginCallbackTypebox<{
  engine: EngineClient;
  tickets: StreamTickets;
  sseMaxMs: number;
}> = (app, { engine, tickets, sseMaxMs }, done) => {
  app.post('/runs/:id/events/ticket', {
    config: { permission: 'workflows:read' },
    schema: apiSchema(
      'runs',
      "A single-use ticket to open the run's event stream without headers (EventSource)",
      {
        params: IdParams,
        response: { 201: StreamTicket },
      },
    ),
    handler: async (request, reply) => {
      const ctx = callContext(request);
      const { id } = request.params;
      // Only for a run the caller can see: another tenant's run is a 404 here, not a ticket.
      await engine.call('getRun', { id }, ctx);
      if (request.principal === null || request.tenant === null)
        throw new Error('route reached without auth');
      const issued = await tickets.issue({ principal: request.principal, tenant: request.tenant, runId: id });
      const url = `/api/v2/runs/${encodeURIComponent(id)}/events?ticket=${issued.ticket}`;
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ ticket: issued.ticket, expiresAt: issued.expiresAt.toISOString(), url });
    },
  });

  app.get('/runs/:id/events', {
    config: { permission: 'workflows:read', streamTicket: true },
    schema: {
      ...apiSchema('runs', 'Stream run and block transitions (text/event-stream)', {
        params: IdParams,
        querystring: EventStreamQuery,
        response: {
          200: Type.String({
            description:
              'events `run` and `block` with `id` = sequence; `end` when the run is over; resume with Last-Event-ID',
          }),
        },
      }),
      headers: Type.Object({ ...OptionalTenantHeaders.properties, ...EventStreamHeaders.properties }),
      security: [{ bearer: [] }, { apiKey: [] }, { streamTicket: [] }],
    },
    handler: async (request, reply) => {
      const ctx = callContext(request);
      const { id } = request.params;
      // Existence and tenant first, so an unknown run is a plain 404 rather than a stream that fails.
      await engine.call('getRun', { id }, ctx);
      const after = request.headers['last-event-id'] ?? request.query.lastEventId ?? '0';
      const out = new PassThrough();
      const call = engine.streamRunEvents({ id, afterSequence: after }, ctx, new Date(Date.now() + sseMaxMs));
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        call.cancel();
      };
      out.write('retry: 2000\n\n');
      call.on('data', (event: RunEvent__Output) => out.write(formatEvent(event)));
      call.on('end', () => {
        stop();
        out.end('event: end\ndata: {}\n\n');
      });
      call.on('error', (error: ServiceError) => {
        stop();
        // Cancelled by us (the client left) or the stream's time is up: the client resumes from its last id.
        if (error.code !== GrpcStatus.CANCELLED && error.code !== GrpcStatus.DEADLINE_EXCEEDED) {
          const view = publicView(fromGrpcError(error));
          out.write(`event: error\ndata: ${JSON.stringify({ code: view.code, message: view.message })}\n\n`);
        }
        out.end();
      });
      request.raw.on('close', stop);
      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          // fastify streams a Readable as it is; the string schema above only documents the format.
          .send(out as unknown as string)
      );
    },
  });
  done();
};
