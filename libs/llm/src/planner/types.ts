import { type Agent, type Graph } from '@dagwright/workflow';
import { type Preference } from './ranker.ts';

/** Limits and demands on a plan beyond the statement. */
export interface PlanConstraints {
  /** Agents that must not be used. */
  excludedAgents?: readonly string[];
  /** Capabilities the plan must cover (an agent with each is added if the statement did not ask for one). */
  requiredCapabilities?: readonly string[];
  /** Upper bound on the summed `costPerCall` of the plan's agents. */
  maxCost?: number;
  /** Upper bound, in ms, on the plan's critical path by `avgLatencyMs`. */
  maxExecutionTime?: number;
}

/** How the planned graph should run. */
export interface PlanPreferences {
  /** What to favour between agents that fit a step equally well. */
  optimizeFor?: Preference;
  executionMode?: Graph['executionMode'];
  errorHandling?: Graph['errorHandling'];
}

/** What `planWorkflow` is asked. */
export interface PlanRequest {
  problemStatement: string;
  /** The agents on offer (the planner uses no other). */
  agents: readonly Agent[];
  constraints?: PlanConstraints;
  preferences?: PlanPreferences;
}

/** An agent the plan uses, how well it matched and why. */
export interface SelectedAgent {
  agentId: string;
  score: number;
  reasons: string[];
}

/** An offered agent the plan leaves out on purpose. */
export interface RuledOutAgent {
  agentId: string;
  reason: string;
}

/** What `planWorkflow` returns. */
export interface PlanResult {
  graph: Graph;
  selected: SelectedAgent[];
  ruledOut: RuledOutAgent[];
  /** Actions the statement asks for that no offered agent performs. */
  missingCapabilities: string[];
  /** Values found in the statement, keyed by the input field (or `$input` name) that takes them. */
  suggestedInput: Record<string, unknown>;
  /** Required inputs nothing provides: the run input must carry them. */
  runInputs: string[];
  /** How the plan was reached, step by step. */
  reasoning: string[];
}
