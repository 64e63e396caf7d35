import { UserError } from '@dagwright/kit';
import { type Agent, type Graph, criticalPath } from '@dagwright/workflow';
import { findApprovals } from './approval.ts';
import { completeSteps } from './complete.ts';
import { cuesOf } from './cues.ts';
import { extractEntities, maskEntities } from './entities.ts';
import { buildGraph } from './graph.ts';
import { orderLists } from './lists.ts';
import { scopeNegations } from './negation.ts';
import { Ranker, profileAgent } from './ranker.ts';
import { type Clause, segment } from './segment.ts';
import { type Step, selectSteps } from './select.ts';
import { type PlanRequest, type PlanResult } from './types.ts';
import { tierOf } from './tier.ts';
import { wire } from './wire.ts';

// The local planner: statement + offered agents → workflow graph, with no model and no network.

const MAX_STATEMENT = 20_000;
const ADDRESSED = /\b(?:you|you'll|you'd|please|pls)\b/i;

function invalid(path: string, message: string): UserError {
  return new UserError('invalid_argument', 'PLAN_INVALID_REQUEST', message, {
    details: [{ code: 'PLAN_INVALID_REQUEST', path, message }],
  });
}

function check(request: PlanRequest): void {
  if (typeof request.problemStatement !== 'string' || request.problemStatement.trim().length === 0) {
    throw invalid('/problemStatement', 'the problem statement must be a non-empty string');
  }
  if (request.problemStatement.length > MAX_STATEMENT) {
    throw invalid('/problemStatement', `the problem statement is longer than ${MAX_STATEMENT} characters`);
  }
  if (!Array.isArray(request.agents) || request.agents.length === 0) {
    throw invalid('/agents', 'at least one agent must be offered');
  }
  const ids = new Set<string>();
  for (const [i, agent] of (request.agents as readonly unknown[]).entries()) {
    const id = typeof agent === 'object' && agent !== null ? (agent as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id.length === 0)
      throw invalid(`/agents/${i}/id`, 'every agent needs an id');
    if (ids.has(id)) throw invalid(`/agents/${i}/id`, `agent "${id}" is offered twice`);
    ids.add(id);
  }
}

/**
 * "Remove duplicates (match on email; fuzzy matching is OK)": a clause that starts inside parentheses
 * qualifies the step before it and asks for nothing of its own, unless it rules something out.
 */
function asideBlanked(clause: Clause, masked: string): Clause {
  const open = masked.lastIndexOf('(', clause.start);
  const close = open === -1 ? -1 : masked.indexOf(')', open);
  // "(a) post ...", "(1) pull ...": a list marker closes before the clause ends.
  const inside =
    open !== -1 && (close === -1 || close >= clause.end - 1) && masked.lastIndexOf(')', clause.start) < open;
  // "(you'll need to write the SQL)": an aside addressed to the doer still asks for something.
  if (!inside || ADDRESSED.test(clause.masked) || cuesOf(clause).negated) return clause;
  return { ...clause, masked: ' '.repeat(clause.masked.length), hasVerb: false };
}

/**
 * Plans a workflow for a problem statement from the offered agents: ranks them against each clause
 * of the statement, drops what the statement rules out, orders steps by data and by the statement's
 * order words, runs independent steps in parallel and puts a human approval where one is asked for.
 * Deterministic: the same request always gives the same plan.
 */
export function planWorkflow(request: PlanRequest): PlanResult {
  check(request);
  const reasoning: string[] = [];
  const excluded = new Set(request.constraints?.excludedAgents ?? []);
  const agents = request.agents.filter((a) => !excluded.has(a.id));
  if (agents.length === 0) throw invalid('/constraints/excludedAgents', 'every offered agent is excluded');
  const statement = request.problemStatement;

  // 1. Read the statement: values, clauses, and how each clause ranks the agents.
  const entities = extractEntities(statement);
  const masked = maskEntities(statement, entities);
  const clauses = scopeNegations(segment(statement, masked)).map((c) => asideBlanked(c, masked));
  const ranker = new Ranker(agents, request.preferences?.optimizeFor, tierOf(statement));
  const global = ranker.queryTerms(masked);
  reasoning.push(`read ${clauses.length} clause(s) and ${entities.length} value(s) from the statement`);

  // 2. Choose steps; add the sources and providers they imply; honour required capabilities.
  const selection = selectSteps(ranker, clauses, entities, global);
  const added = completeSteps(
    ranker,
    selection,
    entities,
    global,
    clauses.some((c) => cuesOf(c).inline),
  );
  for (const step of added) reasoning.push(`added ${step.agent.id}: ${step.reasons[0] ?? ''}`);
  requireCapabilities(request, agents, selection.steps, ranker, global, reasoning);
  if (selection.steps.length === 0)
    fallback(agents, ranker, global, selection.steps, selection.ruledOut, statement, reasoning);

  // 3. Wire them, place approvals, build and validate the graph.
  const ordered = [...selection.steps].sort((a, b) => a.position - b.position);
  const approvals = findApprovals(ranker, selection.readings, ordered);
  // What a person approves is what the steps they hold back work on.
  const approved = new Map<Step, Step[]>();
  for (const a of approvals)
    for (const guard of a.guards) approved.set(guard, [...(approved.get(guard) ?? []), ...a.after]);
  const wiring = wire(ranker, selection.steps, selection.readings, entities, selection.inlineStems, approved);
  orderLists(statement, wiring);
  for (const a of approvals) {
    reasoning.push(
      `human approval "${a.prompt}" after [${a.after.map((s) => s.agent.id).join(', ')}] before [${a.guards.map((s) => s.agent.id).join(', ')}]`,
    );
  }
  for (const link of wiring.links)
    reasoning.push(`${link.from.agent.id} → ${link.to.agent.id}: ${link.why.join('; ')}`);
  const built = buildGraph(wiring, approvals, {
    executionMode: request.preferences?.executionMode ?? 'hybrid',
    ...(request.preferences?.errorHandling === undefined
      ? {}
      : { errorHandling: request.preferences.errorHandling }),
    agents,
  });
  reasoning.push(...built.notes);
  budget(request, built.graph, agents, reasoning);

  const ruledOut = [...selection.ruledOut.entries()].map(([agentId, reason]) => ({ agentId, reason }));
  for (const id of excluded)
    if (request.agents.some((a) => a.id === id))
      ruledOut.push({ agentId: id, reason: 'excluded by the constraints' });
  return {
    graph: built.graph,
    selected: wiring.order.map((s) => ({
      agentId: s.agent.id,
      score: Math.round(s.score * 100) / 100,
      reasons: s.reasons,
    })),
    ruledOut,
    missingCapabilities: [...new Set(selection.missing)],
    suggestedInput: built.suggestedInput,
    runInputs: built.runInputs,
    reasoning,
  };
}

