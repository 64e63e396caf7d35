/**
 * Runs the public workflow-generation benchmark (../shared/benchmarks/generation, not ours to change) through
 * the gateway of a running fleet (`./dw up`), as the tenant bench/bench/bench with a development token, and
 * prints the scorer's output; its last line is the JSON summary recorded in bench/README.md.
 *   node bench/generation/run.ts [--json /tmp/gen.json] [--only case-a,case-b]
 * GATEWAY_URL defaults to http://127.0.0.1:(8080 + DAGWRIGHT_PORT_OFFSET); BENCH_SET to `public`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const scorer = join(ROOT, '..', 'shared', 'benchmarks', 'generation', 'score.mjs');
if (!existsSync(scorer)) {
  console.error(`bench/generation: the scorer is not at ${scorer}`);
  process.exit(2);
}
const gateway =
  process.env.GATEWAY_URL ?? `http://127.0.0.1:${8080 + Number(process.env.DAGWRIGHT_PORT_OFFSET ?? 0)}`;
const token = execFileSync(
  process.execPath,
  [
    join(ROOT, 'services/gateway/src/dev-token.ts'),
    ...['--client', 'bench', '--project', 'bench', '--workspace', 'bench', '--roles', 'developer'],
  ],
  { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
).trim();

const result = spawnSync(
  process.execPath,
  [scorer, '--set', process.env.BENCH_SET ?? 'public', ...process.argv.slice(2)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: {
      ...process.env,
      GATEWAY_URL: gateway,
      GATEWAY_TOKEN: token,
      DAGWRIGHT_CLIENT: 'bench',
      DAGWRIGHT_PROJECT: 'bench',
      DAGWRIGHT_WORKSPACE: 'bench',
    },
  },
);
process.stdout.write(result.stdout);
process.exitCode = result.status ?? 1;
