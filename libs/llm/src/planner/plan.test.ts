import { UserError } from '@dagwright/kit';
import { type Graph, validateGraph } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { planWorkflow } from './plan.ts';
import { CATALOG, reaches } from './test-catalog.ts';

const agentsOf = (graph: Graph): string[] =>
  graph.nodes.flatMap((n) => (n.agentId === undefined ? [] : [n.agentId]));
const plan = (problemStatement: string) => planWorkflow({ problemStatement, agents: CATALOG });

describe('planWorkflow', () => {
  it('ranks the agent the clause names above its look-alikes', () => {
    const result = plan(
      'Look up the book with ISBN 978-0-14-044913-6 and condense its blurb into two sentences.',
    );
    expect(agentsOf(result.graph)).toEqual(['fetch-catalog-entry', 'summarize-book-blurb']);
    expect(result.selected[0]?.reasons.join(' ')).toMatch(/matches/);
  });

  it('orders steps by the data they pass and maps renamed fields', () => {
    const result = plan(
      'Summarize the blurb of ISBN 978-1-86197-876-9, then translate the summary into German.',
    );
    const graph = result.graph;
    expect(reaches(graph, 'fetch-catalog-entry', 'summarize-book-blurb')).toBe(true);
    expect(reaches(graph, 'summarize-book-blurb', 'translate-passage')).toBe(true);
    const edge = graph.edges.find((e) => e.from === 'summarize-book-blurb' && e.to === 'translate-passage');
    expect(edge?.mapping?.text).toBe('summary');
    expect(result.suggestedInput).toMatchObject({ targetLanguage: 'de' });
  });

  it('drops what the statement rules out and says why', () => {
    const result = plan(
      'Read the lasagne recipe from the recipe box and build a shopping list, but do not order any groceries.',
    );
    expect(agentsOf(result.graph)).toEqual(['fetch-recipe', 'build-shopping-list']);
    expect(result.ruledOut).toContainEqual(expect.objectContaining({ agentId: 'place-grocery-order' }));
  });

  it('runs branches the statement sets apart in parallel', () => {
    const result = plan(
      'Read the pancake recipe from the recipe box and scale it to 8 servings. Separately, look up ISBN 978-0-7432-7356-5 and post its blurb to #kitchen.',
    );
    const graph = result.graph;
    expect(reaches(graph, 'fetch-recipe', 'scale-recipe')).toBe(true);
    expect(reaches(graph, 'fetch-catalog-entry', 'post-chat-message')).toBe(true);
    for (const a of ['fetch-recipe', 'scale-recipe']) {
      for (const b of ['fetch-catalog-entry', 'post-chat-message']) {
        expect(reaches(graph, a, b) || reaches(graph, b, a)).toBe(false);
      }
    }
  });

  it('puts a human approval after what is reviewed and before what must wait', () => {
    const result = plan(
      'Build a shopping list from the chili recipe in the recipe box; my partner has to approve the list before anything is ordered from the grocery service.',
    );
    const graph = result.graph;
    const human = graph.nodes.find((n) => n.type === 'human');
    expect(String(human?.config?.prompt)).toMatch(/approve/);
    const id = human?.id ?? 'no human block';
    expect(reaches(graph, 'build-shopping-list', id)).toBe(true);
    expect(reaches(graph, id, 'place-grocery-order')).toBe(true);
  });

  it('adds no human step when nobody is asked to approve', () => {
    const result = plan(
      'Read the soup recipe from the recipe box, build a shopping list and order the groceries.',
    );
    expect(result.graph.nodes.some((n) => n.type === 'human')).toBe(false);
    expect(reaches(result.graph, 'build-shopping-list', 'place-grocery-order')).toBe(true);
  });

  it('reports an action no offered agent performs instead of inventing one', () => {
    const result = plan('Look up ISBN 978-0-14-044913-6 and fax the blurb to the bookshop.');
    expect(result.missingCapabilities.join(' ')).toMatch(/fax/);
    expect(agentsOf(result.graph)).toContain('fetch-catalog-entry');
  });

  it('returns a graph that validates against the offered agents, with values for the run input', () => {
    const result = plan('Summarize the blurb of ISBN 978-1-86197-876-9 and email it to reader@example.org.');
    expect(validateGraph(result.graph, CATALOG)).toMatchObject({ ok: true });
    expect(result.graph.executionMode).toBe('hybrid');
    expect(result.suggestedInput).toMatchObject({ to: ['reader@example.org'] });
  });

  it('is deterministic', () => {
    const statement =
      'Read the curry recipe from the recipe box, scale it to 6 servings and email the list to me@example.org.';
    expect(plan(statement)).toEqual(plan(statement));
  });

  it('honours excluded agents and preferences', () => {
    const result = planWorkflow({
      problemStatement: 'Post the blurb of ISBN 978-0-14-044913-6 to #kitchen.',
      agents: CATALOG,
      constraints: { excludedAgents: ['post-chat-message'] },
      preferences: { executionMode: 'sequential', errorHandling: 'strict' },
    });
    expect(agentsOf(result.graph)).not.toContain('post-chat-message');
    expect(result.ruledOut).toContainEqual({
      agentId: 'post-chat-message',
      reason: 'excluded by the constraints',
    });
    expect(result.graph).toMatchObject({ executionMode: 'sequential', errorHandling: 'strict' });
  });

  it('rejects a request it cannot plan with a structured error', () => {
    expect(() => planWorkflow({ problemStatement: '  ', agents: CATALOG })).toThrow(UserError);
    try {
      planWorkflow({ problemStatement: 'do it', agents: [...CATALOG.slice(0, 1), ...CATALOG.slice(0, 1)] });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'PLAN_INVALID_REQUEST', details: [{ path: '/agents/1/id' }] });
    }
  });
});