function requireCapabilities(
  request: PlanRequest,
  agents: readonly Agent[],
  steps: Step[],
  ranker: Ranker,
  global: ReturnType<Ranker['queryTerms']>,
  reasoning: string[],
): void {
  for (const capability of request.constraints?.requiredCapabilities ?? []) {
    if (steps.some((s) => s.agent.capabilities.includes(capability))) continue;
    const holders = agents.filter((a) => a.capabilities.includes(capability));
    if (holders.length === 0) {
      reasoning.push(`required capability "${capability}": no offered agent has it`);
      continue;
    }
    const best = holders
      .map((agent) => ({ agent, score: ranker.score(global, profileAgent(agent)).score }))
      .sort((a, b) => ranker.compare(a, b))[0];
    if (best === undefined) continue;
    const last = steps.at(-1);
    steps.push({
      agent: best.agent,
      clause: last?.clause ?? {
        index: 0,
        sentence: 0,
        text: '',
        masked: '',
        start: 0,
        end: 0,
        connector: '',
        hasVerb: false,
        heading: false,
        stop: '',
      },
      position: (last?.position ?? 0) + 1,
      score: best.score,
      reasons: [`required capability "${capability}"`],
      mentions: [],
    });
    reasoning.push(`added ${best.agent.id} for the required capability "${capability}"`);
  }
}

/** When no clause names an agent clearly, the agent closest to the whole statement is the plan. */
function fallback(
  agents: readonly Agent[],
  ranker: Ranker,
  global: ReturnType<Ranker['queryTerms']>,
  steps: Step[],
  ruledOut: ReadonlyMap<string, string>,
  statement: string,
  reasoning: string[],
): void {
  // What the statement rules out is the last resort: a plan needs at least one step.
  const allowed = agents.filter((agent) => !ruledOut.has(agent.id));
  const best = (allowed.length > 0 ? allowed : agents)
    .map((agent) => ({ agent, score: ranker.score(global, profileAgent(agent)).score }))
    .sort((a, b) => ranker.compare(a, b))[0];
  if (best === undefined) return;
  steps.push({
    agent: best.agent,
    clause: {
      index: 0,
      sentence: 0,
      text: statement,
      masked: statement,
      start: 0,
      end: statement.length,
      connector: '',
      hasVerb: false,
      heading: false,
      stop: '',
    },
    position: 0,
    score: best.score,
    reasons: [
      `no clause named an agent clearly; closest to the whole statement (score ${best.score.toFixed(1)})`,
    ],
    mentions: [],
  });
  reasoning.push(`no clear step found; falling back to ${best.agent.id}`);
}

function budget(request: PlanRequest, graph: Graph, agents: readonly Agent[], reasoning: string[]): void {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const cost = graph.nodes.reduce(
    (sum, n) => sum + (n.agentId === undefined ? 0 : (byId.get(n.agentId)?.costPerCall ?? 0)),
    0,
  );
  const maxCost = request.constraints?.maxCost;
  if (maxCost !== undefined && cost > maxCost)
    reasoning.push(`estimated cost ${cost.toFixed(4)} exceeds maxCost ${maxCost}`);
  const maxTime = request.constraints?.maxExecutionTime;
  if (maxTime !== undefined) {
    const path = criticalPath(graph, (block) =>
      block.agentId === undefined ? 0 : (byId.get(block.agentId)?.avgLatencyMs ?? 0),
    );
    if (path.totalMs > maxTime)
      reasoning.push(`critical path ${path.totalMs} ms exceeds maxExecutionTime ${maxTime} ms`);
  }
}
