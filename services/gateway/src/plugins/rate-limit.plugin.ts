import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { OperationalError, UserError } from '@dagwright/kit';
import type { Principal } from '../auth/principal.ts';
import { bucketsFor, type Bucket, type RateDecision, type RateLimiter } from '../rate-limit/rate-limiter.ts';
import { appendHook, isApiRoute } from './auth.plugin.ts';

/** Options of the rate-limit plugin. */
export interface RateLimitOptions {
  limiter: RateLimiter;
  limits: { client: number; credential: number };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function setHeaders(reply: FastifyReply, decision: RateDecision, windowS: string): void {
  reply.header('ratelimit-limit', String(decision.limit));
  reply.header('ratelimit-remaining', String(decision.remaining));
  reply.header('ratelimit-reset', String(Math.max(0, Math.ceil(decision.resetMs / 1000))));
  reply.header('ratelimit-policy', `${decision.limit};w=${windowS};name="${decision.bucket}"`);
}

/**
 * Spends each authorised request's weight from its client's and its credential's buckets in Redis (429 with
 * Retry-After when either is empty). When Redis cannot answer, reads go through (fail open, logged) and
 * writes are refused with 503 (fail closed): an outage must not become unmetered writes or AI spend. Like
 * the auth check, it is attached to each API route (after the auth check) with the route's weight.
 */
export const rateLimitPlugin = fp(
  (app: FastifyInstance, options: RateLimitOptions) => {
    const { limiter, limits } = options;
    const windowS = String(Math.ceil(limiter.windowMs / 1000));
    // Principals come from the credential caches, so one credential's buckets are built once, not per request.
    const bucketsOf = new WeakMap<Principal, Bucket[]>();
    const bucketsOfPrincipal = (principal: Principal) => {
      let buckets = bucketsOf.get(principal);
      if (buckets === undefined) {
        buckets = bucketsFor(principal.clientId, principal.credentialId, limits);
        bucketsOf.set(principal, buckets);
      }
      return buckets;
    };
    const spend = async (request: FastifyRequest, reply: FastifyReply, weight: number) => {
      const principal = request.principal;
      if (principal === null || request.tenant === null) return;
      let decision: RateDecision;
      try {
        decision = await limiter.consume(bucketsOfPrincipal(principal), weight);
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
      setHeaders(reply, decision, windowS);
      if (!decision.accepted) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
        throw new UserError(
          'rate_limited',
          'RATE_LIMITED',
          `the ${decision.bucket} rate limit is spent; retry later`,
        );
      }
    };
    // A route whose cost depends on its body (a batch) spends the rest once it knows it.
    app.decorateReply('spendRateLimit', function (this: FastifyReply, weight: number) {
      return weight > 0 ? spend(this.request, this, weight) : Promise.resolve();
    });
    app.addHook('onRoute', (route) => {
      if (!isApiRoute(route.url)) return;
      const weight = route.config?.rateWeight ?? 1;
      appendHook(route, (request, reply, done) => {
        spend(request, reply, weight).then(() => done(), done);
      });
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
