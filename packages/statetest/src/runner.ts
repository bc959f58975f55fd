import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createEvm, type EngineName, type Evm } from '@tandem-evm/evm';
import { parseRevision, type Revision } from '@tandem-evm/host';
import { bigintToHex } from '@tandem-evm/primitives';
import {
  applyBlockReward,
  EMPTY_LOGS_HASH,
  executeTransaction,
  logsHash,
  stateRoot,
  type TransactionOutcome,
  WorldState,
} from '@tandem-evm/state';
import { diffStates } from './diff.js';
import { type CaseIndexes, caseTransaction, parseStateTestFile, type StateTest } from './fixture.js';
import { SKIP_LIST, type SkipEntry, skipEntryFor } from './skip-list.js';

/** What one case produced. */
export interface CaseActual {
  readonly stateRoot: bigint;
  readonly logsHash: bigint;
  readonly outcome: TransactionOutcome;
  /** The post-state, for the diff a failure report prints. */
  readonly state: WorldState;
}

/** One case checked: the state root, the logs hash and the rejection must all match. */
export interface CaseCheck {
  readonly passed: boolean;
  readonly actual: CaseActual;
  /** Human-readable report of a failure (empty when the case passed). */
  readonly report: string;
}

export interface CaseResult {
  /** `file::test::fork[index]`: what `--filter` matches and what reports name. */
  readonly id: string;
  readonly file: string;
  readonly test: string;
  readonly fork: string;
  readonly index: number;
  readonly indexes?: CaseIndexes;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** For a skipped case: the skip list's reason. For a failed one: the report. */
  readonly message?: string;
  readonly durationMs: number;
}

export interface RunnerOptions {
  /** Fixture fork name; default `Cancun`. */
  readonly fork?: string;
  readonly engine?: EngineName;
  /** Only cases whose id matches run; the rest are not reported at all. */
  readonly filter?: RegExp;
  /** Run the cases of the skip list too (slow ones, and fixtures known to be stale). */
  readonly includeSlow?: boolean;
  /** Default SKIP_LIST: SLOW_CASES and STALE_CASES. */
  readonly skipList?: readonly SkipEntry[];
}

function hex(value: bigint): string {
  return `0x${value.toString(16).padStart(64, '0')}`;
}

function outcomeText(outcome: TransactionOutcome): string {
  if (outcome.kind === 'rejected') return `rejected (${outcome.reason})`;
  const created =
    outcome.createdAddress !== undefined ? `, created ${bigintToHex(outcome.createdAddress)}` : '';
  return `executed: ${outcome.status}, gas used ${outcome.gasUsed}, refund ${outcome.gasRefund}, ${outcome.logs.length} log(s)${created}`;
}

/**
 * Runs one case of `test`: the pre-state, the indexed transaction, the block
 * end (the coinbase touched with a zero reward), then the checks.
 */
export function checkCase(test: StateTest, fork: string, index: number, evm: Evm): CaseCheck {
  const entry = test.post[fork]?.[index];
  if (entry === undefined) throw new RangeError(`${test.name}: no case ${fork}[${index}]`);
  const revision: Revision = evm.revision;
  const state = WorldState.fromAccounts(test.pre);
  const tx = caseTransaction(test.transaction, entry.indexes);
  const outcome = executeTransaction(state, evm, tx, test.env);
  applyBlockReward(state, test.env.coinbase, 0n, revision);
  const actual: CaseActual = {
    stateRoot: stateRoot(state),
    logsHash: outcome.kind === 'executed' ? logsHash(outcome.logs) : EMPTY_LOGS_HASH,
    outcome,
    state,
  };
  const expectRejection = entry.expectException !== undefined;
  const problems: string[] = [];
  if (expectRejection !== (outcome.kind === 'rejected')) {
    problems.push(
      expectRejection
        ? `expected the transaction to be rejected (${entry.expectException}), but it ran`
        : `expected the transaction to run, but it was rejected (${(outcome as { reason: string }).reason})`,
    );
  }
  if (actual.stateRoot !== entry.hash) problems.push('state root differs');
  if (actual.logsHash !== entry.logs) problems.push('logs hash differs');
  if (problems.length === 0) return { passed: true, actual, report: '' };

  const { data, gas, value } = entry.indexes;
  const diff = diffStates(WorldState.fromAccounts(test.pre).accounts, state.accounts);
  const report = [
    `${test.name} ${fork}[${index}] (data ${data}, gas ${gas}, value ${value}): ${problems.join('; ')}`,
    `  state root  expected ${hex(entry.hash)}`,
    `              actual   ${hex(actual.stateRoot)}`,
    `  logs hash   expected ${hex(entry.logs)}`,
    `              actual   ${hex(actual.logsHash)}`,
    `  exception   expected ${entry.expectException ?? '(none)'}`,
    `  outcome     ${outcomeText(outcome)}`,
    '  post-state vs pre-state:',
    ...(diff === '' ? ['    (no change)'] : diff.split('\n').map((line) => `    ${line}`)),
  ].join('\n');
  return { passed: false, actual, report };
}

