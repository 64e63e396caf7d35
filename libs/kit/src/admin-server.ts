import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

/** A named check that resolves when a dependency is usable and rejects otherwise. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

/** Options of the admin server. */
export interface AdminServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  logger: Logger;
  checks: ReadinessCheck[];
  /** Per-check time budget, so a hung dependency reports not-ready instead of hanging the probe. */
  checkTimeoutMs?: number;
}

/** The running admin server. */
export interface AdminServer {
  port: number;
  /** Marks the service as shutting down: `/readyz` answers 503 from now on. */
  drain(): void;
  close(): Promise<void>;
}

function withTimeout(check: () => Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    check().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Serves `/healthz` (the process is alive), `/readyz` (dependencies usable) and `/metrics` (Prometheus). */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const { metrics, logger, checks } = options;
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  let draining = false;

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(type === 'application/json' ? JSON.stringify(body) : String(body));
    };
    if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
    switch (path) {
      case '/healthz':
        return send(200, { status: 'ok' });
      case '/readyz':
        void (async () => {
          if (draining) return send(503, { status: 'draining', checks: {} });
          const results = await Promise.allSettled(checks.map((c) => withTimeout(c.check, timeoutMs)));
          const report: Record<string, string> = {};
          results.forEach((r, i) => {
            report[checks[i]?.name ?? String(i)] =
              r.status === 'fulfilled' ? 'ok' : (r.reason as Error).message;
          });
          const ready = results.every((r) => r.status === 'fulfilled');
          if (!ready) logger.warn({ checks: report }, 'not ready');
          send(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks: report });
        })();
        return;
      case '/metrics':
        void metrics.registry.metrics().then(
          (text) => send(200, text, metrics.registry.contentType),
          (err: unknown) => {
            logger.error({ err }, 'metrics collection failed');
            send(500, { error: 'metrics unavailable' });
          },
        );
        return;
      default:
        return send(404, { error: 'not found' });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'admin server listening');
  return {
    port,
    drain: () => {
      draining = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
