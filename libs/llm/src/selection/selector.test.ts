import { describe, expect, it } from 'vitest';
import { LOCAL_MODEL } from '../catalog.ts';
import type { CapabilityType, ModelProvider } from './model-provider.ts';
import { selectModel, type SuccessStats } from './selector.ts';
import { InMemorySuccessRates } from './success-rates.ts';

function model(
  id: string,
  strength: number,
  perMillion: number,
  latencyMs: number,
  extra: Partial<ModelProvider> = {},
): ModelProvider {
  const types: CapabilityType[] = ['generation', 'optimization', 'validation', 'reasoning'];
  return {
    id,
    name: id,
    type: 'openai',
    model: `${id}-model`,
    capabilities: types.map((type) => ({ type, strength, domains: [] })),
    costPerToken: { input: perMillion / 1e6, output: perMillion / 1e6 },
    maxTokens: 128_000,
    specializations: [],
    typicalLatencyMs: latencyMs,
    ...extra,
  };
}

// Four candidates, each best at one thing: the strongest is dearest and slowest; the reliable one has
// the best record.
const accurate = model('accurate', 0.95, 10, 3000);
const cheap = model('cheap', 0.6, 0.1, 1500);
const fast = model('fast', 0.6, 2, 300);
const reliable = model('reliable', 0.7, 2, 1500);
const CANDIDATES = [accurate, cheap, fast, reliable];
const RECORD: Record<string, SuccessStats> = {
  accurate: { successes: 60, total: 100 },
  cheap: { successes: 60, total: 100 },
  fast: { successes: 60, total: 100 },
  reliable: { successes: 100, total: 100 },
};

describe('selectModel', () => {
  it.each([
    ['accuracy', 'accurate'],
    ['cost', 'cheap'],
    ['speed', 'fast'],
    ['reliability', 'reliable'],
  ] as const)('optimizing for %s picks the %s model and says why', (optimizeFor, expected) => {
    const selection = selectModel(CANDIDATES, { task: 'generation', optimizeFor, successRates: RECORD });
    expect(selection?.model.id).toBe(expected);
    expect(selection?.reason).toContain(`chose '${expected}'`);
    expect(selection?.reason).toContain(`optimizing for ${optimizeFor}`);
    expect(selection?.ranking.map((r) => r.id)).toHaveLength(4);
    expect(selection?.ranking[0]?.total).toBeGreaterThan(selection?.ranking[1]?.total ?? 1);
  });

  it('lets learned success rates overturn a choice', () => {
    const request = { task: 'generation', optimizeFor: 'accuracy' } as const;
    expect(selectModel([accurate, reliable], request)?.model.id).toBe('accurate');
    const record = { accurate: { successes: 10, total: 100 }, reliable: { successes: 99, total: 100 } };
    expect(selectModel([accurate, reliable], { ...request, successRates: record })?.model.id).toBe(
      'reliable',
    );
  });

  it('only considers models that declare the task for the domain, and favours specialists', () => {
    const lawyer = model('lawyer', 0.7, 2, 1500, {
      capabilities: [{ type: 'generation', strength: 0.7, domains: ['legal'] }],
      specializations: ['legal'],
    });
    const general = model('general', 0.7, 2, 1500);
    const legal = selectModel([general, lawyer], {
      task: 'generation',
      domain: 'legal',
      optimizeFor: 'accuracy',
    });
    expect(legal?.model.id).toBe('lawyer');
    const medical = selectModel([general, lawyer], {
      task: 'generation',
      domain: 'medical',
      optimizeFor: 'accuracy',
    });
    expect(medical?.model.id).toBe('general');
    expect(medical?.ranking.find((r) => r.id === 'lawyer')).toMatchObject({ eligible: false });
    expect(medical?.reason).toContain('not eligible: lawyer');
  });

  it('picks the free local engine for its own domains when cost matters, a real model when accuracy does', () => {
    const mini = model('openai', 0.75, 0.4, 1200);
    const request = { task: 'generation', domain: 'summarization' } as const;
    expect(selectModel([mini, LOCAL_MODEL], { ...request, optimizeFor: 'cost' })?.model.id).toBe('local');
    expect(selectModel([mini, LOCAL_MODEL], { ...request, optimizeFor: 'accuracy' })?.model.id).toBe(
      'openai',
    );
    expect(selectModel([mini, LOCAL_MODEL], { task: 'generation', optimizeFor: 'cost' })?.model.id).toBe(
      'openai',
    );
  });

  it('falls back to the local engine when no model declares the task, and to nothing without it', () => {
    const selection = selectModel([LOCAL_MODEL], { task: 'reasoning', optimizeFor: 'accuracy' });
    expect(selection?.model.id).toBe('local');
    expect(selection?.reason).toContain('no configured model declares reasoning');
    expect(selectModel([], { task: 'reasoning', optimizeFor: 'accuracy' })).toBeUndefined();
  });
});

describe('InMemorySuccessRates', () => {
  it('reports outcomes per model, in a domain where known and for the whole task otherwise', async () => {
    const rates = new InMemorySuccessRates();
    rates.record('openai', 'generation', 'legal', true);
    rates.record('openai', 'generation', 'legal', false);
    rates.record('openai', 'generation', undefined, true);
    rates.record('anthropic', 'generation', 'medical', true);
    rates.record('anthropic', 'validation', undefined, false);
    expect(await rates.ratesFor('generation', 'legal')).toEqual({
      openai: { successes: 1, total: 2 },
      anthropic: { successes: 1, total: 1 },
    });
    expect(await rates.ratesFor('generation')).toEqual({
      openai: { successes: 2, total: 3 },
      anthropic: { successes: 1, total: 1 },
    });
    expect(await rates.ratesFor('validation')).toEqual({ anthropic: { successes: 0, total: 1 } });
  });
});
