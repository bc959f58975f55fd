import { type CoverageSummary, type PoolResult, runPool, summarizeCoverage } from '@tandem-evm/difftest';
import type { EngineName } from '@tandem-evm/evm';
import { parseRevision, type Revision, revisionName } from '@tandem-evm/host';
import { parseArgs, UsageError } from './args.js';
import { type Io, stderrIsTerminal } from './io.js';
import { CLEAR_PROGRESS, progressBar } from './progress.js';

const ENGINES = new Set(['interpreter', 'multipass', 'auto']);

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  readonly engines: readonly EngineName[];
  /** Draw the cases from these revisions only (empty: all, weighted to the newest). */
  readonly revisions: readonly Revision[];
  readonly againstEthereumjs: boolean;
  /** 1-based shard index and shard count. */
  readonly shard: readonly [number, number];
  readonly workers: number;
  readonly outDir: string;
  readonly json: boolean;
  readonly coverage: boolean;
}

function positiveInteger(
  text: string | boolean | undefined,
  field: string,
  fallback: number,
  min = 1,
): number {
  if (text === undefined) return fallback;
  if (
    typeof text !== 'string' ||
    !/^[0-9]+$/.test(text) ||
    Number(text) < min ||
    !Number.isSafeInteger(Number(text))
  ) {
    throw new UsageError(`${field} must be an integer of at least ${min}, got '${text}'`);
  }
  return Number(text);
}

