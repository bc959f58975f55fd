import { createEvm, Eip3155Tracer, type EngineName } from '@tandem-evm/evm';
import { parseRevision } from '@tandem-evm/host';
import { checkCase, collectFixtureFiles, parseStateTestFile, type StateTest } from '@tandem-evm/statetest';
import { UsageError } from './args.js';
import type { Io } from './main.js';

export interface StatetestTraceOptions {
  readonly paths: readonly string[];
  readonly fork: string;
  readonly engine: EngineName;
  readonly filter: RegExp | undefined;
}

interface TracedCase {
  readonly id: string;
  readonly test: StateTest;
  readonly fork: string;
  readonly index: number;
}

/** The cases of `fork` under the paths whose id (`file::test::fork[index]`) matches the filter. */
function matchingCases(options: StatetestTraceOptions, io: Io): TracedCase[] {
  const revision = parseRevision(options.fork, '--fork');
  const cases: TracedCase[] = [];
  for (const file of collectFixtureFiles(options.paths)) {
    for (const test of parseStateTestFile(io.readFile(file))) {
      const fork = Object.keys(test.post).find((key) => {
        try {
          return parseRevision(key) === revision;
        } catch {
          return false;
        }
      });
      if (fork === undefined) continue;
      test.post[fork]!.forEach((_, index) => {
        const id = `${file}::${test.name}::${fork}[${index}]`;
        if (options.filter === undefined || options.filter.test(id)) cases.push({ id, test, fork, index });
      });
    }
  }
  return cases;
}

/**
 * `tandem statetest --trace`: runs the one case the paths and `--filter`
 * select with an EIP-3155 tracer, printing a JSON line per instruction and a
 * summary line with the state root, the transaction's gas used, whether the
 * case passed, and the fork. Returns 1 if it failed.
 */
export function statetestTrace(options: StatetestTraceOptions, io: Io): number {
  const cases = matchingCases(options, io);
  if (cases.length !== 1) {
    throw new UsageError(
      `--trace runs exactly one case; ${cases.length} match (narrow them with --filter)` +
        (cases.length > 1 ? `, e.g. ${cases[0]!.id}` : ''),
    );
  }
  const { test, fork, index } = cases[0]!;
  const tracer = new Eip3155Tracer((line) => io.stdout(`${line}\n`));
  const evm = createEvm({ revision: parseRevision(fork), engine: options.engine, inspector: tracer });
  const { passed, actual } = checkCase(test, fork, index, evm);
  const { outcome } = actual;
  if (outcome.kind === 'executed') {
    tracer.summary({ stateRoot: actual.stateRoot, gasUsed: outcome.gasUsed, pass: passed, fork });
  } else {
    const stateRoot = `0x${actual.stateRoot.toString(16).padStart(64, '0')}`;
    io.stdout(
      `${JSON.stringify({ stateRoot, output: '0x', gasUsed: '0x0', pass: passed, error: outcome.reason, fork })}\n`,
    );
  }
  return passed ? 0 : 1;
}
