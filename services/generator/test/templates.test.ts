/** Templates over gRPC: the read-only starter library, a tenant's own templates, and their record of use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, CallContext } from '@dagwright/kit';
import { STARTER_TEMPLATES } from '../src/templates/starter-templates.ts';
import { CATALOG } from './fixtures.ts';
import { putAgents, startGenerator, tenantContext, type GeneratorHarness } from './support.ts';

let h: GeneratorHarness;
let ctx: CallContext;

beforeAll(async () => {
  h = await startGenerator();
  ctx = tenantContext();
  await putAgents(h, ctx, CATALOG);
}, 120_000);

afterAll(async () => {
  await h.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

const freight = {
  id: 'freight-booking',
  name: 'Freight booking',
  description: 'Quote, approve, book.',
  domains: ['logistics'],
  keywords: ['freight', 'carrier', 'pallets'],
  phasesJson: JSON.stringify([
    { name: 'quote', description: 'Get quotes', capabilities: ['quote'] },
    { name: 'book', description: 'Book', capabilities: ['booking'] },
  ]),
  patterns: ['approval-gate'],
  validationRulesJson: JSON.stringify([
    { rule: 'approval-before', capabilities: ['booking'], message: 'bookings need approval' },
  ]),
  requiredAgentTypes: ['booking'],
};

describe('templates', () => {
  it('list the starter library, read-only, to every tenant', async () => {
    const page = await h.templates.listTemplates({ page: { pageSize: 100 } }, tenantContext());
    const builtin = (page.templates as { id: string; builtin: boolean; successRate: number }[]).filter(
      (t) => t.builtin,
    );
    expect(builtin.map((t) => t.id).sort()).toEqual(STARTER_TEMPLATES.map((t) => t.id).sort());
    const error = await failure(h.templates.deleteTemplate({ id: 'accounts-payable' }, ctx));
    expect(error.code).toBe('BUILTIN_TEMPLATE');
    const finance = await h.templates.listTemplates({ domain: 'finance' }, ctx);
    expect((finance.templates as { id: string }[]).map((t) => t.id)).toEqual(['accounts-payable']);
  });

  it('create, read, update and delete a tenant’s own, invisible to other tenants', async () => {
    const created = await h.templates.createTemplate({ template: freight }, ctx);
    expect(created).toMatchObject({ id: 'freight-booking', builtin: false, uses: 0, successRate: 0.5 });
    expect((await failure(h.templates.createTemplate({ template: freight }, ctx))).code).toBe(
      'ALREADY_EXISTS',
    );
    const updated = await h.templates.updateTemplate(
      { template: { ...freight, name: 'Freight booking v2' } },
      ctx,
    );
    expect(updated.name).toBe('Freight booking v2');
    expect(JSON.parse(String(updated.phasesJson))).toHaveLength(2);

    const stranger = tenantContext();
    expect((await failure(h.templates.getTemplate({ id: 'freight-booking' }, stranger))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(h.templates.deleteTemplate({ id: 'freight-booking' }, stranger))).code).toBe(
      'NOT_FOUND',
    );
    expect((await h.templates.getTemplate({ id: 'freight-booking' }, ctx)).name).toBe('Freight booking v2');
  });

  it('refuse invalid templates with the place of each problem', async () => {
    const error = await failure(
      h.templates.createTemplate(
        {
          template: {
            ...freight,
            id: 'bad id!',
            name: '',
            validationRulesJson: JSON.stringify([{ rule: 'approval-before' }]),
            phasesJson: '{',
          },
        },
        ctx,
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details[0]?.path).toBe('/template/phases');
    const rules = await failure(
      h.templates.createTemplate(
        {
          template: {
            ...freight,
            id: 'bad',
            name: '',
            validationRulesJson: JSON.stringify([{ rule: 'nope' }]),
          },
        },
        ctx,
      ),
    );
    expect(rules.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['/template/name', '/template/validationRules/0']),
    );
  });

  it('shape generation and keep a success rate per template', async () => {
    const own = tenantContext();
    await putAgents(h, own, CATALOG);
    await h.templates.createTemplate({ template: { ...freight, id: 'freight-flow' } }, own);
    const statement = 'Get a freight quote for our pallets from Oslo to Berlin and book the carrier.';
    const response = await h.generator.generateWorkflow(
      { problemStatement: statement, agentIds: CATALOG.map((a) => a.id) },
      own,
    );
    const generated = JSON.parse(String(response.generatedJson)) as {
      metadata: { template?: { id: string }; recommendations: string[] };
      graph: { nodes: { type: string }[] };
    };
    expect(generated.metadata.template?.id).toBe('freight-flow');
    const approved = generated.graph.nodes.some((n) => n.type === 'human');
    // The rule's finding is a recommendation, never a silent change to what the statement asked for.
    expect(generated.metadata.recommendations.some((r) => r.startsWith('bookings need approval'))).toBe(
      !approved,
    );
    const after = await h.templates.getTemplate({ id: 'freight-flow' }, own);
    expect(after.uses).toBe(1);
    expect(after.successRate).toBeCloseTo(approved ? (1 + 0.5) / 2 : 0.5 / 2);
  });
});
