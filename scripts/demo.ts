/**
 * The first-run demo, through the public REST API like any client:
 *   node scripts/demo.ts seed                    put the starter agent catalog into the demo tenant
 *   node scripts/demo.ts run ["sentence"] [--input '{"text": "..."}'] [--no-approve]
 *                                                generate a workflow from the sentence, save it, run it
 * The gateway is GATEWAY_URL, else http://127.0.0.1:(8080 + DAGWRIGHT_PORT_OFFSET). Tokens are development
 * tokens for the tenant demo/demo/main (the gateway refuses them in production).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_INPUT, DEMO_STATEMENT, STARTER_AGENTS } from './demo-catalog.ts';

const ROOT = join(import.meta.dirname, '..');
const TENANT = { client: 'demo', project: 'demo', workspace: 'main' };
const gateway =
  process.env.GATEWAY_URL ?? `http://127.0.0.1:${8080 + Number(process.env.DAGWRIGHT_PORT_OFFSET ?? 0)}`;

function devToken(): string {
  return execFileSync(
    process.execPath,
    [
      join(ROOT, 'services/gateway/src/dev-token.ts'),
      ...['--client', TENANT.client, '--project', TENANT.project, '--workspace', TENANT.workspace],
      ...['--roles', 'developer', '--sub', 'demo-user'],
    ],
    { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
  ).trim();
}

let token = '';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-client-id': TENANT.client,
      'x-project-id': TENANT.project,
      'x-workspace-id': TENANT.workspace,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const payload = (await response.json()) as T & {
    error?: { code: string; message: string; details?: unknown };
  };
  if (!response.ok) {
    const error = payload.error;
    throw new Error(`${method} ${path}: ${response.status} ${error?.code ?? ''} ${error?.message ?? ''}
${JSON.stringify(error?.details ?? [], null, 2)}`);
  }
  return payload;
}

async function seed(): Promise<void> {
  for (const agent of STARTER_AGENTS) await call('PUT', `/api/v2/agents/${agent.id}`, agent);
  console.log(
    `demo: ${STARTER_AGENTS.length} starter agents in tenant ${TENANT.client}/${TENANT.project}/${TENANT.workspace}`,
  );
}

interface Generated {
  workflowId: string;
  graph: { nodes: { id: string; type: string; agentId?: string }[]; edges: { from: string; to: string }[] };
  metadata: { estimatedCost: number; estimatedDuration: number; confidence: number; suggestedInput: object };
  explanation: { reasoning: string };
}
interface Run {
  id: string;
  status: string;
  output: unknown;
  error: string | null;
  totalCost: number;
  blocks: { blockId: string; status: string; output: unknown }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(statement: string, input: object, approve: boolean): Promise<void> {
  console.log(`\n1. Generating a workflow for:\n   "${statement}"`);
  const generated = await call<Generated>('POST', '/api/v2/workflows/generate/enhanced', {
    problemStatement: statement,
    agentIds: STARTER_AGENTS.map((a) => a.id),
    save: true,
  });
  const { graph, metadata } = generated;
  for (const node of graph.nodes) {
    const after = graph.edges.filter((e) => e.to === node.id).map((e) => e.from);
    console.log(
      `   - ${node.id} (${node.agentId ?? node.type})${after.length > 0 ? ` after ${after.join(', ')}` : ''}`,
    );
  }
  console.log(
    `   estimated cost ${metadata.estimatedCost}, duration ${metadata.estimatedDuration} ms, confidence ${metadata.confidence}`,
  );
  console.log(`   saved as workflow ${generated.workflowId}`);

  console.log('\n2. Running it');
  let current = await call<Run>('POST', `/api/v2/workflows/${generated.workflowId}/execute`, {
    input: { ...metadata.suggestedInput, ...input },
  });
  const deadline = Date.now() + 60_000;
  while (!['succeeded', 'failed', 'cancelled'].includes(current.status) && Date.now() < deadline) {
    const waiting = current.blocks.find((b) => b.status === 'waiting_human');
    if (waiting !== undefined) {
      if (!approve) {
        console.log(
          `   waiting for a person at "${waiting.blockId}"; approve with POST /api/v2/runs/${current.id}/resume`,
        );
        return;
      }
      console.log(`   "${waiting.blockId}" asks for approval; approving as the demo user`);
      current = await call<Run>('POST', `/api/v2/runs/${current.id}/resume`, {
        blockId: waiting.blockId,
        decision: 'approve',
      });
      continue;
    }
    await sleep(300);
    current = await call<Run>('GET', `/api/v2/runs/${current.id}`);
  }
  console.log(
    `   run ${current.id}: ${current.status}${current.error ? ` (${current.error})` : ''}, cost ${current.totalCost}`,
  );
  console.log('\n3. What each step produced');
  for (const block of current.blocks) {
    console.log(
      `   ${block.blockId} (${block.status}): ${JSON.stringify(block.output, null, 2).replaceAll('\n', '\n   ')}`,
    );
  }
  console.log(`\nLogs: GET ${gateway}/api/v2/runs/${current.id}/logs`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { input: { type: 'string' }, 'no-approve': { type: 'boolean', default: false } },
});
const [command, statement] = positionals;
try {
  token = devToken();
  if (command === 'seed') await seed();
  else if (command === 'run') {
    // The sample email is the run input unless the caller brings their own.
    const input = values.input === undefined ? DEMO_INPUT : (JSON.parse(values.input) as object);
    await run(statement ?? DEMO_STATEMENT, input, !values['no-approve']);
  } else {
    console.error('usage: node scripts/demo.ts seed | run ["sentence"] [--input JSON] [--no-approve]');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
