import { describe, expect, it } from 'vitest';
import { agent, block, edge, graph, objectSchema } from '../test/builders.ts';
import { type Block, type Edge } from './model.ts';
import { validateGraph } from './validate.ts';

const writer = agent('writer', {
  inputSchema: objectSchema({ text: 'string', count: 'integer' }, ['text']),
  outputSchema: objectSchema({ draft: 'string' }),
});

/** The SCHEMA_MISMATCH issues of a graph, as "path: message" lines. */
function mismatches(nodes: Block[], edges: Edge[]): string[] {
  const result = validateGraph(graph(nodes, edges), [writer]);
  if (result.ok) return [];
  const unexpected = result.errors.filter((e) => e.code !== 'SCHEMA_MISMATCH');
  expect(unexpected).toEqual([]);
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

const source = (outputSchema: Record<string, unknown>): Block => block('src', 'tool', { outputSchema });
const target = block('dst', 'agent', { agentId: 'writer' });

describe('schema matching between connected blocks', () => {
  //   src {text: string} ──► dst (writer: text required)
  it('passes when the predecessor provides every required property with a fitting type', () => {
    expect(mismatches([source(objectSchema({ text: 'string' })), target], [edge('src', 'dst')])).toEqual([]);
  });

  //   src {body: string} ──► dst (needs text)
  it('reports a required property nobody provides at the schema that requires it', () => {
    expect(mismatches([source(objectSchema({ body: 'string' })), target], [edge('src', 'dst')])).toEqual([
      '/nodes/1/agentId: block "dst" requires input property "text", which none of its predecessors ("src") provides',
    ]);
    const own = block('dst', 'tool', { inputSchema: objectSchema({ title: 'string' }) });
    expect(mismatches([source(objectSchema({ body: 'string' })), own], [edge('src', 'dst')])).toEqual([
      '/nodes/1/inputSchema: block "dst" requires input property "title", which none of its predecessors ("src") provides',
    ]);
  });

  //   a {text} ──► dst ◄── b {count}
  it('takes the union of all predecessors', () => {
    const nodes = [
      block('a', 'tool', { outputSchema: objectSchema({ text: 'string' }) }),
      block('b', 'tool', { outputSchema: objectSchema({ count: 'integer' }) }),
      target,
    ];
    expect(mismatches(nodes, [edge('a', 'dst'), edge('b', 'dst')])).toEqual([]);
  });

  //   src {text: number} ──► dst (text: string)
  it('reports incompatible types at the edge that carries them', () => {
    expect(mismatches([source(objectSchema({ text: 'number' })), target], [edge('src', 'dst')])).toEqual([
      '/edges/0: "text" from "src" is number, but block "dst" expects string',
    ]);
  });

  //   src {text: string, count: number|integer} ──► dst (count: integer)
  it('lets integer satisfy number but not the other way round', () => {
    const numberToInteger = source(objectSchema({ text: 'string', count: 'number' }));
    expect(mismatches([numberToInteger, target], [edge('src', 'dst')])).toEqual([
      '/edges/0: "count" from "src" is number, but block "dst" expects integer',
    ]);
    const own = block('dst', 'tool', { inputSchema: objectSchema({ n: 'number' }) });
    expect(mismatches([source(objectSchema({ n: 'integer' })), own], [edge('src', 'dst')])).toEqual([]);
  });

  //   src {body} ──[text: "body"]──► dst        src {body} ──[text: "missing"]──► dst
  it('follows mappings: a simple path must exist in the source output', () => {
    const src = source(objectSchema({ body: 'string', meta: 'object' }));
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: 'body' } })])).toEqual([]);
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: '$.body' } })])).toEqual([]);
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: 'missing.deep' } })])).toEqual([
      '/edges/0/mapping/text: the output of "src" has no property "missing"',
    ]);
  });

  //   src {body: number} ──[text: "$string(body)"]──► dst
  it('trusts computed mappings, and type-checks simple ones', () => {
    const src = source(objectSchema({ body: 'number' }));
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: '$string(body)' } })])).toEqual(
      [],
    );
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: 'body' } })])).toEqual([
      '/edges/0/mapping/text: "text" from "src" is number, but block "dst" expects string',
    ]);
  });

  //   src {user: {age: integer}} ──[text: "user.age"]──► dst (text: string)
  it('resolves nested paths through properties', () => {
    const src = source({
      type: 'object',
      properties: { user: { type: 'object', properties: { age: { type: 'integer' } } } },
    });
    expect(mismatches([src, target], [edge('src', 'dst', { mapping: { text: 'user.age' } })])).toEqual([
      '/edges/0/mapping/text: "text" from "src" is integer, but block "dst" expects string',
    ]);
  });

  //   src (no schema) ──► dst        src {allOf ...} ──► dst
  it('treats blocks without a readable schema as providing anything', () => {
    expect(mismatches([block('src'), target], [edge('src', 'dst')])).toEqual([]);
    const opaque = source({ allOf: [{ type: 'object' }] });
    expect(mismatches([opaque, target], [edge('src', 'dst')])).toEqual([]);
  });

  //   dst (a root: it gets the run input)
  it('does not check roots, whose input is the run input', () => {
    expect(mismatches([target], [])).toEqual([]);
  });

  //   src {text: number} ──► route (condition) ──► wait (delay) ──► dst (text: string)
  it('looks through condition and delay blocks, which pass their input on', () => {
    const nodes = [
      source(objectSchema({ text: 'number' })),
      block('route', 'condition'),
      block('wait', 'delay'),
      target,
    ];
    const edges = [edge('src', 'route'), edge('route', 'wait', { condition: 'true' }), edge('wait', 'dst')];
    expect(mismatches(nodes, edges)).toEqual([
      '/edges/2: "text" from "src" is number, but block "dst" expects string',
    ]);
  });

  //   total (outputs a number) ──► dst (needs text)        text (outputs a string) ──► dst
  it('files non-object outputs under the producing block id', () => {
    const text = block('text', 'transform', { outputSchema: { type: 'string' } });
    expect(mismatches([text, target], [edge('text', 'dst')])).toEqual([]);
    const total = block('total', 'transform', { outputSchema: { type: 'number' } });
    expect(mismatches([total, target], [edge('total', 'dst')])).toEqual([
      '/nodes/1/agentId: block "dst" requires input property "text", which none of its predecessors ("total") provides',
    ]);
  });

  //   src (outputSchema invalid) ──► dst
  it('ignores schemas already reported as invalid', () => {
    const result = validateGraph(
      graph([source({ type: 'object', properties: 3 }), target], [edge('src', 'dst')]),
      [writer],
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['INVALID_JSON_SCHEMA']);
  });
});
