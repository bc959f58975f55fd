import { createEvm, type EngineName } from '@tandem-evm/evm';
import { parseRevision, type Revision } from '@tandem-evm/host';
import {
  type CaseActual,
  checkCase,
  collectFixtureFiles,
  type PostEntry,
  parseStateTestFile,
  type StateTest,
} from '@tandem-evm/statetest';
import { UsageError } from './args.js';
import { GethTrace } from './geth-trace.js';
import type { Io } from './io.js';

/** The options of geth's `evm statetest` that goevmlab and people pass, as Tandem reads them. */
export interface GethStatetestOptions {
  readonly engine: EngineName;
  readonly trace: boolean;
  /** `--statetest.fork`: only this fork's cases, by the fixture's name for it. */
  readonly fork: string | undefined;
  /** `--statetest.index`: only the cases with this index in their fork. */
  readonly index: number | undefined;
  /** `--run`: only the tests whose name matches. */
  readonly run: RegExp | undefined;
}

/** One element of the JSON array geth prints on stdout. */
interface GethResult {
  readonly name: string;
  readonly pass: boolean;
  readonly stateRoot?: string;
  readonly fork: string;
  readonly error?: string;
}

const word = (value: bigint): string => value.toString(16).padStart(64, '0');

/** geth's wording of why a case failed (empty when it passed). */
function gethError(entry: PostEntry, actual: CaseActual): string {
  const { outcome } = actual;
  if (outcome.kind === 'rejected' && entry.expectException === undefined) return outcome.reason;
  if (outcome.kind === 'executed' && entry.expectException !== undefined) {
    return `expected error "${entry.expectException}", got no error`;
  }
  if (actual.stateRoot !== entry.hash) {
    return `post state root mismatch: got ${word(actual.stateRoot)}, want ${word(entry.hash)}`;
  }
  if (actual.logsHash !== entry.logs) {
    return `post state logs hash mismatch: got ${word(actual.logsHash)}, want ${word(entry.logs)}`;
  }
  return '';
}

function revisionOf(fork: string): Revision | undefined {
  try {
    return parseRevision(fork);
  } catch {
    return undefined;
  }
}

/** Runs one case; with `--trace` its trace goes to stderr. geth ends every case with its state root there. */
function runCase(
  test: StateTest,
  fork: string,
  index: number,
  options: GethStatetestOptions,
  io: Io,
): GethResult {
  const revision = revisionOf(fork);
  if (revision === undefined)
    return { name: test.name, pass: false, fork, error: `unsupported fork ${fork}` };
  const tracer = options.trace ? new GethTrace((line) => io.stderr(`${line}\n`)) : undefined;
  const evm = createEvm({
    revision,
    engine: options.engine,
    ...(tracer !== undefined ? { inspector: tracer } : {}),
  });
  const { passed, actual } = checkCase(test, fork, index, evm);
  const stateRoot = `0x${word(actual.stateRoot)}`;
  io.stderr(`{"stateRoot": "${stateRoot}"}\n`);
  const error = passed ? '' : gethError(test.post[fork]![index]!, actual);
  return { name: test.name, pass: passed, stateRoot, fork, ...(error !== '' ? { error } : {}) };
}

function runFile(file: string, options: GethStatetestOptions, io: Io): GethResult[] {
  let tests: StateTest[];
  try {
    tests = parseStateTestFile(io.readFile(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`unable to read test file ${file}: ${(error as Error).message}`);
  }
  const results: GethResult[] = [];
  for (const test of tests) {
    if (options.run !== undefined && !options.run.test(test.name)) continue;
    for (const [fork, entries] of Object.entries(test.post)) {
      if (options.fork !== undefined && fork !== options.fork) continue;
      entries.forEach((_, index) => {
        if (options.index === undefined || options.index === index)
          results.push(runCase(test, fork, index, options, io));
      });
    }
  }
  return results;
}

/** geth prints the results as an indented JSON array. */
function report(results: readonly GethResult[], io: Io): void {
  io.stdout(`${JSON.stringify(results, null, 2)}\n`);
}

/**
 * `tandem statetest` in geth's shape: every case of every fork in the files
 * (or, with no paths, in each file named on a line of stdin, answered before
 * the next line is read). Per case, the trace and `{"stateRoot": "0x…"}` go to
 * stderr; per run (per stdin line in batch mode) the results go to stdout.
 * Returns 0 whatever the verdicts, as geth does.
 */
export function gethStatetest(paths: readonly string[], options: GethStatetestOptions, io: Io): number {
  if (paths.length > 0) {
    report(
      collectFixtureFiles(paths).flatMap((file) => runFile(file, options, io)),
      io,
    );
    return 0;
  }
  if (io.readLine === undefined) throw new UsageError('statetest needs a fixture path or paths on stdin');
  for (let line = io.readLine(); line !== undefined && line !== ''; line = io.readLine()) {
    report(runFile(line, options, io), io);
  }
  return 0;
}
