import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, freePort, infra, uniqueName } from '@dagwright/testkit';
import { AUDIENCE, ISSUER, TEST_SECRET, token } from './support/gateway.ts';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const WINDOW_MS = 2_000;
const LIMIT = 40;
const dbName = uniqueName('gw_replicas');
const replicas: { child: ChildProcess; port: number }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const [port, adminPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['src/main.ts'], {
      cwd: SERVICE_DIR,
      env: {
        ...process.env,
        HTTP_PORT: String(port),
        ADMIN_PORT: String(adminPort),
        MONGO_URL: infra().mongoUrl,
        MONGO_DB: dbName,
        REDIS_URL: infra().redisUrl,
        ENGINE_URL: '127.0.0.1:1',
        JWT_SECRET: TEST_SECRET,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        RATE_LIMIT_WINDOW_MS: String(WINDOW_MS),
        RATE_LIMIT_CREDENTIAL: String(LIMIT),
        RATE_LIMIT_CLIENT: '100000',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    replicas.push({ child, port });
    await eventually(
      async () => ((await fetch(`http://127.0.0.1:${adminPort}/readyz`)).ok ? true : undefined),
      30_000,
      `replica ${i}`,
    );
  }
}, 60_000);

afterAll(() => {
  for (const { child } of replicas) if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
});

describe('one rate limit across three gateway processes sharing Redis', () => {
  it('never accepts more than the limit within any window', async () => {
    const client = uniqueName('replicas');
    const h = {
      authorization: `Bearer ${await token({ client })}`,
      'x-client-id': client,
      'x-project-id': 'p1',
      'x-workspace-id': 'w1',
    };
    const results: { sent: number; received: number; status: number; retryAfter: string | null }[] = [];
    const until = Date.now() + 2.5 * WINDOW_MS;
    let next = 0;
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (Date.now() < until) {
          const { port } = replicas[next++ % replicas.length] ?? { port: 0 };
          const sent = Date.now();
          const response = await fetch(`http://127.0.0.1:${port}/api/v2/me`, { headers: h });
          await response.arrayBuffer();
          results.push({
            sent,
            received: Date.now(),
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
          });
        }
      }),
    );
    const accepted = results.filter((r) => r.status === 200);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(results.filter((r) => r.status === 429).every((r) => Number(r.retryAfter) >= 1)).toBe(true);
    // Each request was admitted somewhere between sending and receiving; count those certainly admitted
    // within [t, t + window) for every start t. The sliding log allows at most LIMIT in any such interval.
    let densest = 0;
    for (const start of accepted.map((r) => r.sent)) {
      const inside = accepted.filter((r) => r.sent >= start && r.received <= start + WINDOW_MS - 2).length;
      densest = Math.max(densest, inside);
    }
    expect(densest).toBeLessThanOrEqual(LIMIT);
    // The limiter is not simply closed: a window fills up, and every window that passed let requests in.
    expect(densest).toBeGreaterThanOrEqual(LIMIT / 2);
    expect(accepted.length).toBeGreaterThanOrEqual(2 * LIMIT);
    expect(accepted.length).toBeLessThanOrEqual(4 * LIMIT);
  });
});
