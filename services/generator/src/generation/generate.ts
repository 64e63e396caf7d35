import { performance } from 'node:perf_hooks';
import { UserError, ValidationError, type CallContext, type Logger } from '@dagwright/kit';
import type { Agent, Graph } from '@dagwright/workflow';
import type { EngineCatalog } from '../engine.client.ts';
import { hasCapability, matchTemplates } from '../templates/template-match.ts';
import type { TemplateRepository } from '../templates/template.repository.ts';
import type { Alternative } from './alternatives.ts';
import { assess } from './assess.ts';
import { analyse, refine, type Complexity } from './analyse.ts';
import type { Draft, Drafter, DraftInput } from './draft.ts';
import { validateAndRepair } from './repair.ts';
import type { GenerationRequest } from './request.ts';

/** The seed's GeneratedWorkflow. */
export interface GeneratedWorkflow {
  graph: Graph;
  metadata: {
    confidence: number;
    estimatedCost: number;
    estimatedDuration: number;
    complexity: Complexity;
    domain: string;
    riskFactors: string[];
    recommendations: string[];
    missingCapabilities: string[];
    criticalPath: string[];
    suggestedInput: Record<string, unknown>;
    /** Fields the run input must carry (no step provides them). */
    requiredInputs: string[];
    template?: { id: string; name: string };
  };
  alternatives: Alternative[];
  explanation: { reasoning: string; designDecisions: string[]; potentialIssues: string[] };
  generation: Pick<Draft, 'method' | 'model' | 'usage'> & { durationMs: number };
}

/** What generation needs: the catalog, templates, and a drafter chosen per request (local planner or model). */
export interface GenerationDeps {
  catalog: EngineCatalog;
  templates: TemplateRepository;
  /** Picks the drafter for a request (by task, domain and `optimizeFor`). */
  drafterFor(input: { domain: string; optimizeFor?: string }): Promise<Drafter>;
  logger: Logger;
}

/** Reads the offered agents, refusing unknown ids, excluded ones and missing required capabilities. */
async function offeredAgents(
  deps: GenerationDeps,
  ctx: CallContext,
  request: GenerationRequest,
): Promise<Agent[]> {
  const found = await deps.catalog.agents(ctx, request.agentIds);
  const known = new Set(found.map((a) => a.id));
  const unknown = request.agentIds.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ code: 'UNKNOWN_AGENT', path: `/agentIds/${i}`, message: `no agent '${id}' in the catalog` }],
  );
  if (unknown.length > 0) throw new ValidationError('some offered agents are not in the catalog', unknown);
  const excluded = new Set(request.constraints.excludedAgents ?? []);
  const offered = found.filter((a) => !excluded.has(a.id));
  if (offered.length === 0)
    throw new UserError('failed_precondition', 'NO_AGENTS', 'no agents are left to build a workflow from', {
      details: [
        { code: 'NO_AGENTS', path: '/agentIds', message: 'offer agents, or register some in the catalog' },
      ],
    });
  const missing = (request.constraints.requiredCapabilities ?? []).filter(
    (capability) => !offered.some((a) => hasCapability(a, [capability])),
  );
  if (missing.length > 0)
    throw new UserError(
      'failed_precondition',
      'MISSING_CAPABILITY',
      `no offered agent can ${missing.join(', ')}`,
      {
        details: missing.map((c) => ({
          code: 'MISSING_CAPABILITY',
          path: '/constraints/requiredCapabilities',
          message: `no offered agent has the capability '${c}'`,
        })),
      },
    );
  return offered;
}

/** Values of the request's `context` for the run inputs the workflow needs (the statement's own win). */
function fromContext(context: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(context, f)).map((f) => [f, context[f]]));
}

function bounded(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, value)) * 100) / 100;
}

/**
 * The generator's pipeline (seed §1.3):
 *  1. read the offered agents; 2. analyse the problem; 3. pick the best-fitting template;
 *  4. select a model and draft; 5. validate and repair; 6. estimate, check constraints and the template's
 *  rules; 7. alternatives; 8. explain. Never uses an agent outside the offered ones.
 */
