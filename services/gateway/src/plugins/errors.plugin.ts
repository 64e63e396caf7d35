import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, NotFoundError, publicView, toAppError, type ErrorDetail } from '@dagwright/kit';

/** Codes of the HTTP-level failures fastify itself raises, which have no kind in the error family. */
const HTTP_FAILURES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'the request could not be read' },
  406: { code: 'NOT_ACCEPTABLE', message: 'no acceptable representation' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' },
  414: { code: 'URI_TOO_LONG', message: 'the request path is too long' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send application/json' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' },
};

const FIVE_XX: Record<number, string> = {
  503: 'a service is unavailable; retry later',
  504: 'the request ran out of time',
};

/** Sends the one error body of the API: `{error: {code, message, details, requestId}}`. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  view: { code: string; message: string; details: ErrorDetail[] },
): FastifyReply {
  return reply.status(status).send({ error: { ...view, requestId: request.id } });
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).slice(0, 20).map((v) => ({
    code: 'INVALID',
    path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
    message: v.message ?? 'invalid',
  }));
}

function handle(thrown: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (thrown.validation !== undefined) {
    return sendError(reply, request, 400, {
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      details: validationDetails(thrown),
    });
  }
  const status = thrown.statusCode;
  if (!(thrown instanceof AppError) && status !== undefined && status >= 400 && status < 500) {
    // fastify's own refusals (body too large, bad JSON, media type): their messages name internals.
    const known = HTTP_FAILURES[status] ?? { code: 'BAD_REQUEST', message: 'the request was refused' };
    return sendError(reply, request, status, { ...known, details: [] });
  }
  const error = toAppError(thrown);
  if (error.mapping.blame === 'bug') request.log.error({ err: thrown }, 'request failed');
  else if (error.mapping.blame === 'transient') request.log.warn({ err: thrown }, 'dependency failed');
  if (error.kind === 'unauthenticated') reply.header('www-authenticate', 'Bearer error="invalid_token"');
  const view = publicView(error);
  // A dependency's failure text names hosts and ports: 5xx answers keep only their code.
  if (error.mapping.http >= 500)
    return sendError(reply, request, error.mapping.http, {
      ...view,
      message: FIVE_XX[error.mapping.http] ?? 'internal error',
      details: [],
    });
  return sendError(reply, request, error.mapping.http, view);
}

/** Turns everything thrown into the API's error body; 5xx internals and stack traces never leave. */
export const errorsPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler(handle);
    // Unknown routes answer 404 before any authentication: their existence is no secret (see /docs).
    app.setNotFoundHandler((request) => {
      throw new NotFoundError('route', `${request.method} ${request.url.split('?')[0] ?? ''}`);
    });
  },
  { name: 'errors' },
);
