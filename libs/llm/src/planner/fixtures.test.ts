import { readFileSync } from 'node:fs';
import { type Agent, type Graph, validateGraph } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { planWorkflow } from './plan.ts';

// The planner's own benchmark cases (catalogs and phrasings of domains the public benchmark does not
// use), scored by the rules of the generation benchmark: expected agents, no ruled-out agent, order
// and parallel pairs, and the human approval.

interface Case {
  id: string;
  problemStatement: string;
  agentIds: string[];
  expected: {
    agents: string[];
    forbidden: string[];
    order: [string, string][];
    parallel: [string, string][];
    humanApproval: boolean;
    approvalBefore: string[];
  };
}

function load(set: string): { catalog: Agent[]; cases: Case[] } {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(new URL(`./fixtures/${set}/${file}`, import.meta.url), 'utf8'));
  return { catalog: read('catalog.json') as Agent[], cases: read('cases.json') as Case[] };
}

function problems(c: Case, graph: Graph): string[] {
  const succ = new Map<string, string[]>();
  for (const e of graph.edges) succ.set(e.from, [...(succ.get(e.from) ?? []), e.to]);
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(succ.get(from) ?? [])];
    for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(...(succ.get(v) ?? []));
    }
    return seen;
  };
  const nodesOf = (agentId: string): string[] =>
    graph.nodes.filter((n) => n.agentId === agentId).map((n) => n.id);
  const reaches = (a: string, b: string): boolean =>
    nodesOf(a).some((x) => nodesOf(b).some((y) => reach(x).has(y)));
  const used = new Set(graph.nodes.flatMap((n) => (n.agentId === undefined ? [] : [n.agentId])));
  const found: string[] = [];
  for (const a of c.expected.agents) if (!used.has(a)) found.push(`missing ${a}`);
  for (const a of c.expected.forbidden) if (used.has(a)) found.push(`forbidden ${a}`);
  for (const [a, b] of c.expected.order) if (!reaches(a, b)) found.push(`order ${a}→${b}`);
  for (const [a, b] of c.expected.parallel)
    if (!used.has(a) || !used.has(b) || reaches(a, b) || reaches(b, a)) found.push(`parallel ${a}|${b}`);
  const humans = graph.nodes.filter((n) => n.type === 'human').map((n) => n.id);
  const guarded = c.expected.approvalBefore.every(
    (a) => nodesOf(a).length > 0 && nodesOf(a).every((x) => humans.some((h) => reach(h).has(x))),
  );
  if (c.expected.humanApproval ? humans.length === 0 || !guarded : humans.length > 0)
    found.push('human approval');
  return found;
}

describe.each([
  // Tuned against while the planner was built.
  { set: 'heldout', minimum: 1 },
  // Written after, scored once before any fix (0.54); kept as a regression floor.
  { set: 'blind', minimum: 0.9 },
  // Written by someone who never saw the planner; scored 0.33 before general fixes, 1.0 after (no
  // longer blind once iterated on, so it is a floor, not a measure of generalisation).
  { set: 'blind2', minimum: 0.95 },
  // Independently designed (other vocabularies, field names, phrasings); 0.2 untuned, 0.27 after the
  // first general fixes. A floor only: most of its cases still fail.
  { set: 'blind3', minimum: 0.25 },
])('the $set cases', ({ set, minimum }) => {
  const { catalog, cases } = load(set);
  const results = cases.map((c) => {
    const agents = catalog.filter((a) => c.agentIds.includes(a.id));
    const result = planWorkflow({ problemStatement: c.problemStatement, agents });
    return { c, agents, result, problems: problems(c, result.graph) };
  });

  it('plans a valid graph for every case', () => {
    for (const { agents, result } of results)
      expect(validateGraph(result.graph, agents)).toMatchObject({ ok: true });
  });

  it(`passes at least ${minimum * 100}% of the cases`, () => {
    const failing = results
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.c.id}: ${r.problems.join(', ')}`);
    expect(1 - failing.length / results.length, failing.join('\n')).toBeGreaterThanOrEqual(minimum);
  });
});
