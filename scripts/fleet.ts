/**
 * Starts, stops and reports the seven services as separate background processes (development and tests).
 *   node scripts/fleet.ts up | down | status
 * Ports are each service's own defaults, read from its config module, plus DAGWRIGHT_PORT_OFFSET.
 * Infrastructure URLs come from the environment or from .data/infra.env (written by `./dw infra up`).
 * Pid and log files live in FLEET_DIR (default .data/fleet); `down` stops only the pids recorded there.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, type ConfigShape } from '@dagwright/kit';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The services, in start order. */
export const SERVICES = [
  'workflow-engine',
  'generator',
  'optimizer',
  'testing',
  'learning',
  'nlp',
  'gateway',
] as const;

/** Where one service listens. */
export interface ServicePlan {
  name: string;
  /** The gRPC port, or for the gateway its HTTP port. */
  port: number;
  adminPort: number;
  protocol: 'grpc' | 'http';
}

/** Reads each service's default ports from its own config schema and shifts them by `offset`. */
export async function fleetPlan(offset = 0): Promise<ServicePlan[]> {
  return Promise.all(
    SERVICES.map(async (name) => {
      const module = (await import(join(ROOT, 'services', name, 'src', 'config.ts'))) as {
        configShape: ConfigShape;
      };
      const parsed = parseConfig(module.configShape, {});
      if (!parsed.ok)
        throw new Error(
          `${name}: its config has no defaults for ${parsed.problems.map((p) => p.key).join(', ')}`,
        );
      const config = parsed.config as { GRPC_PORT?: number; HTTP_PORT?: number; ADMIN_PORT: number };
      const port = config.GRPC_PORT ?? config.HTTP_PORT;
      if (port === undefined) throw new Error(`${name}: its config declares no GRPC_PORT or HTTP_PORT`);
      return {
        name,
        port: port + offset,
        adminPort: config.ADMIN_PORT + offset,
        protocol: config.GRPC_PORT === undefined ? 'http' : 'grpc',
      } satisfies ServicePlan;
    }),
  );
}

function infraEnv(): Record<string, string> {
  const file = join(ROOT, '.data', 'infra.env');
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match?.[1] !== undefined && match[2] !== undefined) fromFile[match[1]] = match[2];
    }
  }
  const env: Record<string, string> = {};
  for (const key of ['MONGO_URL', 'KAFKA_BROKERS', 'REDIS_URL']) {
    const value = process.env[key] ?? fromFile[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const fleetDir = () => process.env.FLEET_DIR ?? join(ROOT, '.data', 'fleet');
const pidFile = (name: string) => join(fleetDir(), `${name}.pid`);
const readPid = (name: string) =>
  existsSync(pidFile(name)) ? Number(readFileSync(pidFile(name), 'utf8')) : undefined;

async function ready(plan: ServicePlan): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${plan.adminPort}/readyz`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function up(offset: number): Promise<void> {
  const plans = await fleetPlan(offset);
  mkdirSync(fleetDir(), { recursive: true });
  const env = infraEnv();
  const address = (name: string, fallback: number) =>
    `127.0.0.1:${plans.find((p) => p.name === name)?.port ?? fallback}`;
  for (const plan of plans) {
    const pid = readPid(plan.name);
    if (pid !== undefined && alive(pid)) {
      console.log(`${plan.name}: already running (pid ${pid})`);
      continue;
    }
    const log = openSync(join(fleetDir(), `${plan.name}.log`), 'a');
    const child = spawn(process.execPath, ['--import', '@dagwright/kit/otel', 'src/main.ts'], {
      cwd: join(ROOT, 'services', plan.name),
      env: {
        ...process.env,
        ...env,
        HOST: process.env.HOST ?? '127.0.0.1',
        [plan.protocol === 'grpc' ? 'GRPC_PORT' : 'HTTP_PORT']: String(plan.port),
        // Callers must find the services where this fleet put them (ports may be shifted).
        ...(plan.name === 'gateway' || plan.name === 'generator'
          ? { ENGINE_URL: address('workflow-engine', 50051) }
          : {}),
        ...(plan.name === 'gateway' ? { GENERATOR_URL: address('generator', 50052) } : {}),
        ADMIN_PORT: String(plan.adminPort),
      },
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    if (child.pid === undefined) throw new Error(`${plan.name}: failed to start`);
    writeFileSync(pidFile(plan.name), String(child.pid));
    child.unref();
  }
  const deadline = Date.now() + Number(process.env.FLEET_READY_TIMEOUT_MS ?? 90_000);
  const pending = new Set(plans);
  while (pending.size > 0 && Date.now() < deadline) {
    for (const plan of [...pending]) {
      const pid = readPid(plan.name);
      if (pid === undefined || !alive(pid)) {
        throw new Error(`${plan.name} exited during start-up; see ${join(fleetDir(), `${plan.name}.log`)}`);
      }
      if (await ready(plan)) pending.delete(plan);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
  if (pending.size > 0) {
    throw new Error(
      `not ready in time: ${[...pending].map((p) => p.name).join(', ')}; logs in ${fleetDir()}`,
    );
  }
  console.log('fleet ready:');
  for (const plan of plans) {
    console.log(
      `  ${plan.name.padEnd(16)} ${plan.protocol}://127.0.0.1:${plan.port}  admin http://127.0.0.1:${plan.adminPort}`,
    );
  }
}

async function down(): Promise<void> {
  const stopping: [string, number][] = [];
  for (const name of [...SERVICES].reverse()) {
    const pid = readPid(name);
    if (pid !== undefined && alive(pid)) {
      process.kill(pid, 'SIGTERM');
      stopping.push([name, pid]);
    }
    rmSync(pidFile(name), { force: true });
  }
  const deadline = Date.now() + 15_000;
  while (stopping.some(([, pid]) => alive(pid)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  for (const [name, pid] of stopping) {
    if (alive(pid)) {
      console.log(`${name}: did not stop in time, killing`);
      process.kill(pid, 'SIGKILL');
    }
  }
  console.log(
    stopping.length === 0
      ? 'fleet: nothing running'
      : `fleet: stopped ${stopping.map(([n]) => n).join(', ')}`,
  );
}

async function status(offset: number): Promise<boolean> {
  let allReady = true;
  for (const plan of await fleetPlan(offset)) {
    const pid = readPid(plan.name);
    const running = pid !== undefined && alive(pid);
    const isReady = running && (await ready(plan));
    allReady &&= isReady;
    console.log(
      `  ${plan.name.padEnd(16)} ${running ? `pid ${pid}` : 'stopped'}${running ? (isReady ? ', ready' : ', not ready') : ''}`,
    );
  }
  return allReady;
}

if (import.meta.main) {
  const offset = Number(process.env.DAGWRIGHT_PORT_OFFSET ?? 0);
  const command = process.argv[2];
  try {
    if (command === 'up') await up(offset);
    else if (command === 'down') await down();
    else if (command === 'status') process.exitCode = (await status(offset)) ? 0 : 3;
    else {
      console.error('usage: node scripts/fleet.ts up|down|status');
      process.exitCode = 2;
    }
  } catch (err) {
    console.error(`fleet: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
