/**
 * Where learned success rates come from. The learning service will feed a source of its own; until then
 * `InMemorySuccessRates` records outcomes in this process.
 */
import type { CapabilityType } from './model-provider.ts';
import type { SuccessStats } from './selector.ts';

/** Learned outcomes per model id for a task (and domain), to pass to `selectModel` as `successRates`. */
export interface SuccessRateSource {
  ratesFor(task: CapabilityType, domain?: string): Promise<Record<string, SuccessStats>>;
}

/** Outcomes kept in memory, by task and domain; a domain without outcomes falls back to the task's. */
export class InMemorySuccessRates implements SuccessRateSource {
  readonly #stats = new Map<string, Map<string, SuccessStats>>();

  /** Records one outcome of `modelId` on `task` (in `domain`, and for the task as a whole). */
  record(modelId: string, task: CapabilityType, domain: string | undefined, success: boolean): void {
    const keys = domain === undefined ? [`${task}|*`] : [`${task}|*`, `${task}|${domain}`];
    for (const key of keys) {
      const byModel = this.#stats.get(key) ?? new Map<string, SuccessStats>();
      const stats = byModel.get(modelId) ?? { successes: 0, total: 0 };
      byModel.set(modelId, { successes: stats.successes + (success ? 1 : 0), total: stats.total + 1 });
      this.#stats.set(key, byModel);
    }
  }

  /** The outcomes of each model: in `domain` where it has any there, otherwise for the whole task. */
  ratesFor(task: CapabilityType, domain?: string): Promise<Record<string, SuccessStats>> {
    const overall = this.#stats.get(`${task}|*`) ?? new Map<string, SuccessStats>();
    const inDomain = domain === undefined ? undefined : this.#stats.get(`${task}|${domain}`);
    const rates: Record<string, SuccessStats> = {};
    for (const [id, stats] of overall) rates[id] = inDomain?.get(id) ?? stats;
    return Promise.resolve(rates);
  }
}
