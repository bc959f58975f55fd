/**
 * A fuzzing campaign over a range of case indices. Case `i` of seed `S` is
 * the first value fast-check draws from `scenarioArb` (or from the scenarios
 * of chosen revisions) with seed `caseSeed(S, i)`, so any range of indices
 * can run anywhere (a worker, a shard on another machine) and any single
 * case can be regenerated alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineName } from '@tandem-evm/evm';
import type { Revision } from '@tandem-evm/host';
import fc from 'fast-check';
import { type Coverage, recordRun } from './coverage.js';
import { ETHEREUMJS_STATUS_EQUIVALENCES, ethereumjsKnownBug, runEthereumjs } from './ethereumjs.js';
import { type GeneratedScenario, scenarioArb, scenarioArbFor } from './generators.js';
import {
  type CompareOptions,
  compareOutcomes,
  type Difference,
  dumpedSlots,
  type Outcome,
} from './outcome.js';
import { type Scenario, scenarioToJson } from './scenario.js';
import { runTandem } from './tandem.js';
import { newCounters } from './trace.js';

/** The seed of case `index` of a campaign with seed `seed` (a 32-bit mix, so neighbouring campaigns share no cases). */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}

const arbitraries = new Map<string, fc.Arbitrary<GeneratedScenario>>();

/** The scenarios a campaign draws from: of every revision (`scenarioArb`), or of `revisions` only. */
function campaignArb(revisions: readonly Revision[] = []): fc.Arbitrary<GeneratedScenario> {
  if (revisions.length === 0) return scenarioArb;
  const key = revisions.join(',');
  let arbitrary = arbitraries.get(key);
  if (arbitrary === undefined)
    arbitraries.set(key, (arbitrary = scenarioArbFor(fc.constantFrom(...revisions))));
  return arbitrary;
}

/** Case `index` of the campaign with seed `seed` (drawing from `revisions` only, if given), as generated. */
export function generateCase(
  seed: number,
  index: number,
  revisions?: readonly Revision[],
): GeneratedScenario {
  return fc.sample(campaignArb(revisions), { seed: caseSeed(seed, index), numRuns: 1 })[0]!;
}

/**
 * The scenario with its gas settled: when the generator asked for a limit at
 * the edge, the reference engine's gas use at the generated limit plus
 * `gasEdge` (at least 0).
 */
export function settleGas(generated: GeneratedScenario, reference: EngineName = 'interpreter'): Scenario {
  const { scenario, gasEdge } = generated;
  if (gasEdge === undefined) return scenario;
  const probe = runTandem(scenario, reference, { recordHostCalls: false, warmUpRuns: 0 });
  const used = scenario.message.gas - probe.gasLeft;
  const gas = used + BigInt(gasEdge);
  return { ...scenario, message: { ...scenario.message, gas: gas < 0n ? 0n : gas } };
}

export type Runner = EngineName | 'ethereumjs';

export interface CheckOptions {
  /** The revisions the campaign's cases are drawn from (default: all, weighted as `revisionArb`). */
  readonly revisions?: readonly Revision[];
  /** Tandem engines to compare; the first is the reference (default interpreter, multipass, auto). */
  readonly engines?: readonly EngineName[];
  /** Also run @ethereumjs/evm and compare it with the reference. */
  readonly againstEthereumjs?: boolean;
  /** Collects the reference engine's coverage (a traced run: slower). */
  readonly coverage?: Coverage;
  /**
   * Replaces the comparison of engines: a property of your own over the same
   * generated scenarios (it gets the same shrinking and reproducers).
   */
  readonly check?: (scenario: Scenario) => Mismatch | undefined | Promise<Mismatch | undefined>;
}

/** Where one runner parted from the reference. */
export interface Mismatch {
  /**
   * Set when the other EVM took a path where it is known to be wrong (see
   * `ethereumjsKnownBug`): reported and counted, but not a divergence.
   */
  readonly excused?: string;
  readonly reference: string;
  readonly runner: Runner;
  readonly differences: readonly Difference[];
  readonly outcomes: readonly [Outcome, Outcome];
}

const DEFAULT_ENGINES: readonly EngineName[] = ['interpreter', 'multipass', 'auto'];

export const ETHEREUMJS_COMPARE: CompareOptions = {
  byStatusClass: true,
  statusEquivalences: ETHEREUMJS_STATUS_EQUIVALENCES,
};

function runReference(scenario: Scenario, options: CheckOptions): Outcome {
  const engines = options.engines ?? DEFAULT_ENGINES;
  const coverage = options.coverage;
  const reference = engines[0]!;
  if (coverage === undefined)
    return runTandem(scenario, reference, { stateRoot: options.againstEthereumjs === true });
  const counters = newCounters();
  const hostCounts = new Map<string, number>();
  const outcome = runTandem(scenario, reference, {
    stateRoot: options.againstEthereumjs === true,
    trace: { counters, steps: true },
    hostCounts,
  });
  recordRun(coverage, scenario, outcome.status, counters, hostCounts);
  return outcome;
}