export async function generate(
  deps: GenerationDeps,
  ctx: CallContext,
  request: GenerationRequest,
): Promise<GeneratedWorkflow> {
  const started = performance.now();
  // 1-3.
  const offered = await offeredAgents(deps, ctx, request);
  const catalog = new Map(offered.map((a) => [a.id, a]));
  const analysis = analyse(request.problemStatement, offered);
  const [best] = matchTemplates(
    request.problemStatement,
    analysis.domain,
    await deps.templates.all(ctx.tenant),
  );
  const template = best?.template;

  // 4.
  const input: DraftInput = {
    problemStatement: request.problemStatement,
    agents: offered,
    constraints: request.constraints,
    preferences: request.preferences,
    context: request.context,
    domain: analysis.domain,
    ...(template === undefined ? {} : { template }),
    ...(ctx.deadline === undefined
      ? {}
      : { signal: AbortSignal.timeout(Math.max(0, ctx.deadline.getTime() - Date.now())) }),
  };
  const drafter = await deps.drafterFor({ domain: analysis.domain, ...request.preferences });
  const draft = await drafter.draft(input);
  if (draft.graph.nodes.length === 0) {
    const missing = draft.missingCapabilities;
    throw new UserError(
      'failed_precondition',
      'MISSING_CAPABILITY',
      'none of the offered agents can do what the statement asks',
      {
        details: (missing.length > 0 ? missing : ['the steps the statement describes']).map((c) => ({
          code: 'MISSING_CAPABILITY',
          path: '/problemStatement',
          message: `no offered agent can ${c}`,
        })),
      },
    );
  }

  // 5.
  const checked = validateAndRepair(draft.graph, catalog);
  if (checked.issues.length > 0) {
    deps.logger.warn(
      { issues: checked.issues.slice(0, 5), method: draft.method },
      'generated graph stayed invalid',
    );
    throw new UserError(
      'failed_precondition',
      'GENERATION_INVALID',
      'could not build a valid workflow for this statement',
      {
        details: checked.issues.slice(0, 20),
      },
    );
  }

  // 6.
  const assessed = assess(checked.graph, catalog, offered, request.constraints, template);
  const { graph, primary, alternatives, ruleFindings, riskFactors, recommendations } = assessed;
  const designDecisions = [...draft.designDecisions, ...assessed.designDecisions];
  for (const m of draft.missingCapabilities)
    riskFactors.push(`no offered agent can ${m}; that step is left out`);
  const fromInput = checked.repairs.map((r) => `step ${r}`);

  // 7-8.
  const requiredInputs = [...new Set([...draft.requiredInputs, ...checked.inputFields])].sort();
  const final = refine(analysis, graph);
  const confidence = bounded(
    0.9 -
      0.2 * draft.missingCapabilities.length -
      0.05 * ruleFindings.length -
      0.05 * checked.repairs.length -
      0.1 * draft.notes.length +
      (template === undefined ? 0 : 0.1 * (template.successRate - 0.5)),
  );
  if (template !== undefined)
    await deps.templates.recordUse(ctx.tenant, template.id, ruleFindings.length === 0);
  return {
    graph,
    metadata: {
      confidence,
      estimatedCost: primary.estimatedCost,
      estimatedDuration: primary.estimatedDuration,
      complexity: final.complexity,
      domain: analysis.domain,
      riskFactors,
      recommendations,
      missingCapabilities: draft.missingCapabilities,
      criticalPath: primary.criticalPath,
      suggestedInput: { ...fromContext(request.context, requiredInputs), ...draft.suggestedInput },
      requiredInputs,
      ...(template === undefined ? {} : { template: { id: template.id, name: template.name } }),
    },
    alternatives,
    explanation: {
      reasoning: draft.reasoning.join(' '),
      designDecisions: [
        ...designDecisions,
        ...(template === undefined ? [] : [`shaped by the template "${template.name}"`]),
      ],
      potentialIssues: [
        ...draft.notes,
        ...fromInput,
        ...draft.ruledOut.map((r) => `left out ${r.agentId}: ${r.reason}`),
      ],
    },
    generation: {
      method: draft.method,
      model: draft.model,
      usage: draft.usage,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
