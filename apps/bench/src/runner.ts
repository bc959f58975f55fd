/** Runs the workloads on the engines: prepare, verify, then time them in turns. */
import { bytesEqual, bytesToHex } from '@tandem-evm/primitives';
import type { BenchEngine, Prepared } from './engines/index.js';
import { isDone, iterationsFor, type SamplerState, type SamplingPlan } from './sampling.js';
import { type Summary, summarize } from './stats.js';
import type { CallOutcome, Group, Workload } from './workloads/index.js';

export interface CaseResult {
  readonly case: string;
  readonly group: Group;
  readonly engine: string;
  readonly verified: boolean;
  /** Why verification failed, or why the engine could not run the case. */
  readonly error: string | undefined;
  /** Time per iteration of each sample, in nanoseconds. */
  readonly samplesNs: readonly number[];
  readonly summary: Summary | undefined;
  /**
   * How long the verified run took: the first time this engine ran this code
   * in the process (analysis, compilation and cold caches included; the
   * workload's state set-up not).
   */
  readonly firstRunNs: number | undefined;
  /** The same run in a fresh process (cold.ts); undefined where it was not measured. */
  readonly coldRunNs: number | undefined;
  /** Gas the verified run used (null for set-up workloads). */
  readonly gasUsed: bigint | null;
}

export interface ProgressEvent {
  readonly workload: Workload;
  readonly index: number;
  readonly total: number;
  readonly engine: string;
  readonly phase: 'verify' | 'warm-up' | 'sample';
  readonly samples: number;
}

export interface RunnerOptions {
  readonly plan: (engine: string) => SamplingPlan;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly onResult?: (result: CaseResult) => void;
}

/** Differences between an outcome and the expected one; empty when it matches. */
export function callMismatches(actual: CallOutcome, expected: CallOutcome): string[] {
  const problems: string[] = [];
  if (actual.status !== expected.status)
    problems.push(`status ${actual.status}, expected ${expected.status}`);
  if (actual.gasUsed !== expected.gasUsed)
    problems.push(`gas used ${actual.gasUsed}, expected ${expected.gasUsed}`);
  if (actual.gasRefund !== expected.gasRefund) {
    problems.push(`gas refund ${actual.gasRefund}, expected ${expected.gasRefund}`);
  }
  if (!bytesEqual(actual.output, expected.output)) {
    const shorten = (bytes: Uint8Array) => {
      const hex = bytesToHex(bytes);
      return hex.length > 74 ? `${hex.slice(0, 74)}…` : hex;
    };
    problems.push(`output ${shorten(actual.output)}, expected ${shorten(expected.output)}`);
  }
  return problems;
}

export function setupMismatches(actual: Uint8Array, expected: Uint8Array): string[] {
  if (actual.length !== expected.length)
    return [`${actual.length} analysed bytes, expected ${expected.length}`];
  for (let pc = 0; pc < expected.length; pc++) {
    if ((actual[pc] === 1) !== (expected[pc] === 1)) {
      return [`jump destination at pc ${pc}: ${actual[pc] === 1}, expected ${expected[pc] === 1}`];
    }
  }
  return [];
}

interface Contender {
  readonly engine: string;
  readonly prepared: Prepared<unknown>;
  readonly state: SamplerState;
  readonly gasUsed: bigint | null;
  readonly firstRunNs: number;
}

function failed(workload: Workload, engine: string, error: string): CaseResult {
  return {
    case: workload.name,
    group: workload.group,
    engine,
    verified: false,
    error,
    samplesNs: [],
    summary: undefined,
    firstRunNs: undefined,
    coldRunNs: undefined,
    gasUsed: null,
  };
}

/** What the verified run of a workload on one engine gave. */
export interface VerifiedRun {
  readonly prepared: Prepared<unknown>;
  /** What differs from the expected result; empty when verified. */
  readonly problems: readonly string[];
  readonly gasUsed: bigint | null;
  /** The first run alone (see CaseResult.firstRunNs). */
  readonly firstRunNs: number;
  /** Preparing the workload and the first run. */
  readonly totalNs: number;
}

/**
 * Prepares `workload` on one engine, runs it once and checks the result.
 * Undefined when the engine has no set-up step for a set-up workload.
 */
