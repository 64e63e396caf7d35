import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infra } from '@dagwright/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { fleetPlan } from '../../scripts/fleet.ts';
import { ROOT } from './support/paths.ts';

// No Docker engine is needed: these tests run the image's recipe (deploy/docker/build-app.sh, the step the
// Dockerfile runs) and start the result with Node 24 as the image's CMD does, from the output folder only.

const workDir = mkdtempSync(join(tmpdir(), 'dagwright-image-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function buildApp(service: string): string {
  const out = join(mkdtempSync(join(workDir, `${service}-`)), 'app');
  const result = spawnSync('bash', [join(ROOT, 'deploy', 'docker', 'build-app.sh'), service, out], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build-app.sh ${service} failed:\n${result.stderr}`);
  return out;
}

/** The image's CMD, run in `dir` with only `env` (plus PATH), the way the container runs it. */
function startLikeTheImage(dir: string, env: Record<string, string>) {
  const dockerfile = readFileSync(join(ROOT, 'deploy', 'docker', 'Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  if (cmd === undefined) throw new Error('the Dockerfile has no exec-form CMD');
  const [, ...args] = JSON.parse(cmd) as string[];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Waits until /readyz answers 200 on the admin port the service logged (it was given port 0). */
async function waitForReady(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const port = /"port":(\d+),"msg":"admin server listening"/.exec(output())?.[1];
    if (port !== undefined) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
          signal: AbortSignal.timeout(2000),
        });
        if (response.status === 200) return;
      } catch {
        // not answering yet
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`never ready:\n${output()}`);
}

describe('the image recipe (deploy/docker/build-app.sh)', () => {
  it('keeps only what runs: production packages, our libraries outside node_modules, the contracts', () => {
    const app = buildApp('generator');
    expect(existsSync(join(app, 'protos', 'dagwright'))).toBe(true);
    expect(existsSync(join(app, 'src', 'main.ts'))).toBe(true);
    expect(readdirSync(app)).not.toContain('vitest.config.ts');
    const store = readdirSync(join(app, 'node_modules', '.pnpm'));
    // devDependencies of the service and of the libraries stay out.
    for (const dev of ['vitest@', '@dagwright+testkit', 'typescript@', 'testcontainers@']) {
      expect(
        store.filter((entry) => entry.startsWith(dev)),
        dev,
      ).toEqual([]);
    }
    // Node refuses to strip types under node_modules: each library of ours resolves to app/libs/<name>.
    const ours = readdirSync(join(app, 'node_modules', '@dagwright'));
    expect(ours).toEqual(expect.arrayContaining(['contracts', 'kit']));
    for (const lib of ours) {
      expect(realpathSync(join(app, 'node_modules', '@dagwright', lib)), lib).toBe(
        join(realpathSync(app), 'libs', lib),
      );
    }
    expect(readdirSync(join(app, 'libs')).sort()).toEqual([...ours].sort());
  });

  // Ports 0: the OS picks free ones, so a fleet running on the default ports does not get in the way.
  // The gateway in development mode, as compose runs it: production mode wants an identity provider.
  it.each([
    ['gateway', { DAGWRIGHT_ENV: 'development', NODE_ENV: 'development' }],
    ['generator', {}],
  ])(
    'a %s built by it starts, gets ready and stops cleanly on SIGTERM',
    async (service, extraEnv: Record<string, string>) => {
      const app = buildApp(service);
      const plan = (await fleetPlan()).find((p) => p.name === service);
      if (plan === undefined) throw new Error(`${service} is not in the fleet`);
      const { mongoUrl, redisUrl, kafkaBrokers } = infra();
      const run = startLikeTheImage(app, {
        [plan.protocol === 'grpc' ? 'GRPC_PORT' : 'HTTP_PORT']: '0',
        ADMIN_PORT: '0',
        MONGO_URL: mongoUrl,
        REDIS_URL: redisUrl,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        LOG_LEVEL: 'info',
        ...extraEnv,
      });
      try {
        await waitForReady(run.child, run.output);
      } finally {
        run.child.kill('SIGTERM');
      }
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toContain('shutdown complete');
    },
  );

  it('the gateway image mints a development token, as NOTES.txt tells (kubectl exec … node src/dev-token.ts)', () => {
    const app = buildApp('gateway');
    const minted = spawnSync(process.execPath, ['src/dev-token.ts', '--client', 'acme', '--roles', 'admin'], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', DAGWRIGHT_ENV: 'development', NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    expect(minted.stderr).toBe('');
    expect(minted.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the migrations run built by it creates the topics and exits 0', async () => {
    const app = buildApp('migrate');
    const run = startLikeTheImage(app, { KAFKA_BROKERS: infra().kafkaBrokers.join(','), LOG_LEVEL: 'info' });
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('migrations done');
  });
});
