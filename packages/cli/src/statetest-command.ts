import { statSync } from 'node:fs';
import type { EngineName } from '@tandem-evm/evm';
import { parseRevision } from '@tandem-evm/host';
import { type CaseResult, collectFixtureFiles, StateTestRunner } from '@tandem-evm/statetest';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './main.js';
import { statetestTrace } from './statetest-trace.js';

/** The CLI's I/O, plus whether stderr is a terminal (for the progress bar); defaults to process.stderr. */
export interface StatetestIo extends Io {
  readonly stderrIsTty?: boolean;
}

export interface StatetestSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

const BAR_WIDTH = 30;

function progressLine(done: number, total: number, summary: StatetestSummary): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
  return `\r[${bar}] ${done}/${total} files  ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}

function parseOptions(argv: readonly string[]) {
  const { positionals, options } = parseArgs(
    argv,
    new Set(['include-slow', 'json', 'trace']),
    new Set(['fork', 'engine', 'filter', 'include-slow', 'json', 'trace']),
  );
  if (positionals.length === 0) throw new UsageError('statetest needs at least one fixture file or folder');
  const fork = (options.get('fork') as string | undefined) ?? 'Cancun';
  try {
    parseRevision(fork, '--fork');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const engine = (options.get('engine') as string | undefined) ?? 'interpreter';
  const filterText = options.get('filter') as string | undefined;
  let filter: RegExp | undefined;
  if (filterText !== undefined) {
    try {
      filter = new RegExp(filterText);
    } catch (error) {
      throw new UsageError(`--filter is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  for (const path of positionals) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`cannot read ${path}: no such file or folder`);
    }
  }
  return {
    paths: positionals,
    fork,
    engine,
    filter,
    includeSlow: options.get('include-slow') === true,
    json: options.get('json') === true,
    trace: options.get('trace') === true,
  };
}

/**
 * `tandem statetest`: runs every case of one fork in the fixture files under
 * the paths. Prints a report per failure (a JSON line each with `--json`) and
 * a summary; with `--json` the last line is `{"passed":N,"failed":N,"skipped":N}`.
 * Returns 1 if any case failed, else 0; bad arguments throw a UsageError.
 */
export function statetestCommand(argv: readonly string[], io: StatetestIo): number {
  const options = parseOptions(argv);
  if (options.trace) return statetestTrace({ ...options, engine: options.engine as EngineName }, io);
  let runner: StateTestRunner;
  try {
    runner = new StateTestRunner({
      fork: options.fork,
      engine: options.engine as EngineName,
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      includeSlow: options.includeSlow,
    });
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  const files = collectFixtureFiles(options.paths);
  const progress = io.stderrIsTty ?? process.stderr.isTTY === true;
  const summary = { passed: 0, failed: 0, skipped: 0 };
  const start = performance.now();
  const report = (result: CaseResult): void => {
    summary[result.status]++;
    if (result.status !== 'failed') return;
    if (options.json) {
      io.stdout(`${JSON.stringify({ id: result.id, status: result.status, message: result.message })}\n`);
    } else {
      if (progress) io.stderr('\r\x1b[K');
      io.stdout(`FAIL ${result.message}\n\n`);
    }
  };
  files.forEach((file, i) => {
    for (const result of runner.runFile(file, io.readFile(file))) report(result);
    if (progress) io.stderr(progressLine(i + 1, files.length, summary));
  });
  if (progress) io.stderr('\r\x1b[K');
  const seconds = (performance.now() - start) / 1000;
  if (options.json) {
    io.stdout(`${JSON.stringify(summary)}\n`);
  } else {
    const ran = summary.passed + summary.failed;
    const rate = seconds > 0 ? Math.round(ran / seconds) : ran;
    io.stdout(
      `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped ` +
        `(${files.length} files, ${seconds.toFixed(1)} s, ${rate} cases/s)\n`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}
