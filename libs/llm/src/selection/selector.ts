/**
 * Model selection (pure): each eligible model is scored on quality (its capability strength for the task and
 * domain), cost, speed and reliability (learned success rates), weighted by what the request optimizes for.
 * The choice comes with its explanation and the full ranking.
 */
import type { CapabilityType, ModelProvider } from './model-provider.ts';

/** What a request cares about most. */
export type OptimizeFor = 'speed' | 'cost' | 'reliability' | 'accuracy';

/** Observed outcomes of one model for a task (and domain). */
export interface SuccessStats {
  successes: number;
  total: number;
}

/** What to choose a model for. */
export interface SelectionRequest {
  task: CapabilityType;
  domain?: string;
  optimizeFor: OptimizeFor;
  /** Learned outcomes by model id; models without any count as the prior. */
  successRates?: Readonly<Record<string, SuccessStats>>;
}

/** One candidate's score, its parts (each 0..1) and why it was or wasn't eligible. */
export interface CandidateScore {
  id: string;
  eligible: boolean;
  total: number;
  parts: { quality: number; cost: number; speed: number; reliability: number };
  note?: string;
}

/** The chosen model, its score, a sentence saying why, and how every candidate scored. */
export interface Selection {
  model: ModelProvider;
  score: number;
  reason: string;
  ranking: CandidateScore[];
}

/** How much each part counts per preference; each row sums to 1. */
export const SELECTION_WEIGHTS: Readonly<Record<OptimizeFor, CandidateScore['parts']>> = {
  accuracy: { quality: 0.7, cost: 0.05, speed: 0.05, reliability: 0.2 },
  cost: { quality: 0.25, cost: 0.55, speed: 0.1, reliability: 0.1 },
  speed: { quality: 0.25, cost: 0.1, speed: 0.55, reliability: 0.1 },
  reliability: { quality: 0.25, cost: 0.1, speed: 0.1, reliability: 0.55 },
};

/** Success rate assumed before any outcome is known, and how many outcomes it weighs as. */
const PRIOR_RATE = 0.9;
const PRIOR_WEIGHT = 10;

/** Capability strength for the task and domain; undefined when the model declares none that applies. */
function quality(model: ModelProvider, request: SelectionRequest): number | undefined {
  const applicable = model.capabilities.filter(
    (c) =>
      c.type === request.task &&
      (c.domains.length === 0 || (request.domain !== undefined && c.domains.includes(request.domain))),
  );
  if (applicable.length === 0) return undefined;
  const best = Math.max(...applicable.map((c) => c.strength));
  const specialised = request.domain !== undefined && model.specializations.includes(request.domain);
  return Math.min(1, best + (specialised ? 0.05 : 0));
}

/** 1 for the lowest value, 0 for the highest, log-scaled in between (prices and latencies span decades). */
function logScale(values: number[]): (value: number) => number {
  const epsilon = 1e-9;
  const low = Math.log(Math.min(...values) + epsilon);
  const high = Math.log(Math.max(...values) + epsilon);
  return (value) => (high === low ? 1 : 1 - (Math.log(value + epsilon) - low) / (high - low));
}

function reliability(stats: SuccessStats | undefined): number {
  const successes = stats?.successes ?? 0;
  const total = stats?.total ?? 0;
  return (successes + PRIOR_RATE * PRIOR_WEIGHT) / (total + PRIOR_WEIGHT);
}

const blendedPrice = (m: ModelProvider) => (m.costPerToken.input + m.costPerToken.output) / 2;
const round = (n: number) => Math.round(n * 1000) / 1000;

function describe(score: CandidateScore): string {
  const p = score.parts;
  return `${round(score.total)} (quality ${round(p.quality)}, cost ${round(p.cost)}, speed ${round(p.speed)}, reliability ${round(p.reliability)})`;
}

/**
 * Chooses a model for `request` among `candidates`. When none declares the task for the domain, the local
 * engine is chosen if present (it serves what it honestly can and refuses the rest); undefined otherwise.
 */
export function selectModel(
  candidates: readonly ModelProvider[],
  request: SelectionRequest,
): Selection | undefined {
  const fits = candidates.map((model) => ({ model, quality: quality(model, request) }));
  const eligible = fits.filter((f) => f.quality !== undefined).map((f) => f.model);
  const target = `${request.task}${request.domain === undefined ? '' : ` in domain '${request.domain}'`}`;
  if (eligible.length === 0) {
    const local = candidates.find((m) => m.type === 'local');
    if (local === undefined) return undefined;
    const parts = { quality: 0, cost: 0, speed: 0, reliability: 0 };
    return {
      model: local,
      score: 0,
      reason: `no configured model declares ${target}; the local engine serves what it honestly can and refuses the rest`,
      ranking: candidates.map((m) => ({
        id: m.id,
        eligible: false,
        total: 0,
        parts,
        note: `declares no ${target}`,
      })),
    };
  }
  const costScale = logScale(eligible.map(blendedPrice));
  const speedScale = logScale(eligible.map((m) => m.typicalLatencyMs));
  const weights = SELECTION_WEIGHTS[request.optimizeFor];
  const ranking: CandidateScore[] = fits.map(({ model, quality: q }) => {
    if (q === undefined) {
      const parts = { quality: 0, cost: 0, speed: 0, reliability: 0 };
      return { id: model.id, eligible: false, total: 0, parts, note: `declares no ${target}` };
    }
    const parts = {
      quality: q,
      cost: costScale(blendedPrice(model)),
      speed: speedScale(model.typicalLatencyMs),
      reliability: reliability(request.successRates?.[model.id]),
    };
    const total =
      parts.quality * weights.quality +
      parts.cost * weights.cost +
      parts.speed * weights.speed +
      parts.reliability * weights.reliability;
    return { id: model.id, eligible: true, total, parts };
  });
  // Best first; ties go to the cheaper model, then by id so the choice is stable.
  const byId = new Map(candidates.map((m) => [m.id, m]));
  ranking.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.total - a.total ||
      b.parts.cost - a.parts.cost ||
      a.id.localeCompare(b.id),
  );
  const [best, runnerUp] = ranking;
  const model = best === undefined ? undefined : byId.get(best.id);
  if (best === undefined || model === undefined) return undefined;
  const next = runnerUp?.eligible === true ? `; next best '${runnerUp.id}' ${describe(runnerUp)}` : '';
  const skipped = ranking.filter((r) => !r.eligible).map((r) => r.id);
  return {
    model,
    score: best.total,
    reason:
      `chose '${model.id}' (${model.model}) for ${target}, optimizing for ${request.optimizeFor}: ${describe(best)}${next}` +
      (skipped.length > 0 ? `; not eligible: ${skipped.join(', ')}` : ''),
    ranking,
  };
}
