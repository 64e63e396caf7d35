import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '@dagwright/kit';
import { jsonDepthExceeds } from '../http/json-depth.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses JSON bodies strictly: valid UTF-8 only, nesting at most `maxDepth` deep (checked before parsing, so a
 * deep body cannot exhaust the stack), and `__proto__` / `constructor.prototype` keys refused.
 */
export const jsonBodyPlugin = fp(
  (app: FastifyInstance, options: { maxDepth: number }) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    // A POST or PUT without a body is an empty object, so optional bodies (execute, cancel) need no body.
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.body === undefined && (request.method === 'POST' || request.method === 'PUT'))
        request.body = {};
      done();
    });
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      let text: string;
      try {
        text = utf8.decode(body as Buffer);
      } catch {
        done(
          new ValidationError('the body is not valid UTF-8', [
            { code: 'INVALID_UTF8', path: 'body', message: 'not UTF-8' },
          ]),
          undefined,
        );
        return;
      }
      // An empty body is no body (clients send the content type on bodiless POSTs); the schema decides.
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      if (jsonDepthExceeds(text, options.maxDepth)) {
        const message = `nested deeper than ${options.maxDepth}`;
        done(
          new ValidationError('the body is nested too deeply', [{ code: 'TOO_DEEP', path: 'body', message }]),
          undefined,
        );
        return;
      }
      void parse(request, text, (error, value) => {
        if (error === null) done(null, value);
        else
          done(
            new ValidationError(
              'the body is not valid JSON',
              [{ code: 'INVALID_JSON', path: 'body', message: 'not JSON' }],
              error,
            ),
            undefined,
          );
      });
    });
  },
  { name: 'json-body' },
);
