import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { OperationalError, type Tenant } from '@dagwright/kit';
import { invalidToken } from './jwt.ts';
import type { Principal } from './principal.ts';

const TICKET_PATTERN = /^dwt\.[A-Za-z0-9_-]{43}$/;

/** What a ticket stands for: one caller, one tenant, one run's event stream. */
export interface StreamGrant {
  principal: Principal;
  tenant: Tenant;
  runId: string;
}

/** A ticket as handed to the caller. */
export interface IssuedTicket {
  ticket: string;
  expiresAt: Date;
}

/**
 * Short-lived, single-use tickets for a run's event stream, so a browser's EventSource (which cannot send an
 * Authorization header) can open it: an authenticated caller asks for a ticket, then opens
 * `…/events?ticket=…` without headers. A ticket is 256 random bits, good for one run of one tenant, for
 * `ttlMs`, and for one connection: redeeming deletes it (GETDEL), so a ticket seen in a log, the browser's
 * history or a proxy cannot be used again. Tickets live in Redis (as the SHA-256 of the ticket, under the run
 * id), so any replica can redeem one that another issued.
 */
export class StreamTickets {
  private readonly redis: Redis;
  readonly ttlMs: number;

  constructor(redis: Redis, ttlMs: number) {
    this.redis = redis;
    this.ttlMs = ttlMs;
  }

  /** A new ticket for `grant`. */
  async issue(grant: StreamGrant): Promise<IssuedTicket> {
    const ticket = `dwt.${randomBytes(32).toString('base64url')}`;
    try {
      await this.redis.set(keyOf(grant.runId, ticket), JSON.stringify(grant), 'PX', this.ttlMs, 'NX');
    } catch (cause) {
      throw unavailable(cause);
    }
    return { ticket, expiresAt: new Date(Date.now() + this.ttlMs) };
  }

  /** What the ticket grants, once; a 401 when it is malformed, for another run, expired or already used. */
  async redeem(ticket: unknown, runId: string): Promise<StreamGrant> {
    if (typeof ticket !== 'string' || !TICKET_PATTERN.test(ticket)) throw invalidTicket('malformed ticket');
    let stored: string | null;
    try {
      stored = await this.redis.getdel(keyOf(runId, ticket));
    } catch (cause) {
      throw unavailable(cause);
    }
    if (stored === null) throw invalidTicket('unknown, expired, used, or for another run');
    const grant = JSON.parse(stored) as StreamGrant;
    if (grant.runId !== runId) throw invalidTicket('for another run');
    return grant;
  }
}

const keyOf = (runId: string, ticket: string) =>
  `stream-ticket:${runId}:${createHash('sha256').update(ticket).digest('hex')}`;

const invalidTicket = (reason: string) => invalidToken(reason, 'INVALID_TICKET');

const unavailable = (cause: unknown) =>
  new OperationalError('STREAM_TICKETS_UNAVAILABLE', 'stream tickets cannot be checked now', { cause });
