import { type Agent } from '@dagwright/workflow';
import { describe, expect, it } from 'vitest';
import { preferTier, tierOf } from './tier.ts';

const agent = (id: string, costPerCall: number, description: string, capabilities: string[]): Agent =>
  ({ id, name: id, description, capabilities, costPerCall, avgLatencyMs: 100 }) as unknown as Agent;

const instant = agent('instant', 0.001, 'Fast machine translation, good enough for internal reading.', [
  'machine-translation',
]);
const localizer = agent('localizer', 0.04, 'Slower, glossary-aware localization for publication.', [
  'localization',
  'machine-translation',
]);
const poster = agent('poster', 0.0001, 'Quick post to a chat channel.', ['chat-post']);

describe('tierOf', () => {
  it('reads which end of a cheap/thorough pair the statement asks for', () => {
    expect(tierOf('Give me a rough translation, nothing polished.')).toBe('cheap');
    expect(tierOf("It's customer-facing, so have it properly localized.")).toBe('thorough');
    expect(tierOf('Translate the notice and post it.')).toBeUndefined();
  });
});

describe('preferTier', () => {
  it('puts the favoured rival first and keeps the passed-over one out of reach', () => {
    const ranked = [
      { agent: localizer, score: 14 },
      { agent: instant, score: 9.5 },
      { agent: poster, score: 2 },
    ];
    const cheap = preferTier(ranked, 'cheap');
    expect(cheap[0]).toEqual({ agent: instant, score: 14 });
    expect(cheap.find((c) => c.agent === localizer)?.score).toBeLessThan(6);
    expect(preferTier(ranked, 'thorough')).toBe(ranked);
  });

  it('never swaps in an agent that does another job', () => {
    const ranked = [
      { agent: localizer, score: 10 },
      { agent: poster, score: 9 },
    ];
    expect(preferTier(ranked, 'cheap')[0]?.agent).toBe(localizer);
  });
});
