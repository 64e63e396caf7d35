import { readFileSync } from 'node:fs';
import { type Agent } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { planWorkflow } from './plan.ts';
import { reaches } from './test-catalog.ts';

// Lists of steps run in list order, and a later "don't X" undoes an earlier ask for X.

const catalog = (
  JSON.parse(readFileSync(new URL('fixtures/blind3/catalog.json', import.meta.url), 'utf8')) as Omit<
    Agent,
    'implementation'
  >[]
).map((a) => ({ implementation: {}, ...a }));

const plan = (problemStatement: string) => planWorkflow({ problemStatement, agents: catalog }).graph;
const agentsOf = (graph: ReturnType<typeof plan>) => graph.nodes.flatMap((n) => n.agentId ?? []);

describe('lists of steps', () => {
  it('chains the items of a numbered list in order', () => {
    const graph = plan(
      'Weekly load:\n1. Read s3://bucket/leads.csv\n2. Remove duplicate records\n3. Validate them against the leads_v1 contract\n4. Load the rows into analytics.leads',
    );
    expect(reaches(graph, 'record-dedupe', 'schema-checker')).toBe(true);
    expect(reaches(graph, 'schema-checker', 'warehouse-loader')).toBe(true);
  });

  it('leaves a list whose items run "all at once" unordered', () => {
    const items = '\n- read the file at s3://bucket/leads.csv\n- pull up ticket HD-7';
    expect(reaches(plan(`Morning:${items}`), 'bucket-file-reader', 'helpdesk-pull-ticket')).toBe(true);
    const together = plan(`Morning:${items}\nall at once, please.`);
    expect(agentsOf(together)).toEqual(
      expect.arrayContaining(['bucket-file-reader', 'helpdesk-pull-ticket']),
    );
    expect(reaches(together, 'bucket-file-reader', 'helpdesk-pull-ticket')).toBe(false);
  });
});

describe('later negations', () => {
  it('drops a step that a later clause rules out', () => {
    const graph = plan(
      "Pull ticket HD-1, write a reply and post it on the ticket. Actually, don't post the reply.",
    );
    expect(agentsOf(graph)).toContain('reply-composer');
    expect(agentsOf(graph)).not.toContain('helpdesk-post-reply');
  });
});
