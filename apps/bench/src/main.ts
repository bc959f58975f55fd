/**
 * The bench app: `pnpm bench [--engines a,b] [--filter REGEX] [--quick]
 * [--json F] [--markdown F] [--save-baseline F] [--compare F]`.
 * Exit code 0; 1 when a case fails verification or the regression check
 * fails; 2 for a usage error.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { EngineName } from '@tandem-evm/evm';
import { parseBenchArgs, USAGE, UsageError } from './args.js';
import { withColdRuns } from './cold.js';
import { DEFAULT_ENGINES, ENGINE_NAMES, ENGINES, PEER_ENGINE, REFERENCE_ENGINE } from './engines/index.js';
import { Progress } from './progress.js';
import { compareToBaseline } from './regression.js';
import { coldTable } from './report/cold.js';
import { compilationMarkdown, compilationRows, compilationText } from './report/compilation.js';
import { compareWithEvmone, evmoneTableRows } from './report/evmone.js';
import { parseBaseline, toJson } from './report/json.js';
import { markdownReport, type RunInfo } from './report/markdown.js';
import { enginePairs, groupMeans, ResultIndex } from './report/speedups.js';
import { type ChartRow, speedupChart } from './report/svg.js';
import { caseTable, comparisonText, failuresText, layoutTable, meansTable } from './report/table.js';
import { type CaseResult, runAll } from './runner.js';
import { describePlan, samplingPlan } from './sampling.js';
import { formatRatio } from './stats.js';
import { measureSteadyState, steadyStateText } from './steady-state.js';
import { allWorkloads, GROUPS, type SetupWorkload } from './workloads/index.js';

// tsx turns on source-map support, which makes Node scan every `new Function`
// source for a sourceURL comment: a fifth of multipass's compile time in the
// profile. A program running the built packages has it off; so do we.
process.setSourceMapsEnabled(false);

function usage(): string {
  return USAGE.replace('{engines}', ENGINE_NAMES.join(', ')).replace(
    '{defaults}',
    DEFAULT_ENGINES.join(', '),
  );
}

function ethereumjsVersion(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@ethereumjs/evm');
    const manifest = path.resolve(path.dirname(entry), '../../package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

function chartRows(index: ResultIndex, engines: readonly string[], against: string): ChartRow[] {
  return index.cases.flatMap((caseName) => {
    const bars = engines.flatMap((engine) => {
      const ratio = index.speedup(caseName, engine, against);
      return ratio === undefined ? [] : [{ series: engine, ratio }];
    });
    const group = index.results.find((result) => result.case === caseName)!.group;
    return bars.length === 0 ? [] : [{ label: caseName, group, bars }];
  });
}

function writeReports(
  results: readonly CaseResult[],
  engines: readonly string[],
  info: RunInfo,
  options: { json: string | undefined; markdown: string | undefined; saveBaseline: string | undefined },
): { index: ResultIndex; text: string } {
  const index = new ResultIndex(results);
  const pairs = enginePairs(engines, PEER_ENGINE, REFERENCE_ENGINE);
  const means = groupMeans(index, pairs);
  const against = [PEER_ENGINE, REFERENCE_ENGINE].filter((engine) => engines.includes(engine));
  const sections = [caseTable(index, engines, against)];
  if (pairs.length > 0) sections.push(`geometric means of the speed-ups\n${meansTable(means, pairs)}`);
  const evmone = compareWithEvmone(index, engines, means, PEER_ENGINE);
  if (evmone.rows.length > 0) {
    const columns = ['case', 'evmone', ...engines.map((engine) => `${engine} × evmone`)].map((title, i) => ({
      title,
      right: i > 0,
    }));
    sections.push(
      `against native evmone's reference timings (not measured in this run; above 1× is slower)\n${layoutTable(
        columns,
        evmoneTableRows(evmone),
      )}`,
    );
  }
  const cold = coldTable(index, engines, PEER_ENGINE);
  if (cold !== undefined) {
    const columns = cold.header.map((title, i) => ({ title, right: i > 0 }));
    sections.push(`cold: the first run in a fresh process\n${layoutTable(columns, cold.rows)}`);
  }
  const failures = failuresText(index);
  if (failures !== '') sections.push(failures);

  const json = `${JSON.stringify(toJson(results), null, 2)}\n`;
  if (options.json !== undefined) writeFileSync(options.json, json);
  if (options.saveBaseline !== undefined) writeFileSync(options.saveBaseline, json);
  if (options.markdown !== undefined) {
    let chartFile: string | undefined;
    const charted = engines.filter((engine) => engine !== PEER_ENGINE);
    if (engines.includes(PEER_ENGINE) && charted.length > 0) {
      const svgPath = `${options.markdown.replace(/\.md$/i, '')}.svg`;
      const rows = chartRows(index, charted, PEER_ENGINE);
      if (rows.length > 0) {
        writeFileSync(
          svgPath,
          speedupChart(rows, {
            title: 'Speed-up over @ethereumjs/evm (median time per case, log scale)',
            axisLabel: `${info.date}, ${info.quick ? '--quick' : 'full run'}`,
            series: charted,
            groupNotes: new Map(
              GROUPS.map((group) => [
                group,
                charted
                  .flatMap((engine) => {
                    const mean = means.find(
                      (entry) =>
                        entry.group === group &&
                        entry.pair.engine === engine &&
                        entry.pair.against === PEER_ENGINE,
                    );
                    return mean?.geomean === undefined
                      ? []
                      : [
                          `${charted.length > 1 ? `${engine} ` : ''}geometric mean ${formatRatio(mean.geomean)}`,
                        ];
                  })
                  .join(', '),
              ]),
            ),
          }),
        );
        chartFile = path.basename(svgPath);
      }
    }
    writeFileSync(
      options.markdown,
      markdownReport(info, index, pairs, means, evmone, chartFile, PEER_ENGINE),
    );
  }
  return { index, text: sections.join('\n\n') };
}

/**
 * File arguments are relative to where the user typed the command: pnpm runs
 * the script in apps/bench but passes the original folder as INIT_CWD.
 */