export function parseFuzzOptions(argv: readonly string[], now: () => number = Date.now): FuzzOptions {
  const { positionals, options } = parseArgs(
    argv,
    new Set(['json', 'coverage']),
    new Set([
      'runs',
      'seed',
      'against',
      'engines',
      'revisions',
      'shard',
      'workers',
      'out',
      'json',
      'coverage',
    ]),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const seedText = options.get('seed');
  let seed: number;
  if (seedText === undefined) {
    seed = now() % 2 ** 31;
  } else if (
    typeof seedText === 'string' &&
    /^-?[0-9]+$/.test(seedText) &&
    Math.abs(Number(seedText)) < 2 ** 31
  ) {
    seed = Number(seedText);
  } else {
    throw new UsageError(`--seed must be an integer in (-2^31, 2^31), got '${seedText}'`);
  }
  const against = options.get('against');
  if (against !== undefined && against !== 'ethereumjs') {
    throw new UsageError(`--against must be 'ethereumjs', got '${against}'`);
  }
  const engines = String(options.get('engines') ?? 'interpreter,multipass,auto')
    .split(',')
    .filter((name) => name.length > 0);
  for (const engine of engines) {
    if (!ENGINES.has(engine))
      throw new UsageError(`--engines: unknown engine '${engine}' (interpreter, multipass, auto)`);
  }
  if (engines.length === 0) throw new UsageError('--engines needs at least one engine');
  if (engines.length === 1 && against === undefined) {
    throw new UsageError('--engines needs two engines to compare, or one with --against ethereumjs');
  }
  const revisionsText = options.get('revisions');
  let revisions: Revision[] = [];
  if (revisionsText !== undefined) {
    try {
      revisions = String(revisionsText)
        .split(',')
        .map((name) => parseRevision(name, '--revisions'));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const shardText = options.get('shard') ?? '1/1';
  const shard = /^([0-9]+)\/([0-9]+)$/.exec(String(shardText));
  if (shard === null || Number(shard[2]) < 1 || Number(shard[1]) < 1 || Number(shard[1]) > Number(shard[2])) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, got '${shardText}'`);
  }
  return {
    runs: positiveInteger(options.get('runs'), '--runs', 1000),
    seed,
    engines: engines as EngineName[],
    revisions,
    againstEthereumjs: against === 'ethereumjs',
    shard: [Number(shard[1]), Number(shard[2])],
    workers: positiveInteger(options.get('workers'), '--workers', 1),
    outDir: String(options.get('out') ?? 'fuzz-divergences'),
    json: options.get('json') === true,
    coverage: options.get('coverage') === true,
  };
}

/** The case indices of shard i/n of `runs` cases: contiguous seed ranges, the first shards one case longer. */
export function shardRange(runs: number, [index, count]: readonly [number, number]): [number, number] {
  const base = Math.floor(runs / count);
  const extra = runs % count;
  const start = (index - 1) * base + Math.min(index - 1, extra);
  return [start, start + base + (index - 1 < extra ? 1 : 0)];
}

function coverageText(summary: CoverageSummary): string {
  const percent = (reached: number, total: number) =>
    `${reached}/${total} (${((100 * reached) / total).toFixed(1)}%)`;
  const lines = [
    `coverage  ${summary.runs} runs, ${summary.instructions} instructions executed by the reference engine`,
    `  revisions              ${percent(summary.revisions.reached, summary.revisions.total)}`,
    `  opcodes (any revision) ${percent(summary.opcodes.reached, summary.opcodes.total)}${summary.opcodes.missing.length > 0 ? `; not reached: ${summary.opcodes.missing.join(' ')}` : ''}`,
    `  (revision, opcode)     ${percent(summary.opcodeRevisionPairs.reached, summary.opcodeRevisionPairs.total)}`,
    `  call kinds             ${percent(summary.callKinds.reached, summary.callKinds.total)} ${JSON.stringify(summary.callKinds.counts)}`,
    `  precompiles called     ${JSON.stringify(summary.precompiles)}`,
    `  precompile results     ${JSON.stringify(summary.precompileResults)}`,
    `  delegations (Prague+)  ${JSON.stringify(summary.delegation)}`,
    `  Prague/Osaka features  ${percent(summary.pragueOsaka.reached, summary.pragueOsaka.total)}${summary.pragueOsaka.missing.length > 0 ? `; not reached: ${summary.pragueOsaka.missing.join(', ')}` : ''}`,
    `  child frame statuses   ${JSON.stringify(summary.childStatuses)}`,
    `  top-level statuses     ${JSON.stringify(summary.topStatuses)}`,
    `  deepest frame          ${summary.maxDepth}`,
    ...summary.perRevision.map(
      (row) =>
        `  ${row.revision.padEnd(18)} ${String(row.runs).padStart(6)} runs  opcodes ${percent(row.opcodesReached, row.opcodesDefined)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `tandem fuzz`: generates scenarios from seeds and runs each on the engines
 * (the first is the reference) and, with `--against ethereumjs`, on
 * @ethereumjs/evm, in worker threads. Cases are indices 0..runs-1 of the seed;
 * `--shard i/n` takes the i-th contiguous part, so machines can split a
 * campaign; `--revisions` draws the scenarios from those revisions only.
 * Each divergence is shrunk and written to the out folder as a
 * reproducer that `tandem run --prestate FILE` replays. With `--json` the
 * last line is `{"runs":N,"divergences":N}`. Returns 1 on any divergence.
 */
export function fuzzCommand(argv: readonly string[], io: Io): number {
  const options = parseFuzzOptions(argv);
  const [start, end] = shardRange(options.runs, options.shard);
  const revisions =
    options.revisions.length > 0 ? `, revisions ${options.revisions.map(revisionName).join(',')}` : '';
  const announce = `seed ${options.seed}, cases ${start}..${end - 1} (shard ${options.shard.join('/')}), engines ${options.engines.join(',')}${options.againstEthereumjs ? ' + ethereumjs' : ''}${revisions}, ${options.workers} worker(s)`;
  if (!options.json) io.stdout(`tandem fuzz: ${announce}\n`);
  // On a terminal one bar over all workers; elsewhere (CI logs) a line per worker report.
  const bar = stderrIsTerminal(io) && !options.json;
  const doneByWorker = new Map<number, number>();
  let divergences = 0;
  const write = (stream: (text: string) => void, text: string): void => {
    if (bar) io.stderr(CLEAR_PROGRESS);
    stream(text);
  };
  if (bar) io.stderr(progressBar(0, end - start, 'runs  0 divergences'));
  let result: PoolResult;
  try {
    result = runPool(
      {
        seed: options.seed,
        start,
        end,
        workers: options.workers,
        engines: options.engines,
        revisions: options.revisions,
        againstEthereumjs: options.againstEthereumjs,
        outDir: options.outDir,
        coverage: options.coverage,
      },
      (event) => {
        if (event.type === 'progress') {
          doneByWorker.set(event.worker, event.done);
          if (bar) {
            const done = [...doneByWorker.values()].reduce((sum, runs) => sum + runs, 0);
            io.stderr(progressBar(done, end - start, `runs  ${divergences} divergences`));
          } else if (!options.json) {
            io.stderr(`  worker ${event.worker}: ${event.done} runs, ${event.divergences} divergences\n`);
          }
          return;
        }
        if (event.type === 'excused') {
          const line = {
            excused: event.index,
            seed: options.seed,
            runner: event.runner,
            reason: event.summary,
          };
          write(
            io.stdout,
            options.json ? `${JSON.stringify(line)}\n` : `excused case ${event.index}: ${event.summary}\n`,
          );
          return;
        }
        const line = {
          divergence: event.index,
          seed: options.seed,
          runner: event.runner,
          summary: event.summary,
          reproducer: event.path,
        };
        divergences++;
        write(
          io.stdout,
          options.json
            ? `${JSON.stringify(line)}\n`
            : `DIVERGENCE case ${event.index}: ${event.summary}\n  reproducer: ${event.path}\n`,
        );
      },
    );
  } catch (error) {
    write(io.stderr, `tandem fuzz: ${(error as Error).message}\n`);
    return 2;
  }
  if (bar) io.stderr(CLEAR_PROGRESS);
  const busyMs = result.workers.reduce((sum, worker) => sum + worker.elapsedMs, 0);
  const perWorker = busyMs > 0 ? (result.runs * 1000) / busyMs : 0;
  const summary = result.coverage !== undefined ? summarizeCoverage(result.coverage) : undefined;
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        seed: options.seed,
        start,
        end,
        workers: result.workers.length,
        elapsedMs: Math.round(result.elapsedMs),
        excused: result.excused,
        runsPerSecondPerWorker: Number(perWorker.toFixed(2)),
        ...(summary !== undefined ? { coverage: summary } : {}),
      })}\n`,
    );
    io.stdout(`${JSON.stringify({ runs: result.runs, divergences: result.divergences })}\n`);
  } else {
    if (summary !== undefined) io.stdout(coverageText(summary));
    io.stdout(
      `${result.runs} runs, ${result.divergences} divergences${result.excused > 0 ? ` (${result.excused} excused as known ethereumjs bugs)` : ''} in ${(result.elapsedMs / 1000).toFixed(1)} s; ${perWorker.toFixed(1)} runs/s/worker\n`,
    );
  }
  return result.divergences > 0 ? 1 : 0;
}
