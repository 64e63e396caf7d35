import { describe, expect, it } from 'vitest';
import { agent, block, edge, graph, objectSchema } from '../test/builders.ts';
import { ISSUE_CODES, type IssueCode, type ValidationIssue } from './issues.ts';
import { LIMITS } from './model.ts';
import { type ValidationResult, validateAgent, validateGraph } from './validate.ts';

const covered = new Set<IssueCode>();

function errorsOf(result: ValidationResult): ValidationIssue[] {
  if (result.ok) throw new Error('expected the graph to be rejected');
  return result.errors;
}

/** Asserts that `code` was reported at `path`, and remembers the code for the coverage check. */
function expectIssue(result: ValidationResult, code: IssueCode, path: string): ValidationIssue {
  covered.add(code);
  const errors = errorsOf(result);
  const found = errors.find((e) => e.code === code && e.path === path);
  expect(found, `${code} at ${path} in ${JSON.stringify(errors, null, 2)}`).toBeDefined();
  return found as ValidationIssue;
}

const summarizer = agent('summarizer', {
  inputSchema: objectSchema({ text: 'string' }),
  outputSchema: objectSchema({ summary: 'string' }),
});
const fetcher = agent('fetcher', { kind: 'tool' });
const catalog = [summarizer, fetcher];

describe('validateGraph accepts', () => {
  //   fetch ──► summarize ──► route ──► publish
  //                             └─────► review
  it('a well-formed graph and returns it typed', () => {
    const input = graph(
      [
        block('fetch', 'http', { outputSchema: objectSchema({ text: 'string' }) }),
        block('summarize', 'agent', { agentId: 'summarizer' }),
        block('route', 'condition'),
        block('publish', 'tool', { agentId: 'fetcher' }),
        block('review', 'human'),
      ],
      [
        edge('fetch', 'summarize'),
        edge('summarize', 'route'),
        edge('route', 'publish', { condition: '$length(summary) > 10', mapping: { body: 'summary' } }),
        edge('route', 'review', { condition: '$length(summary) <= 10' }),
      ],
    );
    const result = validateGraph(input, new Map(catalog.map((a) => [a.id, a])));
    expect(result).toEqual({ ok: true, graph: input });
  });
});

