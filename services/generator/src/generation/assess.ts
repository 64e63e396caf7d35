import type { Agent, Graph } from '@dagwright/workflow';
import { checkRules } from '../templates/template-match.ts';
import type { TemplateView } from '../templates/template.model.ts';
import { alternativesOf, type Alternative } from './alternatives.ts';
import { estimate, type Estimate } from './estimate.ts';
import type { Constraints } from './request.ts';

/** A valid graph weighed against the request's constraints and the template's rules. */
export interface Assessment {
  /** The primary graph: the draft, or the variant that meets the constraints when the draft does not. */
  graph: Graph;
  primary: Estimate;
  alternatives: Alternative[];
  ruleFindings: string[];
  riskFactors: string[];
  recommendations: string[];
  designDecisions: string[];
}

/**
 * Estimates the graph, finds its variants, swaps in a variant that meets `maxCost`/`maxExecutionTime` when the
 * draft does not (or names the breach as a risk), and checks the template's rules (findings are recommendations).
 */
export function assess(
  draft: Graph,
  catalog: ReadonlyMap<string, Agent>,
  offered: readonly Agent[],
  constraints: Constraints,
  template: TemplateView | undefined,
): Assessment {
  let graph = draft;
  let primary = estimate(graph, catalog);
  const riskFactors: string[] = [];
  const recommendations: string[] = [];
  const designDecisions: string[] = [];
  const variants = alternativesOf(graph, primary, catalog, offered);
  const { maxCost, maxExecutionTime } = constraints;
  const fits = (a: { estimatedCost: number; estimatedDuration: number }) =>
    (maxCost === undefined || a.estimatedCost <= maxCost) &&
    (maxExecutionTime === undefined || a.estimatedDuration <= maxExecutionTime);
  if (!fits(primary)) {
    const fitting = variants.find(fits);
    if (fitting !== undefined) {
      designDecisions.push(
        `chose the ${fitting.kind} variant to meet the constraints: ${fitting.changes.join('; ')}`,
      );
      graph = fitting.graph;
      primary = estimate(graph, catalog);
    } else {
      if (maxCost !== undefined && primary.estimatedCost > maxCost)
        riskFactors.push(`estimated cost ${primary.estimatedCost.toFixed(4)} exceeds maxCost ${maxCost}`);
      if (maxExecutionTime !== undefined && primary.estimatedDuration > maxExecutionTime)
        riskFactors.push(
          `estimated duration ${primary.estimatedDuration} ms exceeds maxExecutionTime ${maxExecutionTime} ms`,
        );
    }
  }
  const ruleFindings = template === undefined ? [] : checkRules(template, graph, catalog);
  recommendations.push(...ruleFindings.map((f) => `${f} (template "${template?.name ?? ''}")`));
  if (primary.humanSteps > 0)
    riskFactors.push('the duration does not include the time a person takes to approve');
  const external = graph.nodes.filter(
    (n) => n.type === 'http' || catalog.get(n.agentId ?? '')?.kind === 'tool',
  );
  if (external.length > 0 && graph.errorHandling !== 'adaptive')
    recommendations.push(
      'consider errorHandling "adaptive" with retries for the steps that call external systems',
    );
  return {
    graph,
    primary,
    alternatives: variants.filter((a) => a.graph !== graph),
    ruleFindings,
    riskFactors,
    recommendations,
    designDecisions,
  };
}