/**
 * The key of `test.post` that names `revision` (`Merge` and `Paris` are the
 * same fork), or undefined when the test has no cases for it.
 */
function forkKey(test: StateTest, revision: Revision): string | undefined {
  for (const key of Object.keys(test.post)) {
    let keyRevision: Revision;
    try {
      keyRevision = parseRevision(key);
    } catch {
      continue; // A fork this release does not implement (transition forks such as PragueToOsakaAtTime15k).
    }
    if (keyRevision === revision) return key;
  }
  return undefined;
}

/** Fixture files are JSON, or gzipped JSON (`.json.gz`, as the project keeps its large fixture sets). */
function isFixtureFile(path: string): boolean {
  return path.endsWith('.json') || path.endsWith('.json.gz');
}

/** The JSON text of a fixture file, decompressed when its name ends in `.gz`. */
export function readFixtureFile(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every fixture file (`.json` or `.json.gz`) under `paths` (files or folders), sorted, recursively. */
export function collectFixtureFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (isFixtureFile(path)) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path);
  return files;
}

/**
 * Runs state-test fixtures for one fork and one engine; one EVM serves all
 * cases. The skip list's cases (slow, or stale fixtures) are reported as
 * skipped, with the reason, unless `includeSlow` is set.
 */
export class StateTestRunner {
  readonly fork: string;
  readonly evm: Evm;
  readonly #filter: RegExp | undefined;
  readonly #includeSlow: boolean;
  readonly #skipList: readonly SkipEntry[];

  constructor(options: RunnerOptions = {}) {
    this.fork = options.fork ?? 'Cancun';
    this.evm = createEvm({
      revision: parseRevision(this.fork, 'fork'),
      engine: options.engine ?? 'interpreter',
    });
    this.#filter = options.filter;
    this.#includeSlow = options.includeSlow ?? false;
    this.#skipList = options.skipList ?? SKIP_LIST;
  }

  /** Runs the cases of the runner's fork in one fixture file (its path names the cases). */
  runFile(file: string, text: string = readFixtureFile(file)): CaseResult[] {
    const start = performance.now();
    let tests: StateTest[];
    try {
      tests = parseStateTestFile(text);
    } catch (error) {
      return [
        {
          id: `${file}::(file)`,
          file,
          test: '(file)',
          fork: this.fork,
          index: 0,
          status: 'failed',
          message: `cannot load ${file}: ${(error as Error).message}`,
          durationMs: performance.now() - start,
        },
      ];
    }
    const skipList = this.#includeSlow ? [] : this.#skipList;
    const results: CaseResult[] = [];
    for (const test of tests) {
      const fork = forkKey(test, this.evm.revision);
      if (fork === undefined) continue;
      const skip = skipEntryFor(file, test.name, skipList);
      const entries = test.post[fork]!;
      for (let index = 0; index < entries.length; index++) {
        const id = `${file}::${test.name}::${fork}[${index}]`;
        if (this.#filter !== undefined && !this.#filter.test(id)) continue;
        const base = { id, file, test: test.name, fork, index, indexes: entries[index]!.indexes };
        if (skip !== undefined) {
          results.push({ ...base, status: 'skipped', message: skip.reason, durationMs: 0 });
          continue;
        }
        const caseStart = performance.now();
        let status: CaseResult['status'];
        let message: string | undefined;
        try {
          const check = checkCase(test, fork, index, this.evm);
          status = check.passed ? 'passed' : 'failed';
          if (!check.passed) message = `${file}\n${check.report}`;
        } catch (error) {
          status = 'failed';
          message = `${file}\n${test.name} ${fork}[${index}]: threw ${(error as Error).stack ?? error}`;
        }
        results.push({
          ...base,
          status,
          ...(message !== undefined ? { message } : {}),
          durationMs: performance.now() - caseStart,
        });
      }
    }
    return results;
  }
}
