import { PassThrough } from 'node:stream';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RunEvent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/RunEvent';
import { fromGrpcError, publicView } from '@dagwright/kit';
import type { EngineClient } from '../engine/engine-client.ts';
import { callContext } from '../plugins/auth.plugin.ts';
import { IdParams, TenantHeaders } from '../schemas/common.ts';
import { EventStreamHeaders } from '../schemas/run.schemas.ts';
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

/** Live run and block transitions as Server-Sent Events, resumable from the Last-Event-ID header. */
export const runEventRoutes: FastifyPluginCallbackTypebox<{ engine: EngineClient; sseMaxMs: number }> = (
  app,
  { engine, sseMaxMs },
  done,
) => {
  app.get('/runs/:id/events', {
    config: { permission: 'workflows:read' },
    schema: apiSchema('runs', 'Stream run and block transitions (text/event-stream)', {
      params: IdParams,
      headers: Type.Object({ ...TenantHeaders.properties, ...EventStreamHeaders.properties }),
      response: {
        200: Type.String({
          description:
            'events `run` and `block` with `id` = sequence; `end` when the run is over; resume with Last-Event-ID',
        }),
      },
    }),
    handler: async (request, reply) => {
      const ctx = callContext(request);
      const { id } = request.params;
      // Existence and tenant first, so an unknown run is a plain 404 rather than a stream that fails.
      await engine.call('getRun', { id }, ctx);
      const after = request.headers['last-event-id'] ?? '0';
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
