import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, uniqueName } from '@dagwright/testkit';
import { startEngine, type RunningEngine } from './support/engine.ts';
import { humanGraph, simpleGraph, summarizer } from './support/fixtures.ts';
import { headers, startGateway, token, type TestGateway } from './support/gateway.ts';
import { readEvents } from './support/sse.ts';

const TICKET_MS = 2_000;
let engine: RunningEngine;
let gw: TestGateway;
let port: number;
const [clientA, clientB] = [uniqueName('tix_a'), uniqueName('tix_b')];
let hA: Record<string, string>;
let hB: Record<string, string>;

beforeAll(async () => {
  engine = await startEngine();
  gw = await startGateway(engine.address, { settings: { streamTicketMs: TICKET_MS } });
  await gw.http.listen({ host: '127.0.0.1', port: 0 });
  port = (gw.http.server.address() as AddressInfo).port;
  hA = headers({ bearer: await token({ client: clientA, roles: ['developer'] }) }, { client: clientA });
  hB = headers({ bearer: await token({ client: clientB, roles: ['developer'] }) }, { client: clientB });
  await gw.http.inject({ method: 'PUT', url: '/api/v2/agents/summarizer', headers: hA, payload: summarizer });
}, 60_000);
afterAll(async () => {
  await gw.close();
  await engine.close();
});

/** Starts a run of `graph` in tenant A and returns its id. */
async function startRun(graph: object): Promise<string> {
  const payload = { name: uniqueName('wf'), graph };
  const workflow = await gw.http.inject({ method: 'POST', url: '/api/v2/workflows', headers: hA, payload });
  const id = workflow.json<{ id: string }>().id;
  const run = await gw.http.inject({ method: 'POST', url: `/api/v2/workflows/${id}/execute`, headers: hA });
  return run.json<{ id: string }>().id;
}

async function ticketFor(runId: string, h = hA) {
  const response = await gw.http.inject({
    method: 'POST',
    url: `/api/v2/runs/${runId}/events/ticket`,
    headers: h,
  });
  return response;
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('stream tickets for browsers (EventSource sends no headers)', () => {
  it('opens the stream with the ticket alone, once', async () => {
    const runId = await startRun(simpleGraph);
    const issued = await ticketFor(runId);
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { ticket, url, expiresAt } = issued.json<{ ticket: string; url: string; expiresAt: string }>();
    expect(url).toBe(`/api/v2/runs/${runId}/events?ticket=${ticket}`);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(TICKET_MS);

    const stream = await readEvents(port, url);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    expect(stream.events.at(-1)?.event).toBe('end');
    expect(stream.events.some((e) => e.event === 'run' && e.data?.includes('"succeeded"'))).toBe(true);

    // Single use: the same URL again (a replay, or EventSource reconnecting by itself) is refused.
    const replay = await readEvents(port, url);
    expect(replay.status).toBe(401);
    expect(errorCode(replay.body)).toBe('INVALID_TICKET');
  });

  it('resumes after lastEventId when a new ticket opens a new stream', async () => {
    const runId = await startRun(simpleGraph);
    const all = await readEvents(port, (await ticketFor(runId)).json<{ url: string }>().url);
    const ids = all.events.filter((e) => e.id !== undefined).map((e) => e.id);
    const resumed = await readEvents(
      port,
      `${(await ticketFor(runId)).json<{ url: string }>().url}&lastEventId=2`,
    );
    expect(resumed.events.filter((e) => e.id !== undefined).map((e) => e.id)).toEqual(ids.slice(2));
  });

  it('refuses a ticket on another run, from another tenant, or with another credential', async () => {
    const [runA, otherRun] = [await startRun(humanGraph), await startRun(humanGraph)];
    const { ticket } = (await ticketFor(runA)).json<{ ticket: string }>();
    // Another run of the same tenant: refused, and the ticket still serves its own run afterwards.
    const wrongRun = await readEvents(port, `/api/v2/runs/${otherRun}/events?ticket=${ticket}`);
    expect(wrongRun.status).toBe(401);
    // Tenant headers that name another tenant than the ticket's: refused (and that ticket is spent).
    const tenantB = { 'x-client-id': clientB, 'x-project-id': 'p1', 'x-workspace-id': 'w1' };
    const { ticket: forB } = (await ticketFor(runA)).json<{ ticket: string }>();
    const crossTenant = await readEvents(port, `/api/v2/runs/${runA}/events?ticket=${forB}`, tenantB);
    expect(crossTenant.status).toBe(403);
    expect(errorCode(crossTenant.body)).toBe('TENANT_FORBIDDEN');
    // A ticket together with a credential: refused as two credentials.
    const { ticket: second } = (await ticketFor(runA)).json<{ ticket: string }>();
    const both = await readEvents(port, `/api/v2/runs/${runA}/events?ticket=${second}`, {
      authorization: hA.authorization ?? '',
    });
    expect(both.status).toBe(401);
    // Another tenant cannot get a ticket for this run at all: it does not exist for them.
    expect((await ticketFor(runA, hB)).statusCode).toBe(404);
    // Malformed or made-up tickets.
    for (const bad of ['x', `dwt.${'A'.repeat(43)}`, `${ticket}A`])
      expect((await readEvents(port, `/api/v2/runs/${runA}/events?ticket=${bad}`)).status).toBe(401);
    // The waiting run's stream opens with the untouched first ticket (cancel it so the stream ends).
    const open = readEvents(port, `/api/v2/runs/${runA}/events?ticket=${ticket}`);
    await eventually(async () => {
      const cancelled = await gw.http.inject({
        method: 'POST',
        url: `/api/v2/runs/${runA}/cancel`,
        headers: hA,
      });
      return cancelled.statusCode === 200 ? true : undefined;
    }, 10_000);
    const stream = await open;
    expect(stream.status).toBe(200);
    expect(stream.events.some((e) => e.data?.includes('"cancelled"'))).toBe(true);
  });

  it('refuses an expired ticket', async () => {
    const runId = await startRun(simpleGraph);
    const { url } = (await ticketFor(runId)).json<{ url: string }>();
    await sleep(TICKET_MS + 200);
    const late = await readEvents(port, url);
    expect(late.status).toBe(401);
    expect(errorCode(late.body)).toBe('INVALID_TICKET');
  });

  it('gives tickets only to callers who may read runs, and never without a credential', async () => {
    const runId = await startRun(simpleGraph);
    const none = headers({ bearer: await token({ client: clientA, roles: [] }) }, { client: clientA });
    expect((await ticketFor(runId, none)).statusCode).toBe(403);
    const anonymous = await gw.http.inject({ method: 'POST', url: `/api/v2/runs/${runId}/events/ticket` });
    expect(anonymous.statusCode).toBe(401);
    expect((await readEvents(port, `/api/v2/runs/${runId}/events`)).status).toBe(401);
  });
});
