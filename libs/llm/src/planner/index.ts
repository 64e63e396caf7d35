/** The local workflow planner: statement + agent catalog → graph, with no model and no network. */
export { planWorkflow } from './plan.ts';
export type {
  PlanConstraints,
  PlanPreferences,
  PlanRequest,
  PlanResult,
  RuledOutAgent,
  SelectedAgent,
} from './types.ts';
export type { Preference } from './ranker.ts';
