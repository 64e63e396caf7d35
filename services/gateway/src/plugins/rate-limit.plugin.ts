import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { OperationalError, UserError } from '@dagwright/kit';
import { bucketsFor, type RateDecision, type RateLimiter } from '../rate-limit/rate-limiter.ts';

/** Options of the rate-limit plugin. */
export interface RateLimitOptions {
  limiter: RateLimiter;
  limits: { client: number; credential: number };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function setHeaders(reply: FastifyReply, decision: RateDecision, windowMs: number): void {
  const seconds = (ms: number) => String(Math.max(0, Math.ceil(ms / 1000)));
  reply.header('ratelimit-limit', String(decision.limit));
  reply.header('ratelimit-remaining', String(decision.remaining));
  reply.header('ratelimit-reset', seconds(decision.resetMs));
  reply.header('ratelimit-policy', `${decision.limit};w=${seconds(windowMs)};name="${decision.bucket}"`);
}

/**
 * Spends each authorised request's weight from its client's and its credential's buckets in Redis (429 with
 * Retry-After when either is empty). When Redis cannot answer, reads go through (fail open, logged) and
 * writes are refused with 503 (fail closed): an outage must not become unmetered writes or AI spend.
 */
export const rateLimitPlugin = fp(
  (app: FastifyInstance, options: RateLimitOptions) => {
    const { limiter, limits } = options;
    app.addHook('onRequest', async (request, reply) => {
      const principal = request.principal;
      if (principal === null || request.tenant === null) return;
      const weight = request.routeOptions.config.rateWeight ?? 1;
      let decision: RateDecision;
      try {
        decision = await limiter.consume(
          bucketsFor(principal.clientId, principal.credentialId, limits),
          weight,
        );
      } catch (cause) {
        if (READ_METHODS.has(request.method)) {
          request.log.warn({ err: cause }, 'rate limiter unavailable; read allowed unmetered');
          return;
        }
        reply.header('retry-after', '5');
        throw new OperationalError(
          'RATE_LIMITER_UNAVAILABLE',
          'writes are paused while rate limits cannot be checked',
          { cause },
        );
      }
      setHeaders(reply, decision, limiter.windowMs);
      if (!decision.accepted) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
        throw new UserError(
          'rate_limited',
          'RATE_LIMITED',
          `the ${decision.bucket} rate limit is spent; retry later`,
        );
      }
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
