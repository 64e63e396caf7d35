import { describe, expect, it } from 'vitest';
import type { Graph } from '@dagwright/workflow';
import { agent } from '../../test/fixtures.ts';
import { STARTER_TEMPLATES } from './starter-templates.ts';
import { checkRules, hasCapability, matchTemplates } from './template-match.ts';
import type { TemplateView } from './template.model.ts';

const views: TemplateView[] = STARTER_TEMPLATES.map((t) => ({
  ...t,
  builtin: true,
  uses: 0,
  successRate: 0.8,
}));
const payInvoice = agent('pay', {
  capabilities: ['schedule-payment'],
  input: { amount: 'number' },
  output: { paymentId: 'string' },
});
const matchPo = agent('match', {
  capabilities: ['match-purchase-order'],
  input: { invoiceId: 'string' },
  output: { amount: 'number' },
});
const catalog = new Map([payInvoice, matchPo].map((a) => [a.id, a]));
const ap = views.find((t) => t.id === 'accounts-payable') as TemplateView;

describe('templates', () => {
  it('match a statement by keywords and domain, best first', () => {
    const found = matchTemplates(
      'Pay the vendor invoice once it matches its purchase order',
      'finance',
      views,
    );
    expect(found[0]?.template.id).toBe('accounts-payable');
    expect(matchTemplates('Say hello', 'general', views)).toEqual([]);
  });

  it('match capabilities by whole words and their stems', () => {
    expect(hasCapability(payInvoice, ['payment'])).toBe(true);
    expect(hasCapability(payInvoice, ['pay'])).toBe(true);
    expect(hasCapability(payInvoice, ['invoice'])).toBe(false);
  });

  //   match ──► pay          (no approval)
  //   approve ──► match ──► pay
  it('report broken rules: a payment nobody approved, and order between capabilities', () => {
    const bare: Graph = {
      executionMode: 'sequential',
      nodes: [
        { id: 'match', name: 'match', type: 'agent', agentId: 'match' },
        { id: 'pay', name: 'pay', type: 'agent', agentId: 'pay' },
      ],
      edges: [{ from: 'match', to: 'pay' }],
    };
    expect(checkRules(ap, bare, catalog)).toEqual(['payments usually need sign-off first']);
    const approved: Graph = {
      ...bare,
      nodes: [...bare.nodes, { id: 'approve', name: 'approve', type: 'human', config: { prompt: 'Pay?' } }],
      edges: [...bare.edges, { from: 'approve', to: 'match' }],
    };
    expect(checkRules(ap, approved, catalog)).toEqual([]);
    const reversed: Graph = {
      ...approved,
      edges: [
        { from: 'approve', to: 'pay' },
        { from: 'pay', to: 'match' },
      ],
    };
    expect(checkRules(ap, reversed, catalog)).toEqual(['match the invoice before paying it']);
  });
});