export async function verifiedRun(workload: Workload, engine: BenchEngine): Promise<VerifiedRun | undefined> {
  const start = process.hrtime.bigint();
  let prepared: Prepared<unknown>;
  let check: (result: unknown) => Pick<VerifiedRun, 'problems' | 'gasUsed'>;
  if (workload.kind === 'call') {
    prepared = await engine.prepareCall(workload);
    check = (result) => {
      const outcome = result as CallOutcome;
      return { problems: callMismatches(outcome, workload.expected), gasUsed: outcome.gasUsed };
    };
  } else {
    const setup = engine.prepareSetup(workload);
    if (setup === undefined) return undefined;
    prepared = await setup;
    check = (result) => ({
      problems: setupMismatches(result as Uint8Array, workload.expectedJumpdests),
      gasUsed: null,
    });
  }
  const runStart = process.hrtime.bigint();
  const result = await prepared.run();
  const end = process.hrtime.bigint();
  return { prepared, ...check(result), firstRunNs: Number(end - runStart), totalNs: Number(end - start) };
}

/**
 * Prepares and verifies `workload` on one engine. Returns the contender, or
 * a failed result (never a number for a wrong answer).
 */
async function prepareAndVerify(
  workload: Workload,
  engine: BenchEngine,
  plan: SamplingPlan,
): Promise<Contender | CaseResult | undefined> {
  try {
    const run = await verifiedRun(workload, engine);
    if (run === undefined) return undefined;
    if (run.problems.length > 0) return failed(workload, engine.name, run.problems.join('; '));
    return {
      engine: engine.name,
      prepared: run.prepared,
      gasUsed: run.gasUsed,
      firstRunNs: run.firstRunNs,
      state: { plan, samplesNs: [], spentNs: 0, iterations: iterationsFor(plan, run.totalNs) },
    };
  } catch (error) {
    return failed(workload, engine.name, `threw ${(error as Error).stack ?? String(error)}`);
  }
}

/** Runs one workload on every engine; results in engine order. */
export async function runWorkload(
  workload: Workload,
  engines: readonly BenchEngine[],
  options: RunnerOptions,
  index = 0,
  total = 1,
): Promise<CaseResult[]> {
  const results = new Map<string, CaseResult>();
  const contenders: Contender[] = [];
  for (const engine of engines) {
    options.onProgress?.({ workload, index, total, engine: engine.name, phase: 'verify', samples: 0 });
    const outcome = await prepareAndVerify(workload, engine, options.plan(engine.name));
    if (outcome === undefined) continue;
    if ('prepared' in outcome) contenders.push(outcome);
    else results.set(engine.name, outcome);
  }

  // Warm-up: untimed batches, which also size the first sample's batch.
  for (const contender of contenders) {
    const state = contender.state;
    for (let spentNs = 0; spentNs < state.plan.warmupNs; ) {
      options.onProgress?.({
        workload,
        index,
        total,
        engine: contender.engine,
        phase: 'warm-up',
        samples: 0,
      });
      const ns = await contender.prepared.time(state.iterations);
      spentNs += ns;
      state.iterations = iterationsFor(state.plan, ns / state.iterations);
    }
  }

  // Take turns, one sample each; who goes first rotates every round.
  for (let round = 0; ; round++) {
    let active = false;
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length]!;
      const state = contender.state;
      if (isDone(state)) continue;
      active = true;
      options.onProgress?.({
        workload,
        index,
        total,
        engine: contender.engine,
        phase: 'sample',
        samples: state.samplesNs.length,
      });
      const ns = await contender.prepared.time(state.iterations);
      const perIteration = ns / state.iterations;
      state.samplesNs.push(perIteration);
      state.spentNs += ns;
      state.iterations = iterationsFor(state.plan, perIteration);
    }
    if (!active) break;
  }

  for (const contender of contenders) {
    results.set(contender.engine, {
      case: workload.name,
      group: workload.group,
      engine: contender.engine,
      verified: true,
      error: undefined,
      samplesNs: contender.state.samplesNs,
      summary: summarize(contender.state.samplesNs),
      firstRunNs: contender.firstRunNs,
      coldRunNs: undefined,
      gasUsed: contender.gasUsed,
    });
  }
  const ordered = engines.flatMap((engine) => results.get(engine.name) ?? []);
  for (const result of ordered) options.onResult?.(result);
  return ordered;
}

export async function runAll(
  workloads: readonly Workload[],
  engines: readonly BenchEngine[],
  options: RunnerOptions,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (let i = 0; i < workloads.length; i++) {
    results.push(...(await runWorkload(workloads[i]!, engines, options, i, workloads.length)));
  }
  return results;
}
