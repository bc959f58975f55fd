/** The terminal report: one row per case and engine, then the geometric means. */
import type { ComparisonReport } from '../regression.js';
import { formatDuration, formatRatio } from '../stats.js';
import type { EnginePair, GroupMean, ResultIndex } from './speedups.js';

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  if (length >= width) return text;
  return right ? ' '.repeat(width - length) + text : text + ' '.repeat(width - length);
}

export interface Column {
  readonly title: string;
  readonly right: boolean;
}

/** Lays out rows under titles, columns as wide as their widest cell. */
export function layoutTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max([...column.title].length, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, columns[i]!.right))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), ...rows.map(line)].join('\n');
}

/** Per-case rows; `against` are the engines the speed-up columns compare with. */
export function caseTable(
  index: ResultIndex,
  engines: readonly string[],
  against: readonly string[],
): string {
  const columns: Column[] = [
    { title: 'case', right: false },
    { title: 'engine', right: false },
    { title: 'samples', right: true },
    { title: 'median', right: true },
    { title: 'min', right: true },
    { title: 'max', right: true },
    { title: 'first run', right: true },
    ...against.map((name) => ({ title: `vs ${name}`, right: true })),
  ];
  const rows: string[][] = [];
  for (const caseName of index.cases) {
    let first = true;
    for (const engine of engines) {
      const result = index.get(caseName, engine);
      if (result === undefined) continue;
      const label = first ? caseName : '';
      first = false;
      const summary = result.summary;
      if (summary === undefined) {
        rows.push([label, engine, '', 'FAILED', '', '', '', ...against.map(() => '')]);
        continue;
      }
      rows.push([
        label,
        engine,
        String(summary.samples),
        formatDuration(summary.medianNs),
        formatDuration(summary.minNs),
        formatDuration(summary.maxNs),
        result.firstRunNs === undefined ? '' : formatDuration(result.firstRunNs),
        ...against.map((other) => {
          if (other === engine) return '—';
          const ratio = index.speedup(caseName, engine, other);
          return ratio === undefined ? '' : formatRatio(ratio);
        }),
      ]);
    }
  }
  return layoutTable(columns, rows);
}

export function pairTitle(pair: EnginePair): string {
  return `${pair.engine} vs ${pair.against}`;
}

/** Geometric means of the speed-ups, one row per group, one column per engine pair. */
export function meansTable(means: readonly GroupMean[], pairs: readonly EnginePair[]): string {
  const groups = [...new Set(means.map((mean) => mean.group))];
  const columns: Column[] = [
    { title: 'group', right: false },
    ...pairs.flatMap((pair) => [
      { title: pairTitle(pair), right: true },
      { title: 'cases', right: true },
    ]),
  ];
  const rows = groups.flatMap((group) => {
    const cells = pairs.flatMap((pair) => {
      const mean = means.find((entry) => entry.group === group && entry.pair === pair);
      return mean?.geomean === undefined ? ['', '0'] : [formatRatio(mean.geomean), String(mean.cases)];
    });
    return cells.every((cell) => cell === '' || cell === '0') ? [] : [[group, ...cells]];
  });
  return layoutTable(columns, rows);
}

export function failuresText(index: ResultIndex): string {
  return index.results
    .filter((result) => !result.verified)
    .map((result) => `FAILED ${result.case} [${result.engine}]: ${result.error}`)
    .join('\n');
}

/**
 * The regression check's verdict. Beside each regression of another engine
 * stands the `peer` engine's own change on that case: the peer's code did not
 * change between the runs, so a like slowdown there is the machine's drift.
 */
export function comparisonText(report: ComparisonReport, file: string, peer?: string): string {
  const lines = [
    `compared with ${file}: ${report.comparisons.length} cases, ${report.regressions.length} regressed`,
  ];
  for (const regression of report.regressions) {
    const control =
      regression.engine === peer
        ? undefined
        : report.comparisons.find((entry) => entry.case === regression.case && entry.engine === peer);
    lines.push(
      `  REGRESSED ${regression.case} [${regression.engine}]: ${formatDuration(regression.baselineNs)} -> ${formatDuration(
        regression.currentNs,
      )} (${formatRatio(regression.ratio)} the baseline)${
        control === undefined ? '' : `; ${peer} on this case: ${formatRatio(control.ratio)} its baseline`
      }`,
    );
  }
  if (report.missing.length > 0)
    lines.push(`  failed in this run, not compared: ${report.missing.join(', ')}`);
  lines.push(
    report.failed
      ? `regression check FAILED (${report.regressions.length} cases regressed; the limit is ${report.rule.failAt - 1})`
      : 'regression check passed',
  );
  return lines.join('\n');
}
