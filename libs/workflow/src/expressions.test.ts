import { describe, expect, it } from 'vitest';
import { edge } from '../test/builders.ts';
import {
  ExpressionError,
  applyMapping,
  compileExpression,
  evaluateCondition,
  expressionSyntaxError,
  simplePath,
  truthy,
} from './expressions.ts';
import { assembleInput } from './inputs.ts';

async function failure(promise: Promise<unknown>): Promise<ExpressionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected the expression to fail');
}

describe('compileExpression', () => {
  it('evaluates over the given input', async () => {
    const total = compileExpression('$sum(items.(price * qty))');
    expect(
      await total.evaluate({
        items: [
          { price: 2, qty: 3 },
          { price: 1, qty: 4 },
        ],
      }),
    ).toBe(10);
    expect(await compileExpression('missing').evaluate({})).toBeUndefined();
  });

  it('rejects syntax errors with the parser message and position', () => {
    expect(() => compileExpression('amount >')).toThrow(ExpressionError);
    let caught: unknown;
    try {
      compileExpression('a + (b');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'SYNTAX', jsonataCode: 'S0203', source: 'a + (b', position: 6 });
    expect(expressionSyntaxError('a +')).toMatch(/Unexpected end of expression/);
    expect(expressionSyntaxError('a + 1')).toBeUndefined();
  });

  it('rejects absurd nesting before the recursive parser can overflow the stack', () => {
    const deep = '('.repeat(3000) + '1' + ')'.repeat(3000);
    expect(expressionSyntaxError(deep)).toMatch(/nested deeper than 100/);
    // Brackets inside a string literal do not nest.
    expect(expressionSyntaxError(`"${'('.repeat(200)}"`)).toBeUndefined();
  });

  it('stops a runaway tail-recursive loop at the time limit', async () => {
    const started = Date.now();
    const loop = compileExpression('($f := function($n){ $f($n+1) }; $f(0))', { timeoutMs: 100 });
    const error = await failure(loop.evaluate({}));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/timed out.*100 milliseconds/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops deep recursion at the depth limit, before the JS stack overflows', async () => {
    const deep = compileExpression('($f := function($n){ 1 + $f($n+1) }; $f(0))');
    const error = await failure(deep.evaluate({}));
    expect(error.code).toBe('TOO_DEEP');
    expect(error.message).toMatch(/recursed too deeply/);
  });

  it('stops expressions that build huge sequences', async () => {
    const error = await failure(compileExpression('[1..100000]', { maxSequence: 1000 }).evaluate({}));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('sees nothing but its input: no $eval, no prototypes, no host', async () => {
    expect((await failure(compileExpression('$eval("1 + 1")').evaluate({}))).code).toBe('EVALUATION');
    expect(await compileExpression('constructor').evaluate({})).toBeUndefined();
    expect(await compileExpression('a.__proto__').evaluate({ a: {} })).toBeUndefined();
    const escape = compileExpression('$.constructor.constructor("return process")()');
    await expect(escape.evaluate({})).resolves.toBeUndefined();
    expect(await compileExpression('$require').evaluate({})).toBeUndefined();
    expect(await compileExpression('$process').evaluate({})).toBeUndefined();
  });

  it('runs the same compiled expression concurrently, each evaluation with its own clock', async () => {
    const doubled = compileExpression('n * 2');
    const results = await Promise.all([1, 2, 3].map((n) => doubled.evaluate({ n })));
    expect(results).toEqual([2, 4, 6]);
  });
});

describe('conditions', () => {
  it('cast results the way $boolean does', async () => {
    expect(await evaluateCondition('amount > 100', { amount: 150 })).toBe(true);
    expect(await evaluateCondition('amount > 100', { amount: 50 })).toBe(false);
    expect(await evaluateCondition('missing', {})).toBe(false);
    expect(await evaluateCondition('items', { items: [] })).toBe(false);
    expect(await evaluateCondition('items', { items: [0, 'x'] })).toBe(true);
    expect(await evaluateCondition('status', { status: '' })).toBe(false);
  });

  it('truthy covers every JSON value', () => {
    expect([true, 1, -1, 'a', [false, 1], { a: 1 }].map(truthy)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([false, 0, Number.NaN, '', [], [0, ''], {}, null, undefined].map(truthy)).toEqual(
      Array.from({ length: 9 }, () => false),
    );
  });

  it('time out like any other expression', async () => {
    const error = await failure(evaluateCondition('($f := function(){ $f() }; $f())', {}, { timeoutMs: 50 }));
    expect(error.code).toBe('TIMEOUT');
  });
});

describe('mappings and block inputs', () => {
  it('map each target field from the source output, leaving out fields that matched nothing', async () => {
    const output = { summary: { text: 'Hi', words: 1 }, tags: ['a', 'b'] };
    const mapped = await applyMapping({ text: 'summary.text', count: '$count(tags)', none: 'nope' }, output);
    expect(mapped).toEqual({ text: 'Hi', count: 2 });
  });

  it('read the run input as $input, and see an empty object when there is none', async () => {
    const mapping = { to: '$input.recipient', body: 'text', lang: '$input.language' };
    const run = { recipient: 'ops@example.com' };
    expect(await applyMapping(mapping, { text: 'Hallo' }, {}, { input: run })).toEqual({
      to: 'ops@example.com',
      body: 'Hallo',
    });
    expect(await applyMapping(mapping, { text: 'Hallo' })).toEqual({ body: 'Hallo' });
  });

  it('do not let a field named __proto__ reach the prototype', async () => {
    const mapped = await applyMapping({ ['__proto__']: '{"polluted": true}' }, {});
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
    expect(Object.keys(mapped)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  //   fetch {body, status} ──────────────► dst
  //   score (outputs 0.9) ───────────────┘
  //   user {name, id} ──[who: "name"]────┘
  it('assemble a block input by the documented rule', async () => {
    const input = await assembleInput([
      { edge: edge('fetch', 'dst'), output: { body: 'x', status: 200 } },
      { edge: edge('score', 'dst'), output: 0.9 },
      {
        edge: edge('user', 'dst', { mapping: { who: 'name', status: 'id' } }),
        output: { name: 'Ada', id: 7 },
      },
    ]);
    expect(input).toEqual({ body: 'x', status: 7, score: 0.9, who: 'Ada' });
  });

  it('recognise simple paths, the only mappings schema matching can follow', () => {
    expect(simplePath('summary')).toEqual(['summary']);
    expect(simplePath('$.a.b')).toEqual(['a', 'b']);
    expect(simplePath('`odd name`.x')).toEqual(['odd name', 'x']);
    expect(simplePath('a[0]')).toBeUndefined();
    expect(simplePath('a + 1')).toBeUndefined();
    expect(simplePath('$uppercase(a)')).toBeUndefined();
    expect(simplePath('$')).toBeUndefined();
    expect(simplePath('(')).toBeUndefined();
  });
});
