import { describe, expect, it } from 'vitest';
import { block, edge, graph } from '../test/builders.ts';
import { activeBlocks, joinDecision } from './branches.ts';

describe('joinDecision', () => {
  it('runs roots, waits for pending edges, then runs on any fired edge and skips on none', () => {
    expect(joinDecision([])).toBe('run');
    expect(joinDecision(['fired', 'pending'])).toBe('wait');
    expect(joinDecision(['dead', 'pending'])).toBe('wait');
    expect(joinDecision(['dead', 'fired'])).toBe('run');
    expect(joinDecision(['fired', 'fired'])).toBe('run');
    expect(joinDecision(['dead', 'dead'])).toBe('skip');
  });
});

//   fetch ──► check ──[ok]────► approve ──► notify ──► audit
//               │                            ▲
//               └──[!ok]──► reject ──────────┘
//               └─────────► log          (no condition: always taken)
const branching = graph(
  [
    block('fetch'),
    block('check', 'condition'),
    block('approve'),
    block('reject'),
    block('notify'),
    block('log'),
    block('audit'),
  ],
  [
    edge('fetch', 'check'),
    edge('check', 'approve', { condition: 'ok' }),
    edge('check', 'reject', { condition: '$not(ok)' }),
    edge('check', 'log'),
    edge('approve', 'notify'),
    edge('reject', 'notify'),
    edge('notify', 'audit'),
  ],
);
const all = ['fetch', 'check', 'approve', 'reject', 'notify', 'log', 'audit'];

describe('activeBlocks', () => {
  it('keeps every branch open while the condition block has not decided', () => {
    expect(activeBlocks(branching)).toEqual(new Set(all));
  });

  it('skips the branch not taken, and still runs the join after it', () => {
    const active = activeBlocks(branching, { check: ['approve'] });
    expect(active).toEqual(new Set(all.filter((id) => id !== 'reject')));
    expect(activeBlocks(branching, new Map([['check', ['reject']]]))).toEqual(
      new Set(all.filter((id) => id !== 'approve')),
    );
  });

  it('skips everything behind a condition block that took no conditional edge, except unconditional ones', () => {
    expect(activeBlocks(branching, { check: [] })).toEqual(new Set(['fetch', 'check', 'log']));
  });

  //   a ──► route ──[x]──► b ──► c
  //           └─────[y]──► d
  it('propagates a skip down a whole branch', () => {
    const g = graph(
      [block('a'), block('route', 'condition'), block('b'), block('c'), block('d')],
      [
        edge('a', 'route'),
        edge('route', 'b', { condition: 'x' }),
        edge('b', 'c'),
        edge('route', 'd', { condition: 'y' }),
      ],
    );
    expect(activeBlocks(g, { route: ['d'] })).toEqual(new Set(['a', 'route', 'd']));
  });
});
