import type { Tenant } from '@dagwright/kit';
import type { Principal } from '../auth/principal.ts';
import type { RouteRequirement } from '../auth/rbac.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must hold; every route declares this or `public`, checked at start-up. */
    permission?: RouteRequirement;
    /** Served without a credential (docs, health). */
    public?: boolean;
    /** Rate-limit weight of one call (1 when unset); AI routes and run starts cost more. */
    rateWeight?: number;
    /** Also accepts a stream ticket (`?ticket=`) in place of a credential and the tenant headers. */
    streamTicket?: boolean;
  }

  interface FastifyReply {
    /** Spends more of the caller's rate limits (429 when they run out), e.g. per item of a batch. */
    spendRateLimit(weight: number): Promise<void>;
  }

  interface FastifyRequest {
    /** The verified caller; null before authentication and on public routes. */
    principal: Principal | null;
    /** The tenant of the headers, once it was checked against the principal's scope. */
    tenant: Tenant | null;
    /** When this request must be done (ms since the epoch); passed on as the gRPC deadline. */
    deadline: number;
  }
}