/** Runs the scenario on every engine (not ethereumjs) and returns the first mismatch with the reference. */
export function checkEngines(scenario: Scenario, options: CheckOptions = {}): Mismatch | undefined {
  const engines = options.engines ?? DEFAULT_ENGINES;
  const expected = runReference(scenario, options);
  return checkOthers(scenario, engines, expected);
}

function checkOthers(
  scenario: Scenario,
  engines: readonly EngineName[],
  expected: Outcome,
): Mismatch | undefined {
  for (const engine of engines.slice(1)) {
    const actual = runTandem(scenario, engine);
    const differences = compareOutcomes(expected, actual);
    if (differences.length > 0) {
      return { reference: expected.runner, runner: engine, differences, outcomes: [expected, actual] };
    }
  }
  return undefined;
}

/** `checkEngines`, and ethereumjs against the reference when asked. */
export async function checkScenario(
  scenario: Scenario,
  options: CheckOptions = {},
): Promise<Mismatch | undefined> {
  if (options.check !== undefined) return options.check(scenario);
  const engines = options.engines ?? DEFAULT_ENGINES;
  const expected = runReference(scenario, options);
  const mismatch = checkOthers(scenario, engines, expected);
  if (mismatch !== undefined || options.againstEthereumjs !== true) return mismatch;
  const actual = await runEthereumjs(scenario, { alsoDump: dumpedSlots(expected) });
  const differences = compareOutcomes(expected, actual, ETHEREUMJS_COMPARE);
  if (differences.length === 0) return undefined;
  const excused = await ethereumjsKnownBug(scenario);
  return {
    ...(excused !== undefined ? { excused } : {}),
    reference: expected.runner,
    runner: 'ethereumjs',
    differences,
    outcomes: [expected, actual],
  };
}

/**
 * Shrinks a failing case with fast-check: replays the case's seed as a
 * property and lets fast-check shrink the generated scenario while the
 * same runner still mismatches. Returns the smallest failing scenario found.
 */
export async function shrinkCase(
  seed: number,
  index: number,
  runner: Runner,
  options: CheckOptions,
): Promise<{ scenario: Scenario; mismatch: Mismatch } | undefined> {
  let smallest: { scenario: Scenario; mismatch: Mismatch } | undefined;
  const reference = options.engines?.[0] ?? 'interpreter';
  const shrinkOptions: CheckOptions = {
    engines: runner === 'ethereumjs' ? [reference] : [reference, runner],
    againstEthereumjs: runner === 'ethereumjs',
    ...(options.check !== undefined ? { check: options.check } : {}),
  };
  await fc.check(
    fc.asyncProperty(campaignArb(options.revisions), async (generated) => {
      const scenario = settleGas(generated, reference);
      const mismatch = await checkScenario(scenario, shrinkOptions);
      if (mismatch === undefined || mismatch.excused !== undefined) return true;
      smallest = { scenario, mismatch };
      return false;
    }),
    { seed: caseSeed(seed, index), numRuns: 1, endOnFailure: false },
  );
  return smallest;
}

export interface Reproducer {
  readonly tandemReproducer: 1;
  readonly seed: number;
  readonly index: number;
  readonly reference: string;
  readonly runner: string;
  readonly replay: string[];
  readonly differences: readonly Difference[];
  /** The shrunk scenario when shrinking found one, else the generated one. */
  readonly scenario: ReturnType<typeof scenarioToJson>;
  readonly outcomes: Record<string, unknown>;
  readonly firstTraceDifference?: TraceDifference;
  readonly original?: ReturnType<typeof scenarioToJson>;
}

export interface TraceDifference {
  readonly line: number;
  readonly expected: readonly string[];
  readonly actual: readonly string[];
}

const json = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (typeof v === 'bigint') return `0x${v.toString(16)}`;
      if (v instanceof Uint8Array) return `0x${Buffer.from(v).toString('hex')}`;
      if (v instanceof Map) return Object.fromEntries(v);
      return v;
    }),
  );

export function outcomeJson(outcome: Outcome): Record<string, unknown> {
  const { hostCalls, ...rest } = outcome;
  return json({ ...rest, hostCallCount: hostCalls?.length }) as Record<string, unknown>;
}

/** Lines of both traces around the first line where they differ. */
export async function traceDifference(
  scenario: Scenario,
  reference: EngineName,
  runner: Runner,
): Promise<TraceDifference | undefined> {
  const expected: string[] = [];
  const actual: string[] = [];
  const steps = runner === 'ethereumjs' && reference === 'interpreter';
  runTandem(scenario, reference, { trace: { lines: expected, counters: newCounters(), steps } });
  if (runner === 'ethereumjs') await runEthereumjs(scenario, { trace: { lines: actual, steps } });
  else runTandem(scenario, runner, { trace: { lines: actual, counters: newCounters(), steps: false } });
  let line = 0;
  while (line < Math.max(expected.length, actual.length) && expected[line] === actual[line]) line++;
  if (line >= Math.max(expected.length, actual.length)) return undefined;
  const from = Math.max(0, line - 3);
  const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);
  return {
    line,
    expected: expected.slice(from, line + 2).map(clip),
    actual: actual.slice(from, line + 2).map(clip),
  };
}

