import { type Agent, validateGraph } from '@dagwright/workflow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planWorkflow } from './plan.ts';
import { agent } from './test-catalog.ts';

// Whatever the catalog and however the statement is phrased, the plan is a valid graph over the
// offered agents only.

const VERBS = [
  'fetch',
  'summarize',
  'translate',
  'send',
  'post',
  'score',
  'classify',
  'publish',
  'check',
  'book',
  'draft',
  'load',
];
const NOUNS = [
  'report',
  'ticket',
  'order',
  'invoice',
  'email',
  'records',
  'lead',
  'article',
  'alert',
  'shipment',
  'grade',
  'notes',
];
const FIELDS = [
  'text',
  'records',
  'summary',
  'orderId',
  'email',
  'channel',
  'body',
  'items',
  'url',
  'language',
  'amount',
  'title',
];
const GLUE = [
  ', then ',
  ' and ',
  '. Separately, ',
  '; meanwhile ',
  '. Once that is done, ',
  ' but do not ',
  '. A manager must approve it before we ',
  ' ',
];

const fieldArb = fc.constantFrom(...FIELDS).chain((name) =>
  fc.record({
    name: fc.constant(name),
    type: fc.constantFrom('string', 'array', 'object', 'number'),
  }),
);

const agentArb = fc
  .record({
    verb: fc.constantFrom(...VERBS),
    noun: fc.constantFrom(...NOUNS),
    inputs: fc.uniqueArray(fieldArb, { minLength: 0, maxLength: 3, selector: (f) => f.name }),
    outputs: fc.uniqueArray(fieldArb, { minLength: 1, maxLength: 3, selector: (f) => f.name }),
    requiredCount: fc.nat({ max: 3 }),
  })
  .map(({ verb, noun, inputs, outputs, requiredCount }) =>
    agent(
      `${verb}-${noun}`,
      `${noun} ${verb}er`,
      `${verb}s the ${noun} and returns it.`,
      [`${verb}-${noun}`],
      inputs,
      inputs.slice(0, requiredCount).map((f) => f.name),
      outputs,
    ),
  );

const catalogArb = fc.uniqueArray(agentArb, { minLength: 1, maxLength: 12, selector: (a: Agent) => a.id });

const statementArb = fc
  .array(fc.tuple(fc.constantFrom(...VERBS), fc.constantFrom(...NOUNS), fc.constantFrom(...GLUE)), {
    minLength: 1,
    maxLength: 6,
  })
  .map(
    (parts) =>
      parts.map(([verb, noun, glue]) => `${verb} the ${noun}${glue}`).join('') + ' to ops@example.com.',
  );

describe('planWorkflow on random catalogs', () => {
  it('always returns a graph that validates, over offered agents only', () => {
    fc.assert(
      fc.property(catalogArb, statementArb, (catalog, problemStatement) => {
        const result = planWorkflow({ problemStatement, agents: catalog });
        const validation = validateGraph(result.graph, catalog);
        expect(validation.ok ? [] : validation.errors).toEqual([]);
        const offered = new Set(catalog.map((a) => a.id));
        for (const node of result.graph.nodes)
          if (node.agentId !== undefined) expect(offered.has(node.agentId)).toBe(true);
        expect(result.graph.nodes.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 20_241_124 },
    );
  });
});
