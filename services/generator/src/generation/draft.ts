import type { Agent, Graph } from '@dagwright/workflow';
import type { TemplateView } from '../templates/template.model.ts';
import type { Constraints, Preferences } from './request.ts';

/** What a drafter gets: the statement, the agents it may use and what shapes the plan. */
export interface DraftInput {
  problemStatement: string;
  agents: readonly Agent[];
  constraints: Constraints;
  preferences: Preferences;
  context: Record<string, unknown>;
  domain: string;
  /** The best-fitting template, if any fits. */
  template?: TemplateView;
  /** Aborts model calls when the caller's deadline passes. */
  signal?: AbortSignal;
}

/** A first graph and how it came about, before validation, estimates and alternatives. */
export interface Draft {
  graph: Graph;
  /** How the draft was made: the local planner, or a model through the LLM layer. */
  method: 'local-planner' | 'model';
  model: { provider: string; model: string; reason: string };
  usage: { inputTokens: number; outputTokens: number; costUsd: number };
  reasoning: string[];
  designDecisions: string[];
  /** Capabilities the statement needs that no offered agent has. */
  missingCapabilities: string[];
  /** Agents left out on purpose, with why. */
  ruledOut: { agentId: string; reason: string }[];
  /** Run input the statement already gives (emails, URLs, ...), by field. */
  suggestedInput: Record<string, unknown>;
  /** Fields the run input must carry because no step provides them. */
  requiredInputs: string[];
  /** Problems the drafter knows about (e.g. a model draft that needed repairs, or a fallback). */
  notes: string[];
}

/** Something that drafts a graph for a statement. */
export interface Drafter {
  draft(input: DraftInput): Promise<Draft>;
}
