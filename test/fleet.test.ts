import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGrpcHealth } from '@dagwright/kit';
import { infra } from '@dagwright/testkit';
import { fleetPlan, SERVICES, type ServicePlan } from '../scripts/fleet.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Ports away from the defaults, so a developer's running fleet (./dw up) is not disturbed; all above 10080,
// the highest port fetch() refuses to connect to.
const OFFSET = 2100 + Math.floor(Math.random() * 130) * 100;
const fleetDir = mkdtempSync(join(tmpdir(), 'dagwright-fleet-'));
const env = {
  ...process.env,
  FLEET_DIR: fleetDir,
  DAGWRIGHT_PORT_OFFSET: String(OFFSET),
  MONGO_URL: infra().mongoUrl,
  KAFKA_BROKERS: infra().kafkaBrokers.join(','),
  REDIS_URL: infra().redisUrl,
};
const fleet = (command: string) => run(process.execPath, ['scripts/fleet.ts', command], { cwd: ROOT, env });

const pids = () =>
  readdirSync(fleetDir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => Number(readFileSync(join(fleetDir, f), 'utf8')));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let plan: ServicePlan[];
let started: number[] = [];

beforeAll(async () => {
  plan = await fleetPlan(OFFSET);
  await fleet('up');
  started = pids();
});

afterAll(async () => {
  await fleet('down').catch(() => undefined);
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(fleetDir, { recursive: true, force: true });
});

describe('the fleet', () => {
  it('runs all seven services as separate processes', () => {
    expect(plan.map((p) => p.name).sort()).toEqual([...SERVICES].sort());
    expect(new Set(started).size).toBe(7);
    expect(started.every(alive)).toBe(true);
  });

  it('reports every service ready on /readyz and alive on /healthz', async () => {
    for (const service of plan) {
      const ready = await fetch(`http://127.0.0.1:${service.adminPort}/readyz`);
      expect(ready.status, `${service.name} /readyz`).toBe(200);
      const health = await fetch(`http://127.0.0.1:${service.adminPort}/healthz`);
      expect(health.status, `${service.name} /healthz`).toBe(200);
    }
  });

  it('serves Prometheus metrics from every admin port', async () => {
    for (const service of plan) {
      const text = await (await fetch(`http://127.0.0.1:${service.adminPort}/metrics`)).text();
      expect(text, service.name).toContain(`process_cpu_user_seconds_total{service="${service.name}"}`);
    }
  });

  it('answers SERVING on grpc.health.v1 for every gRPC service', async () => {
    for (const service of plan.filter((p) => p.protocol === 'grpc')) {
      expect(await checkGrpcHealth(`127.0.0.1:${service.port}`), service.name).toBe('SERVING');
    }
  });

  it('answers unknown gateway routes with a structured 404 and no internals', async () => {
    const gateway = plan.find((p) => p.name === 'gateway');
    const response = await fetch(`http://127.0.0.1:${gateway?.port ?? 0}/api/v2/nothing-here`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toBeTruthy();
  });

  it('stops every process with the stop command, leaving none behind', async () => {
    await fleet('down');
    const deadline = Date.now() + 5000;
    while (started.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(started.filter(alive)).toEqual([]);
    for (const service of plan) {
      await expect(fetch(`http://127.0.0.1:${service.adminPort}/healthz`)).rejects.toThrow();
    }
  });
});