describe('validateGraph rejects, with code and path', () => {
  it('input too big or too deep to check safely', () => {
    let deep: unknown = {};
    for (let i = 0; i < LIMITS.depth + 5; i++) deep = { nested: deep };
    expectIssue(validateGraph(deep, []), 'INPUT_TOO_LARGE', '');
    const huge = { nodes: Array.from({ length: LIMITS.values }, () => [1, 2]) };
    expectIssue(validateGraph(huge, []), 'INPUT_TOO_LARGE', '');
  });

  it('a shape that is not a graph, naming each bad field', () => {
    const result = validateGraph({ nodes: [{ id: 'bad id!', type: 'robot', extra: 1 }], edges: 'none' }, []);
    expectIssue(result, 'INVALID_STRUCTURE', '/executionMode');
    expectIssue(result, 'INVALID_STRUCTURE', '/nodes/0/id');
    expectIssue(result, 'INVALID_STRUCTURE', '/nodes/0/name');
    expectIssue(result, 'INVALID_STRUCTURE', '/nodes/0/type');
    expectIssue(result, 'INVALID_STRUCTURE', '/nodes/0/extra');
    expectIssue(result, 'INVALID_STRUCTURE', '/edges');
    expect(validateGraph('not a graph', []).ok).toBe(false);
  });

  it('more blocks than the limit', () => {
    const nodes = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => block(`b${i}`));
    expectIssue(validateGraph(graph(nodes), []), 'INVALID_STRUCTURE', '/nodes');
  });

  //   call (http, config without url)
  it('a block config that does not fit its type', () => {
    const input = graph([block('call', 'http', { config: { method: 'FETCH' } })]);
    const result = validateGraph(input, []);
    expectIssue(result, 'INVALID_BLOCK_CONFIG', '/nodes/0/config/url');
    expectIssue(result, 'INVALID_BLOCK_CONFIG', '/nodes/0/config/method');
    const wait = graph([block('wait', 'delay', { config: { ms: 86_400_001 } })]);
    expectIssue(validateGraph(wait, []), 'INVALID_BLOCK_CONFIG', '/nodes/0/config/ms');
  });

  //   ask (human, config.inputSchema broken)      parse (outputSchema broken)
  it('embedded JSON Schemas that are not JSON Schemas', () => {
    const input = graph([
      block('ask', 'human', { config: { prompt: 'Why?', inputSchema: { type: 'text' } } }),
      block('parse', 'tool', { outputSchema: { type: 'object', required: 'all' } }),
    ]);
    const result = validateGraph(input, []);
    expectIssue(result, 'INVALID_JSON_SCHEMA', '/nodes/0/config/inputSchema/type');
    expectIssue(result, 'INVALID_JSON_SCHEMA', '/nodes/1/outputSchema/required');
  });

  it('a graph without blocks', () => {
    expectIssue(validateGraph(graph([]), []), 'EMPTY_GRAPH', '/nodes');
  });

  //   a    a    (the same id twice)
  it('two blocks with the same id', () => {
    const result = validateGraph(graph([block('a'), block('a')]), []);
    expect(expectIssue(result, 'DUPLICATE_BLOCK_ID', '/nodes/1/id').message).toContain('/nodes/0');
  });

  //   ghost ──► a ──► nowhere
  it('edges from or to blocks that do not exist', () => {
    const result = validateGraph(graph([block('a')], [edge('ghost', 'a'), edge('a', 'nowhere')]), []);
    expectIssue(result, 'UNKNOWN_EDGE_SOURCE', '/edges/0/from');
    expectIssue(result, 'UNKNOWN_EDGE_TARGET', '/edges/1/to');
  });

  //   a ──► a
  it('a block depending on itself', () => {
    expectIssue(validateGraph(graph([block('a')], [edge('a', 'a')]), []), 'SELF_LOOP', '/edges/0');
  });

  //   a ══► b   (two edges a → b)
  it('the same edge twice', () => {
    const result = validateGraph(graph([block('a'), block('b')], [edge('a', 'b'), edge('a', 'b')]), []);
    expectIssue(result, 'DUPLICATE_EDGE', '/edges/1');
  });

  //   start ──► a ──► b ──► c
  //             ▲           │
  //             └───────────┘
  it('a cycle, naming its blocks and the edge that closes it', () => {
    const input = graph(
      [block('start'), block('a'), block('b'), block('c')],
      [edge('start', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a')],
    );
    const found = expectIssue(validateGraph(input, []), 'CYCLE', '/edges/3');
    expect(found.message).toBe('blocks form a cycle: a → b → c → a');
  });

  //   a ──► b
  //   ▲     │
  //   └─────┘
  it('a graph where every block has an incoming edge', () => {
    const result = validateGraph(graph([block('a'), block('b')], [edge('a', 'b'), edge('b', 'a')]), []);
    expectIssue(result, 'NO_ROOT', '/nodes');
    expectIssue(result, 'CYCLE', '/edges/1');
  });

  //   root ──► ok        x ──► y
  //                      ▲     │
  //                      └─────┘
  it('blocks that no root reaches', () => {
    const input = graph(
      [block('root'), block('ok'), block('x'), block('y')],
      [edge('root', 'ok'), edge('x', 'y'), edge('y', 'x')],
    );
    const result = validateGraph(input, []);
    expectIssue(result, 'UNREACHABLE_BLOCK', '/nodes/2');
    expectIssue(result, 'UNREACHABLE_BLOCK', '/nodes/3');
    expect(errorsOf(result).filter((e) => e.code === 'UNREACHABLE_BLOCK')).toHaveLength(2);
  });

  it('agent blocks without an agent, with an unknown agent, or with one of the wrong kind', () => {
    const input = graph([
      block('no-agent', 'agent'),
      block('unknown', 'agent', { agentId: 'nobody' }),
      block('tool-calls-llm', 'tool', { agentId: 'summarizer' }),
      block('transform-calls-agent', 'transform', { agentId: 'fetcher' }),
    ]);
    const result = validateGraph(input, catalog);
    expectIssue(result, 'MISSING_AGENT_ID', '/nodes/0/agentId');
    expectIssue(result, 'UNKNOWN_AGENT', '/nodes/1/agentId');
    expectIssue(result, 'AGENT_KIND_MISMATCH', '/nodes/2/agentId');
    expectIssue(result, 'AGENT_NOT_ALLOWED', '/nodes/3/agentId');
  });

  it('tool blocks naming a tool the engine does not have, when the tools are given', () => {
    const input = graph([block('t', 'tool', { config: { tool: 'teleport' } })]);
    expectIssue(
      validateGraph(input, [], { tools: ['noop', 'http_get'] }),
      'UNKNOWN_TOOL',
      '/nodes/0/config/tool',
    );
    expect(validateGraph(input, []).ok).toBe(true);
  });

  //   route ──[cond: "amount >"]──► pay ──[mapping total: "amount +"]──► shape (transform "$$$")
  it('conditions, mappings and transforms that do not parse, with the parser message', () => {
    const input = graph(
      [
        block('route', 'condition'),
        block('pay'),
        block('shape', 'transform', { config: { expression: '(' } }),
      ],
      [
        edge('route', 'pay', { condition: 'amount >' }),
        edge('pay', 'shape', { mapping: { total: 'amount +' } }),
      ],
    );
    const result = validateGraph(input, []);
    const condition = expectIssue(result, 'INVALID_EXPRESSION', '/edges/0/condition');
    expect(condition.message).toMatch(/Unexpected end of expression/);
    expectIssue(result, 'INVALID_EXPRESSION', '/edges/1/mapping/total');
    expectIssue(result, 'INVALID_EXPRESSION', '/nodes/2/config/expression');
  });

  //   a ──[cond]──► b     (a is a tool, not a condition block)
  it('a condition on an edge that does not leave a condition block', () => {
    const result = validateGraph(graph([block('a'), block('b')], [edge('a', 'b', { condition: 'ok' })]), []);
    expectIssue(result, 'CONDITION_NOT_ALLOWED', '/edges/0/condition');
  });

  it('a fallback that does not exist or is the block itself', () => {
    const input = graph(
      [block('a', 'tool', { fallback: 'missing' }), block('b', 'tool', { fallback: 'b' })],
      [],
      {
        errorHandling: 'adaptive',
      },
    );
    const result = validateGraph(input, []);
    expectIssue(result, 'UNKNOWN_FALLBACK', '/nodes/0/fallback');
    expectIssue(result, 'SELF_FALLBACK', '/nodes/1/fallback');
  });

  //   fetch {body: number} ──► summarize (needs text: string)
  it('a required input that no predecessor provides', () => {
    const input = graph(
      [
        block('fetch', 'http', { outputSchema: objectSchema({ body: 'number' }) }),
        block('sum', 'agent', { agentId: 'summarizer' }),
      ],
      [edge('fetch', 'sum')],
    );
    const found = expectIssue(validateGraph(input, catalog), 'SCHEMA_MISMATCH', '/nodes/1/agentId');
    expect(found.message).toContain('"text"');
  });

  it('more issues than asked for, cut off with a count', () => {
    const nodes = Array.from({ length: 10 }, () => block('same'));
    const errors = errorsOf(validateGraph(graph(nodes), [], { maxIssues: 3 }));
    expect(errors).toHaveLength(4);
    expectIssue({ ok: false, errors }, 'TOO_MANY_ISSUES', '');
    expect(errors[3]?.message).toBe('6 more issues not shown');
  });

  //   a ──► b ──► a        ghost ──► c        d (agent "nobody")        c ──[cond "x >"]──► e
  it('a graph with several problems, reporting all of them', () => {
    const input = graph(
      [
        block('a'),
        block('b'),
        block('c'),
        block('d', 'agent', { agentId: 'nobody' }),
        block('c'),
        block('e'),
      ],
      [edge('a', 'b'), edge('b', 'a'), edge('ghost', 'c'), edge('c', 'e', { condition: 'x >' })],
    );
    const errors = errorsOf(validateGraph(input, catalog));
    const summary = errors.map((e) => `${e.code} ${e.path}`).sort();
    expect(summary).toEqual(
      [
        'CONDITION_NOT_ALLOWED /edges/3/condition',
        'CYCLE /edges/1',
        'DUPLICATE_BLOCK_ID /nodes/4/id',
        'INVALID_EXPRESSION /edges/3/condition',
        'UNKNOWN_AGENT /nodes/3/agentId',
        'UNKNOWN_EDGE_SOURCE /edges/2/from',
        'UNREACHABLE_BLOCK /nodes/0',
        'UNREACHABLE_BLOCK /nodes/1',
      ].sort(),
    );
  });
});

describe('validateAgent', () => {
  it('accepts a catalog agent and rejects a broken one with paths', () => {
    expect(validateAgent(summarizer)).toEqual({ ok: true, agent: summarizer });
    const result = validateAgent({ ...summarizer, costPerCall: -1, outputSchema: { type: 7 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['/costPerCall']);
    const badSchema = validateAgent({ ...summarizer, outputSchema: { type: 'seven' } });
    expect(badSchema.ok ? [] : badSchema.errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'INVALID_JSON_SCHEMA /outputSchema/type',
    ]);
  });
});

// Runs last (tests in a file run in order): every code the validator emits has an example above.
it('has an example for every issue code', () => {
  const missing = ISSUE_CODES.filter((code) => code !== 'INVALID_DATA' && !covered.has(code));
  expect(missing).toEqual([]);
});
