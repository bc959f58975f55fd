/**
 * How many samples each engine takes of a case, and for how long. A sample
 * times a batch of iterations (enough to last about `targetSampleNs`) and
 * records the time per iteration. Engines take turns sample by sample, so
 * machine drift hits them alike; an engine stops when it has `minSamples`
 * and has spent `budgetNs`, or has `maxSamples`.
 */

export interface SamplingPlan {
  readonly minSamples: number;
  readonly maxSamples: number;
  /** Time an engine may spend on one case once it has its minimum. */
  readonly budgetNs: number;
  readonly targetSampleNs: number;
  /** Untimed runs after verification, so the JIT settles before the first sample. */
  readonly warmupNs: number;
}

const MS = 1e6;

/** Tandem's engines: fast, so many samples. */
const TANDEM_FULL: SamplingPlan = {
  minSamples: 10,
  maxSamples: 200,
  budgetNs: 1500 * MS,
  targetSampleNs: 10 * MS,
  warmupNs: 200 * MS,
};
const TANDEM_QUICK: SamplingPlan = {
  minSamples: 5,
  maxSamples: 50,
  budgetNs: 150 * MS,
  targetSampleNs: 5 * MS,
  warmupNs: 30 * MS,
};
/** ethereumjs runs the heavy cases for seconds per call: fewer samples, time-boxed. */
const PEER_FULL: SamplingPlan = {
  minSamples: 5,
  maxSamples: 100,
  budgetNs: 4000 * MS,
  targetSampleNs: 20 * MS,
  warmupNs: 300 * MS,
};
const PEER_QUICK: SamplingPlan = {
  minSamples: 1,
  maxSamples: 20,
  budgetNs: 200 * MS,
  targetSampleNs: 10 * MS,
  warmupNs: 0,
};

export function samplingPlan(engine: string, quick: boolean): SamplingPlan {
  if (engine === 'ethereumjs') return quick ? PEER_QUICK : PEER_FULL;
  return quick ? TANDEM_QUICK : TANDEM_FULL;
}

/** Iterations for the next sample, given the last time per iteration. */
export function iterationsFor(plan: SamplingPlan, nsPerIteration: number): number {
  if (!(nsPerIteration > 0)) return 1;
  return Math.max(1, Math.min(1_000_000, Math.floor(plan.targetSampleNs / nsPerIteration)));
}

export interface SamplerState {
  readonly plan: SamplingPlan;
  readonly samplesNs: number[];
  spentNs: number;
  iterations: number;
}

export function isDone(state: SamplerState): boolean {
  const count = state.samplesNs.length;
  return (
    count >= state.plan.maxSamples || (count >= state.plan.minSamples && state.spentNs >= state.plan.budgetNs)
  );
}

/** `interpreter: 5–50 samples, 150 ms` for reports. */
export function describePlan(engine: string, plan: SamplingPlan): string {
  return (
    `${engine} ${plan.minSamples}–${plan.maxSamples} samples and at least ${plan.budgetNs / MS} ms per case ` +
    `after ${plan.warmupNs / MS} ms of warm-up`
  );
}
