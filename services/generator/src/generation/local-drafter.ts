import { planWorkflow } from '@dagwright/llm/planner';
import type { Draft, Drafter } from './draft.ts';

/** Drafts with the built-in local planner: no model, no network, no cost. */
export function localDrafter(): Drafter {
  return {
    draft(input) {
      const plan = planWorkflow({
        problemStatement: input.problemStatement,
        agents: input.agents,
        constraints: input.constraints,
        preferences: input.preferences,
      });
      const chosen = plan.selected.map((s) => `${s.agentId} (${s.reasons.join('; ')})`);
      return Promise.resolve({
        graph: plan.graph,
        method: 'local-planner',
        model: {
          provider: 'local',
          model: 'local-planner',
          reason: 'no model provider is configured for generation',
        },
        usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
        reasoning: plan.reasoning,
        designDecisions: chosen.length > 0 ? [`chose ${chosen.join(', ')}`] : [],
        missingCapabilities: plan.missingCapabilities,
        ruledOut: plan.ruledOut,
        suggestedInput: plan.suggestedInput,
        requiredInputs: plan.runInputs,
        notes: [],
      } satisfies Draft);
    },
  };
}
