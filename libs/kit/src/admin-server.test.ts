import { afterEach, describe, expect, it } from 'vitest';
import { startAdminServer, type AdminServer, type ReadinessCheck } from './admin-server.ts';
import { createLogger } from './logger.ts';
import { createMetrics, observeRequest, type Metrics } from './metrics.ts';

const logger = createLogger({ service: 'admin-test', level: 'silent' });
let server: AdminServer | undefined;

async function start(checks: ReadinessCheck[] = [], metrics: Metrics = createMetrics('admin-test')) {
  server = await startAdminServer({
    host: '127.0.0.1',
    port: 0,
    metrics,
    logger,
    checks,
    checkTimeoutMs: 100,
  });
  return server;
}

async function get(path: string, init?: RequestInit) {
  if (!server) throw new Error('server not started');
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function getJson(path: string) {
  const res = await get(path);
  return {
    status: res.status,
    body: JSON.parse(res.text) as { status: string; checks: Record<string, string> },
  };
}

const ok = (name: string): ReadinessCheck => ({ name, check: () => Promise.resolve() });

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('admin server', () => {
  it('listens on the port the OS picked', async () => {
    expect((await start()).port).toBeGreaterThan(0);
  });

  it('answers /healthz with 200', async () => {
    await start([{ name: 'db', check: () => Promise.reject(new Error('down')) }]);
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when every check passes', async () => {
    await start([ok('mongo'), ok('redis')]);
    expect(await getJson('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { mongo: 'ok', redis: 'ok' } },
    });
  });

  it("answers /readyz with 503 and the failing check's message when one rejects", async () => {
    await start([
      ok('mongo'),
      { name: 'redis', check: () => Promise.reject(new Error('ECONNREFUSED 6379')) },
    ]);
    expect(await getJson('/readyz')).toEqual({
      status: 503,
      body: { status: 'not_ready', checks: { mongo: 'ok', redis: 'ECONNREFUSED 6379' } },
    });
  });

  it('reports checks that throw synchronously or reject with a non-Error', async () => {
    await start([
      {
        name: 'sync',
        check: () => {
          throw new Error('not configured');
        },
      },
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test
      { name: 'string', check: () => Promise.reject('plain string') },
    ]);
    expect(await getJson('/readyz')).toEqual({
      status: 503,
      body: { status: 'not_ready', checks: { sync: 'not configured', string: 'plain string' } },
    });
  });

  it('reports a hanging check as not ready within the check timeout', async () => {
    await start([ok('mongo'), { name: 'kafka', check: () => new Promise<void>(() => undefined) }]);
    const startedAt = Date.now();
    const res = await getJson('/readyz');
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({ mongo: 'ok', kafka: 'timed out after 100 ms' });
  });

  it('answers /readyz with 503 after drain(), even though the checks pass', async () => {
    const admin = await start([ok('mongo')]);
    expect((await get('/readyz')).status).toBe(200);
    admin.drain();
    expect(await getJson('/readyz')).toEqual({ status: 503, body: { status: 'draining', checks: {} } });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('serves Prometheus text with the request counter on /metrics', async () => {
    const metrics = createMetrics('admin-test');
    observeRequest(metrics, { transport: 'http', method: '/v1/runs', code: '200' }, process.hrtime.bigint());
    await start([], metrics);
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    expect(res.text).toContain('# TYPE dagwright_requests_total counter');
    expect(res.text).toMatch(
      /^dagwright_requests_total\{transport="http",method="\/v1\/runs",code="200",service="admin-test"\} 1$/m,
    );
    expect(res.text).toMatch(/^dagwright_request_duration_seconds_count\{.*method="\/v1\/runs".*\} 1$/m);
  });

  it('ignores the query string when routing', async () => {
    await start();
    expect((await get('/healthz?verbose=1')).status).toBe(200);
  });

  it('answers unknown paths with 404', async () => {
    await start();
    expect((await get('/nope')).status).toBe(404);
  });

  it('answers other methods than GET with 405', async () => {
    await start();
    expect((await get('/healthz', { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await get('/readyz', { method: 'DELETE' })).status).toBe(405);
  });

  it('stops accepting connections after close()', async () => {
    const admin = await start();
    await admin.close();
    server = undefined;
    await expect(fetch(`http://127.0.0.1:${admin.port}/healthz`)).rejects.toThrow();
  });
});
