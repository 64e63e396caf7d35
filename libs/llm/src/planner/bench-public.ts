// Scores the local planner with the generation benchmark's scorer.
//
//   node libs/llm/src/planner/bench-public.ts                      # the public cases
//   node libs/llm/src/planner/bench-public.ts --dir libs/llm/src/planner/fixtures/heldout
//   node libs/llm/src/planner/bench-public.ts --verbose            # per-case lines of the scorer too
//
// Runs planWorkflow on every case (offering only the case's agents), writes {caseId: {graph}} to a
// temp file, runs score.mjs --results on it and prints the scorer's summary line plus the planner's
// own latency figures (score.mjs measures latency only when it calls the gateway).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Agent } from '@dagwright/workflow';
import { planWorkflow } from './plan.ts';

interface BenchCase {
  id: string;
  problemStatement: string;
  agentIds: string[];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
// shared/ sits beside the repository (ARCHITECTURE: benchmarks live in shared/benchmarks).
const scorer = resolve(
  option('scorer') ??
    fileURLToPath(new URL('../../../../../shared/benchmarks/generation/score.mjs', import.meta.url)),
);
const dir = resolve(option('dir') ?? join(scorer, '..', 'public'));
// The benchmark's catalog leaves out `implementation`, which the planner does not read.
const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Omit<
  Agent,
  'implementation'
>[];
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as BenchCase[];
const byId = new Map(catalog.map((a) => [a.id, { implementation: {}, ...a }]));

const results: Record<string, unknown> = {};
const latencies: number[] = [];
for (const c of cases) {
  const agents = c.agentIds.flatMap((id) => byId.get(id) ?? []);
  const started = performance.now();
  try {
    results[c.id] = planWorkflow({ problemStatement: c.problemStatement, agents });
  } catch (error) {
    results[c.id] = { error: String(error) };
  }
  latencies.push(performance.now() - started);
}

const file = join(mkdtempSync(join(tmpdir(), 'planner-bench-')), 'results.json');
writeFileSync(file, JSON.stringify(results, null, 2));
const output = execFileSync(process.execPath, [scorer, '--dir', dir, '--results', file], {
  encoding: 'utf8',
});
const lines = output.trim().split('\n');
if (args.includes('--verbose')) console.log(lines.slice(0, -1).join('\n'));
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number): number =>
  Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 100) / 100;
console.log(lines.at(-1));
console.log(JSON.stringify({ plannerLatencyMsP50: pct(0.5), plannerLatencyMsP95: pct(0.95), results: file }));
