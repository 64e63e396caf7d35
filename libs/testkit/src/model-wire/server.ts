/**
 * A local HTTP server on 127.0.0.1 that stands in for a model provider: it records every request (method,
 * path with query, headers, JSON body) and answers from a queue of replies in the provider's wire format.
 * Only the outside world is faked; the real SDKs talk to it over real HTTP.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions?api-version=...`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** One queued answer: a JSON reply (after an optional delay), or a dropped connection. */
export type Reply =
  { status?: number; body: unknown; headers?: Record<string, string>; delayMs?: number } | { drop: true };

/** A running fake provider. */
export interface WireServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Queues replies, answered in order; an empty queue answers 599 so a missing reply fails loudly. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** Starts a fake provider on a free port of 127.0.0.1. */
export async function wireServer(): Promise<WireServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      });
      const next = queue.shift() ?? {
        status: 599,
        body: { error: { message: 'no reply queued in the test' } },
      };
      if ('drop' in next) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(next.status ?? 200, { 'content-type': 'application/json', ...next.headers });
        res.end(JSON.stringify(next.body));
      };
      if (next.delayMs === undefined) send();
      else setTimeout(send, next.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh fake provider for each test of the calling file (started before, closed after each test). */
export function useWireServer(): WireServer {
  let current: WireServer | undefined;
  beforeEach(async () => {
    current = await wireServer();
  });
  afterEach(async () => {
    await current?.close();
  });
  const now = (): WireServer => {
    if (current === undefined) throw new Error('the wire server runs only inside a test');
    return current;
  };
  return {
    get origin() {
      return now().origin;
    },
    get requests() {
      return now().requests;
    },
    reply: (...replies) => now().reply(...replies),
    close: () => now().close(),
  };
}
