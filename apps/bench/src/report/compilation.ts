/**
 * What multipass compilation costs per code (issue "The multipass compiler"):
 * the code's size, the compiler's verdict, the median compile time the
 * `compile/…` cases measured and that time per KiB, and the generated
 * JavaScript the code cache holds for it (its memory, to a first measure).
 */
import { Revision } from '@tandem-evm/host';
import { compile } from '@tandem-evm/multipass';
import { analyzeCode } from '@tandem-evm/opcodes';
import type { SetupWorkload } from '../workloads/index.js';
import type { ResultIndex } from './speedups.js';

export interface CompilationRow {
  readonly case: string;
  readonly codeBytes: number;
  readonly verdict: string;
  readonly blocks: number;
  /** Median of the `compile/…` case on multipass; undefined when it was not run or failed. */
  readonly medianMs: number | undefined;
  readonly sourceBytes: number;
}

export function compilationRows(workloads: readonly SetupWorkload[], index: ResultIndex): CompilationRow[] {
  return workloads.map((workload) => {
    const compiled = compile(analyzeCode(workload.code), Revision.Cancun);
    const median = index.get(workload.name, 'multipass')?.summary?.medianNs;
    return {
      case: workload.name,
      codeBytes: workload.code.length,
      verdict: compiled.verdict,
      blocks: compiled.blockCount,
      medianMs: median === undefined ? undefined : median / 1e6,
      sourceBytes: compiled.source.length,
    };
  });
}

const HEADER = ['case', 'code KiB', 'verdict', 'blocks', 'compile ms', 'ms per KiB', 'generated JS KiB'];

function cells(row: CompilationRow): string[] {
  const kib = row.codeBytes / 1024;
  return [
    row.case,
    kib.toFixed(1),
    row.verdict,
    String(row.blocks),
    row.medianMs === undefined ? '—' : row.medianMs.toFixed(2),
    row.medianMs === undefined ? '—' : (row.medianMs / kib).toFixed(2),
    (row.sourceBytes / 1024).toFixed(0),
  ];
}

export function compilationText(rows: readonly CompilationRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) =>
    row
      .map((value, column) =>
        column === 0 || column === 2 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!),
      )
      .join('  '),
  );
  return `multipass compilation (median compile time of the compile/ cases; generated JS is what the code cache holds)\n${lines.join('\n')}`;
}

export function compilationMarkdown(rows: readonly CompilationRow[]): string {
  const lines = [
    '## Multipass compilation',
    '',
    'Per code: the compiler’s verdict, the median compile time of its `compile/…` case, that time per KiB of code, and the generated JavaScript the code cache holds for it (its memory, to a first measure). Code judged unsuitable is analysed and left to the interpreter, so it costs little and holds nothing.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| --- | ---: | --- | ---: | ---: | ---: | ---: |`,
    ...rows.map(
      (row) =>
        `| ${cells(row)
          .map((cell, i) => (i === 0 ? `\`${cell}\`` : cell))
          .join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}
