import { statSync } from 'node:fs';
import type { EngineName } from '@tandem-evm/evm';
import { parseRevision } from '@tandem-evm/host';
import { type CaseResult, collectFixtureFiles, StateTestRunner } from '@tandem-evm/statetest';
import { type ParsedArgs, parseArgs, UsageError } from './args.js';
import { type GethStatetestOptions, gethStatetest } from './geth-statetest.js';
import { type Io, stderrIsTerminal } from './io.js';
import { CLEAR_PROGRESS, progressBar } from './progress.js';

/** Options of Tandem's own report, and those of geth's `evm statetest` interface (which selects it). */
const TANDEM_OPTIONS = ['fork', 'filter', 'include-slow', 'json'];
const GETH_FLAGS = ['trace', 'trace.nomemory', 'trace.noreturndata', 'trace.nostack', 'trace.nostorage'];
const GETH_OPTIONS = [...GETH_FLAGS, 'trace.format', 'statetest.fork', 'statetest.index', 'run'];

export interface StatetestSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

function checkPathsExist(paths: readonly string[]): void {
  for (const path of paths) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`cannot read ${path}: no such file or folder`);
    }
  }
}

function engineOption(options: ParsedArgs['options']): EngineName {
  const engine = (options.get('engine') as string | undefined) ?? 'interpreter';
  if (engine !== 'interpreter' && engine !== 'multipass' && engine !== 'auto') {
    throw new UsageError(`--engine must be interpreter, multipass or auto, got '${engine}'`);
  }
  return engine;
}

/** geth's boolean flag: given bare or as =true/=false, else its default. */
function gethFlag(options: ParsedArgs['options'], name: string, fallback: boolean): boolean {
  const value = options.get(name);
  return value === undefined ? fallback : value === true;
}

function parseGethOptions({ options }: ParsedArgs): GethStatetestOptions {
  const format = options.get('trace.format') ?? 'json';
  if (format !== 'json') throw new UsageError(`--trace.format: only json is supported, got '${format}'`);
  // Tandem's trace has no memory, return data or storage fields, as geth's defaults and goevmlab's flags ask.
  if (!gethFlag(options, 'trace.nomemory', true))
    throw new UsageError('--trace.nomemory=false: memory is not traced');
  if (!gethFlag(options, 'trace.noreturndata', true)) {
    throw new UsageError('--trace.noreturndata=false: return data is not traced');
  }
  if (gethFlag(options, 'trace.nostack', false))
    throw new UsageError('--trace.nostack: the stack is always traced');
  const indexText = options.get('statetest.index') as string | undefined;
  if (indexText !== undefined && !/^-?[0-9]+$/.test(indexText)) {
    throw new UsageError(`--statetest.index must be an integer, got '${indexText}'`);
  }
  const runText = options.get('run') as string | undefined;
  let run: RegExp | undefined;
  try {
    run = runText === undefined ? undefined : new RegExp(runText);
  } catch (error) {
    throw new UsageError(`--run is not a valid regular expression: ${(error as Error).message}`);
  }
  const index = indexText === undefined || Number(indexText) === -1 ? undefined : Number(indexText);
  return {
    engine: engineOption(options),
    trace: gethFlag(options, 'trace', false),
    fork: options.get('statetest.fork') as string | undefined,
    index,
    run,
  };
}

function parseTandemOptions({ positionals, options }: ParsedArgs) {
  if (positionals.length === 0) throw new UsageError('statetest needs at least one fixture file or folder');
  const fork = (options.get('fork') as string | undefined) ?? 'Cancun';
  try {
    parseRevision(fork, '--fork');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const engine = engineOption(options);
  const filterText = options.get('filter') as string | undefined;
  let filter: RegExp | undefined;
  if (filterText !== undefined) {
    try {
      filter = new RegExp(filterText);
    } catch (error) {
      throw new UsageError(`--filter is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  checkPathsExist(positionals);
  return {
    paths: positionals,
    fork,
    engine,
    filter,
    includeSlow: options.get('include-slow') === true,
    json: options.get('json') === true,
  };
}

/**
 * `tandem statetest`. With `--trace`, another of geth's options, or no path
 * (paths then come on stdin), it is geth's `evm statetest` (see
 * geth-statetest.ts). Otherwise it is Tandem's runner: every case of one fork
 * in the fixture files under the paths, a report per failure (a JSON line each
 * with `--json`) and a summary; with `--json` the last line is
 * `{"passed":N,"failed":N,"skipped":N}`. Returns 1 if any case failed, else 0;
 * bad arguments throw a UsageError.
 */
export function statetestCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(
    argv,
    new Set(['include-slow', 'json', ...GETH_FLAGS]),
    new Set(['engine', ...TANDEM_OPTIONS, ...GETH_OPTIONS]),
  );
  const gethStyle = args.positionals.length === 0 || GETH_OPTIONS.some((name) => args.options.has(name));
  if (gethStyle) {
    const tandemOnly = TANDEM_OPTIONS.find((name) => args.options.has(name));
    if (tandemOnly !== undefined) {
      throw new UsageError(
        `--${tandemOnly} is not an option of geth's interface (chosen by --trace, --trace.*, --statetest.*, --run or no path)`,
      );
    }
    const options = parseGethOptions(args);
    checkPathsExist(args.positionals);
    return gethStatetest(args.positionals, options, io);
  }
  const options = parseTandemOptions(args);
  let runner: StateTestRunner;
  try {
    runner = new StateTestRunner({
      fork: options.fork,
      engine: options.engine,
      ...(options.filter !== undefined ? { filter: options.filter } : {}),
      includeSlow: options.includeSlow,
    });
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  const files = collectFixtureFiles(options.paths);
  const progress = stderrIsTerminal(io);
  const summary = { passed: 0, failed: 0, skipped: 0 };
  const start = performance.now();
  const report = (result: CaseResult): void => {
    summary[result.status]++;
    if (result.status !== 'failed') return;
    if (options.json) {
      io.stdout(`${JSON.stringify({ id: result.id, status: result.status, message: result.message })}\n`);
    } else {
      if (progress) io.stderr(CLEAR_PROGRESS);
      io.stdout(`FAIL ${result.message}\n\n`);
    }
  };
  files.forEach((file, i) => {
    for (const result of runner.runFile(file, io.readFile(file))) report(result);
    if (progress) {
      const { passed, failed, skipped } = summary;
      io.stderr(
        progressBar(i + 1, files.length, `files  ${passed} passed, ${failed} failed, ${skipped} skipped`),
      );
    }
  });
  if (progress) io.stderr(CLEAR_PROGRESS);
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