function userPath(file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    const parsed = parseBenchArgs(argv, ENGINE_NAMES, DEFAULT_ENGINES);
    options = {
      ...parsed,
      json: userPath(parsed.json),
      markdown: userPath(parsed.markdown),
      saveBaseline: userPath(parsed.saveBaseline),
      compare: userPath(parsed.compare),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage());
    return 0;
  }
  const filter = options.filter;
  const workloads = allWorkloads().filter((workload) => filter === undefined || filter.test(workload.name));
  if (options.list) {
    process.stdout.write(workloads.map((workload) => `${workload.name}\n`).join(''));
    return 0;
  }
  if (workloads.length === 0) {
    process.stderr.write('bench: no case matches --filter\n');
    return 2;
  }
  const baseline =
    options.compare === undefined
      ? undefined
      : parseBaseline(readFileSync(options.compare, 'utf8'), options.compare);

  const engines = options.engines.map((name) => ENGINES[name]!());
  const progress = new Progress();
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  let results = await runAll(workloads, engines, {
    plan: (engine) => samplingPlan(engine, options.quick),
    onProgress: (event) => progress.update(event),
    onResult: (result) => {
      if (!result.verified) progress.note(`FAILED ${result.case} [${result.engine}]: ${result.error}`);
    },
  });
  if (options.cold) {
    results = withColdRuns(
      results,
      (done, total, result) => progress.cold(done, total, result.case, result.engine),
      (result, why) => progress.note(`no cold run for ${result.case} [${result.engine}]: ${why}`),
    );
  }
  progress.done();

  const cpus = os.cpus();
  const info: RunInfo = {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    quick: options.quick,
    engines: options.engines,
    ethereumjsVersion: options.engines.includes(PEER_ENGINE) ? ethereumjsVersion() : undefined,
    command: `pnpm bench ${argv.filter((arg) => arg !== '--').join(' ')}`.trim(),
    durationSeconds: (Date.now() - started) / 1000,
    loadAverages: [loadAtStart, os.loadavg()[0]!],
    sampling: options.engines
      .map((engine) => describePlan(engine, samplingPlan(engine, options.quick)))
      .join('; '),
  };
  const { index, text } = writeReports(results, options.engines, info, options);
  process.stdout.write(`${text}\n`);
  const compiled = workloads.filter(
    (workload): workload is SetupWorkload => workload.kind === 'setup' && workload.group === 'compile',
  );
  if (options.engines.includes('multipass') && compiled.length > 0) {
    const rows = compilationRows(compiled, index);
    process.stdout.write(`\n${compilationText(rows)}\n`);
    if (options.markdown !== undefined) appendFileSync(options.markdown, `\n${compilationMarkdown(rows)}\n`);
  }
  const tandemEngines = options.engines.filter((engine): engine is EngineName => engine !== PEER_ENGINE);
  if (tandemEngines.length > 0 && (filter === undefined || filter.test('call/empty'))) {
    const steady = [];
    for (const engine of tandemEngines) steady.push(await measureSteadyState(engine));
    process.stdout.write(`\n${steadyStateText(steady)}\n`);
  }

  let exitCode = index.results.some((result) => !result.verified) ? 1 : 0;
  if (baseline !== undefined) {
    const report = compareToBaseline(
      baseline,
      results.map((result) => ({
        case: result.case,
        engine: result.engine,
        medianNs: result.summary?.medianNs ?? null,
      })),
    );
    process.stdout.write(`\n${comparisonText(report, options.compare!, PEER_ENGINE)}\n`);
    if (report.failed) exitCode = 1;
  }
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
