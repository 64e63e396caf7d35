import { reachableFrom, type Agent, type Graph } from '@dagwright/workflow';
import { contentWords } from '../generation/analyse.ts';
import type { TemplateView } from './template.model.ts';

/** A template that fits a statement, with how well. */
export interface TemplateMatch {
  template: TemplateView;
  score: number;
}

/** Least score for a template to shape a generation. */
const MIN_SCORE = 2;

/** Ranks templates for a statement: keywords it uses count 1 (phrases 2), a matching domain 1. */
export function matchTemplates(
  statement: string,
  domain: string,
  templates: readonly TemplateView[],
): TemplateMatch[] {
  const text = statement.toLowerCase();
  const words = contentWords(statement);
  return templates
    .map((template) => {
      let score = 0;
      for (const keyword of template.keywords) {
        const k = keyword.toLowerCase();
        if (k.includes(' ')) score += text.includes(k) ? 2 : 0;
        else if (words.has(k)) score += 1;
      }
      if (template.domains.includes(domain)) score += 1;
      // Templates that worked before win ties.
      return { template, score: score + template.successRate * 0.5 };
    })
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.template.id.localeCompare(b.template.id));
}

/** Whether an agent has a capability named by a template (`payment` matches `schedule-payment`). */
export function hasCapability(agent: Agent | undefined, wanted: readonly string[]): boolean {
  if (agent === undefined) return false;
  return agent.capabilities.some((capability) => {
    const c = capability.toLowerCase();
    return wanted.some(
      (w) => c === w.toLowerCase() || c.split(/[-_\s]/).some((part) => part.startsWith(w.toLowerCase())),
    );
  });
}

/** What a template's rules find in a graph: one message per broken rule. */
export function checkRules(
  template: TemplateView,
  graph: Graph,
  catalog: ReadonlyMap<string, Agent>,
): string[] {
  const agentOf = (id: string) => {
    const agentId = graph.nodes.find((n) => n.id === id)?.agentId;
    return agentId === undefined ? undefined : catalog.get(agentId);
  };
  const blocksWith = (caps: readonly string[]) =>
    graph.nodes.filter((n) => hasCapability(agentOf(n.id), caps));
  const findings: string[] = [];
  for (const rule of template.validationRules) {
    if (rule.rule === 'requires') {
      if (blocksWith(rule.capabilities).length === 0) findings.push(rule.message);
    } else if (rule.rule === 'approval-before') {
      const guarded = new Set(
        graph.nodes.filter((n) => n.type === 'human').flatMap((n) => [...reachableFrom(graph, n.id)]),
      );
      if (blocksWith(rule.capabilities).some((b) => !guarded.has(b.id))) findings.push(rule.message);
    } else {
      const before = blocksWith(rule.before);
      const after = blocksWith(rule.after);
      if (before.length === 0 || after.length === 0) continue;
      const reached = new Set(before.flatMap((b) => [...reachableFrom(graph, b.id)]));
      if (after.some((a) => !reached.has(a.id))) findings.push(rule.message);
    }
  }
  return findings;
}