/** Builds the reproducer of a mismatch (shrinking it first unless `shrink` is false). */
export async function makeReproducer(
  seed: number,
  index: number,
  scenario: Scenario,
  mismatch: Mismatch,
  options: CheckOptions & { shrink?: boolean },
): Promise<Reproducer> {
  const shrunk =
    options.shrink === false ? undefined : await shrinkCase(seed, index, mismatch.runner, options);
  const final = shrunk ?? { scenario, mismatch };
  const reference = final.mismatch.reference as EngineName;
  const runner = final.mismatch.runner;
  const replay = [reference, runner].map((engine) =>
    engine === 'ethereumjs'
      ? '(ethereumjs: see outcomes)'
      : `tandem run --prestate <this file> --engine ${engine} --json`,
  );
  return {
    tandemReproducer: 1,
    seed,
    index,
    reference,
    runner,
    replay,
    differences: json(final.mismatch.differences) as Difference[],
    scenario: scenarioToJson(final.scenario),
    outcomes: {
      [reference]: outcomeJson(final.mismatch.outcomes[0]),
      [runner]: outcomeJson(final.mismatch.outcomes[1]),
    },
    ...(await traceDifference(final.scenario, reference, runner).then((difference) =>
      difference === undefined ? {} : { firstTraceDifference: difference },
    )),
    ...(shrunk !== undefined ? { original: scenarioToJson(scenario) } : {}),
  };
}

/** Writes a reproducer to `dir` as `divergence-<seed>-<index>.json`; returns the path. */
export function writeReproducer(dir: string, reproducer: Reproducer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `divergence-${reproducer.seed}-${reproducer.index}.json`);
  writeFileSync(path, `${JSON.stringify(reproducer, null, 2)}\n`);
  return path;
}

export interface RangeOptions extends CheckOptions {
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  /** Folder for reproducers; none written when undefined. */
  readonly outDir?: string;
  readonly shrink?: boolean;
}

export interface RangeEvent {
  readonly type: 'progress' | 'divergence' | 'excused';
  readonly done: number;
  readonly divergences: number;
  readonly index?: number;
  readonly runner?: string;
  readonly summary?: string;
  readonly path?: string;
}

export interface RangeResult {
  readonly runs: number;
  readonly divergences: number;
  /** Mismatches on a path where the other EVM is known to be wrong (not divergences). */
  readonly excused: number;
  readonly elapsedMs: number;
}

function summarize(mismatch: Mismatch): string {
  const first = mismatch.differences[0]!;
  const text = (value: unknown) => JSON.stringify(json(value))?.slice(0, 160);
  return `${mismatch.runner} vs ${mismatch.reference}: ${first.field}${first.index !== undefined ? `[${first.index}]` : ''} expected ${text(first.expected)}, got ${text(first.actual)}`;
}

/** Runs cases [start, end) of a campaign; reports progress and each divergence through `onEvent`. */
export async function runRange(
  options: RangeOptions,
  onEvent: (event: RangeEvent) => void = () => {},
): Promise<RangeResult> {
  const started = performance.now();
  let divergences = 0;
  let excused = 0;
  let done = 0;
  let lastProgress = started;
  for (let index = options.start; index < options.end; index++) {
    let scenario: Scenario | undefined;
    let mismatch: Mismatch | undefined;
    try {
      scenario = settleGas(generateCase(options.seed, index, options.revisions), options.engines?.[0]);
      mismatch = await checkScenario(scenario, options);
    } catch (error) {
      // A crash of the harness itself (not of an engine, which runTandem catches) is reported, not fatal.
      onEvent({
        type: 'divergence',
        done,
        divergences: ++divergences,
        index,
        summary: `harness error: ${(error as Error).stack}`,
      });
    }
    done++;
    if (mismatch?.excused !== undefined) {
      excused++;
      onEvent({
        type: 'excused',
        done,
        divergences,
        index,
        runner: mismatch.runner,
        summary: mismatch.excused,
      });
    } else if (mismatch !== undefined && scenario !== undefined) {
      divergences++;
      let path: string | undefined;
      if (options.outDir !== undefined) {
        const reproducer = await makeReproducer(options.seed, index, scenario, mismatch, options);
        path = writeReproducer(options.outDir, reproducer);
      }
      onEvent({
        type: 'divergence',
        done,
        divergences,
        index,
        runner: mismatch.runner,
        summary: summarize(mismatch),
        ...(path !== undefined ? { path } : {}),
      });
    }
    const now = performance.now();
    if (now - lastProgress > 1000) {
      lastProgress = now;
      onEvent({ type: 'progress', done, divergences });
    }
  }
  return { runs: done, divergences, excused, elapsedMs: performance.now() - started };
}
