/** The bench's view of an engine: prepare a workload once, then run or time it. */
import type { CallOutcome, CallWorkload, SetupWorkload } from '../workloads/index.js';

export interface Prepared<T> {
  /** Runs once from the pre-state and restores it; for verification (and warm-up). */
  run(): Promise<T>;
  /**
   * Runs `iterations` times, each from the pre-state, and returns the
   * nanoseconds they took together (restoring the pre-state included).
   */
  time(iterations: number): Promise<number>;
}

export interface BenchEngine {
  readonly name: string;
  prepareCall(workload: CallWorkload): Promise<Prepared<CallOutcome>>;
  /**
   * Set-up of one code (`compile/…`): returns the valid jump destinations the
   * engine found. Undefined if the engine has no set-up step to measure.
   */
  prepareSetup(workload: SetupWorkload): Promise<Prepared<Uint8Array>> | undefined;
}

/** Keeps results alive so the JIT cannot drop work whose result is unused. */
export const sink = { value: 0 };

export function elapsedNs(start: bigint): number {
  return Number(process.hrtime.bigint() - start);
}
