/** The `--markdown` report: run facts, geometric means, the chart, and every case. */
import { formatDuration, formatRatio } from '../stats.js';
import { coldTable } from './cold.js';
import { type EvmoneComparison, evmoneTableRows } from './evmone.js';
import type { EnginePair, GroupMean, ResultIndex } from './speedups.js';
import { pairTitle } from './table.js';

export interface RunInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly os: string;
  readonly quick: boolean;
  readonly engines: readonly string[];
  readonly ethereumjsVersion: string | undefined;
  readonly command: string;
  readonly durationSeconds: number;
  /** One-minute load averages when the run started and ended: how busy the machine was. */
  readonly loadAverages: readonly [number, number];
  /** How many samples and how much time each engine got per case. */
  readonly sampling: string;
}

/** How many of the smallest speed-ups the report names. */
const SLOWEST = 3;

/** Per-call figures the design sets targets for. */
const PER_CALL: readonly { label: string; case: string; count: number; target: string }[] = [
  { label: 'empty top-level call', case: 'call/empty', count: 1, target: '≤ 1 µs' },
  { label: 'ERC-20 transfer', case: 'call/erc20-transfer', count: 1, target: '≤ 10 µs' },
  { label: 'ERC-20 balanceOf', case: 'call/erc20-balanceOf', count: 1, target: '' },
  { label: 'nested CALL', case: 'call/nested-call-1000', count: 1000, target: '≤ 2 µs' },
  { label: 'nested STATICCALL', case: 'call/nested-staticcall-1000', count: 1000, target: '≤ 2 µs' },
  { label: 'nested DELEGATECALL', case: 'call/nested-delegatecall-1000', count: 1000, target: '≤ 2 µs' },
  { label: 'CREATE', case: 'call/create-100', count: 100, target: '' },
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(
  header: readonly string[],
  align: readonly ('l' | 'r')[],
  rows: readonly (readonly string[])[],
): string {
  const separator = align.map((side) => (side === 'r' ? '---:' : '---'));
  return [header, separator, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

export function markdownReport(
  info: RunInfo,
  index: ResultIndex,
  pairs: readonly EnginePair[],
  means: readonly GroupMean[],
  evmone: EvmoneComparison,
  chartFile: string | undefined,
  /** The engine the cold speed-ups are measured against. */
  peer: string,
): string {
  const failures = index.results.filter((result) => !result.verified);
  const caseCount = index.cases.length;
  const lines: string[] = [];
  lines.push('# Tandem EVM benchmarks', '');
  lines.push(
    `Measured ${info.date} on ${info.cpu} (${info.cores} vCPU), Node ${info.node}, ${info.os}: ` +
      `${info.quick ? 'a `--quick`' : 'a full'} run of ${caseCount} cases on ${info.engines.join(', ')}` +
      `${info.ethereumjsVersion === undefined ? '' : ` (@ethereumjs/evm ${info.ethereumjsVersion})`}, ` +
      `${Math.round(info.durationSeconds)} s in all; one-minute load average ${info.loadAverages
        .map((load) => load.toFixed(1))
        .join(' at the start, ')} at the end. Command: \`${info.command}\`.`,
    '',
  );
  lines.push(
    failures.length === 0
      ? `Every case was verified on every engine before it was timed (status, gas used, gas refund and output for calls; jump destinations for set-up).`
      : `**${failures.length} case/engine pairs failed verification** and have no numbers:`,
    '',
  );
  for (const failure of failures) lines.push(`- \`${failure.case}\` [${failure.engine}]: ${failure.error}`);
  if (failures.length > 0) lines.push('');

  if (pairs.length > 0) {
    lines.push('## Geometric means of the speed-ups', '');
    lines.push(
      'Speed-up = the other engine’s median time / this engine’s median time, per case; above 1× is faster. ' +
        '`main+micro` are the 27 evm-benchmarks cases the design targets refer to.',
      '',
    );
    const groups = [...new Set(means.map((mean) => mean.group))];
    const rows = groups.flatMap((group) => {
      const cells = pairs.map((pair) => {
        const mean = means.find((entry) => entry.group === group && entry.pair === pair);
        return mean?.geomean === undefined ? '' : `${formatRatio(mean.geomean)} (${mean.cases})`;
      });
      return cells.every((text) => text === '') ? [] : [[`\`${group}\``, ...cells]];
    });
    lines.push(
      table(
        ['group', ...pairs.map((pair) => `${pairTitle(pair)} (cases)`)],
        ['l', ...pairs.map(() => 'r' as const)],
        rows,
      ),
      '',
    );
  }
  if (chartFile !== undefined) lines.push(`![Speed-up of each case over @ethereumjs/evm](${chartFile})`, '');

  for (const pair of pairs) {
    const ranked = index.cases
      .flatMap((caseName) => {
        const ratio = index.speedup(caseName, pair.engine, pair.against);
        return ratio === undefined ? [] : [{ caseName, ratio }];
      })
      .sort((a, b) => a.ratio - b.ratio);
    if (ranked.length === 0) continue;
    const slowest = ranked
      .slice(0, SLOWEST)
      .map(({ caseName, ratio }) => `\`${caseName}\` ${formatRatio(ratio)}`)
      .join(', ');
    lines.push(`Smallest speed-ups of ${pairTitle(pair)}: ${slowest}.`, '');
  }

  if (evmone.rows.length > 0) {
    lines.push('## Against native evmone (reference timings)', '');
    lines.push(
      'Each engine’s median time / native evmone’s time, per case (above 1× is slower). evmone’s times are the reference timings in ' +
        '`fixtures/benchmarks/evmone_reference_timings.tsv`, not measured in this run: an estimate. The last row divides ' +
        'ethereumjs’s reference slowdown by each engine’s measured main+micro speed-up over ethereumjs.',
      '',
    );
    lines.push(
      table(
        ['case', 'evmone', ...info.engines.map((engine) => `${engine} × evmone`)],
        ['l', 'r', ...info.engines.map(() => 'r' as const)],
        evmoneTableRows(evmone).map(([name, ...cells]) => [
          name!.includes('/') ? `\`${name}\`` : name!,
          ...cells,
        ]),
      ),
      '',
    );
  }

  const perCall = PER_CALL.filter((row) =>
    info.engines.some((engine) => index.get(row.case, engine)?.summary),
  );
  if (perCall.length > 0) {
    lines.push('## Per call, against the design targets', '');
    lines.push(
      'Median time of one call (for the loops, the workload’s median divided by its count); targets from DESIGN.md.',
      '',
    );
    const rows = perCall.map((row) => [
      `${row.label} (\`${row.case}\`${row.count > 1 ? ` / ${row.count}` : ''})`,
      ...info.engines.map((engine) => {
        const summary = index.get(row.case, engine)?.summary;
        return summary === undefined ? '' : formatDuration(summary.medianNs / row.count);
      }),
      row.target,
    ]);
    lines.push(
      table(
        ['measure', ...info.engines, 'Tandem target'],
        ['l', ...info.engines.map(() => 'r' as const), 'r'],
        rows,
      ),
      '',
    );
  }

  const cold = coldTable(index, info.engines, peer);
  if (cold !== undefined) {
    lines.push('## Cold: the first run in a fresh process', '');
    lines.push(
      'Each case’s verified run once more, in a new Node process per case and engine, after the timed cases: ' +
        'what a program that starts, runs the call once and exits pays (module loading excluded), with no other case ' +
        'having warmed the engine’s JavaScript. “cold / warm” divides it by the engine’s median in this run.',
      '',
    );
    lines.push(
      table(
        cold.header,
        cold.header.map((_, i) => (i === 0 ? 'l' : 'r')),
        cold.rows.map(([name, ...cells]) => [name!.includes('/') ? `\`${name}\`` : name!, ...cells]),
      ),
      '',
    );
  }

  lines.push('## Every case', '');
  lines.push(
    'Median time per call (min–max of the samples), gas used by the verified run, and the speed-ups.',
    '',
  );
  const header = [
    'case',
    'gas',
    ...info.engines.map((engine) => `${engine} median (min–max)`),
    ...info.engines.map((engine) => `${engine} samples`),
    ...info.engines.map((engine) => `${engine} first run`),
    ...pairs.map(pairTitle),
  ];
  const align = header.map((_, i) => (i === 0 ? 'l' : 'r') as 'l' | 'r');
  const rows = index.cases.map((caseName) => {
    const results = info.engines.map((engine) => index.get(caseName, engine));
    const gas = results.find((result) => result?.gasUsed !== null && result?.gasUsed !== undefined)?.gasUsed;
    return [
      `\`${caseName}\``,
      gas === undefined || gas === null ? '' : gas.toLocaleString('en-US'),
      ...results.map((result) => {
        if (result === undefined) return '';
        const summary = result.summary;
        if (summary === undefined) return '**FAILED**';
        return `${formatDuration(summary.medianNs)} (${formatDuration(summary.minNs)}–${formatDuration(summary.maxNs)})`;
      }),
      ...results.map((result) => (result?.summary === undefined ? '' : String(result.summary.samples))),
      ...results.map((result) => (result?.firstRunNs === undefined ? '' : formatDuration(result.firstRunNs))),
      ...pairs.map((pair) => {
        const ratio = index.speedup(caseName, pair.engine, pair.against);
        return ratio === undefined ? '' : formatRatio(ratio);
      }),
    ];
  });
  lines.push(table(header, align, rows), '');

  lines.push('## How it was measured', '');
  lines.push(
    '- Each case is first run once per engine and verified: wrong status, gas, refund or output is a failure and gets no number. ' +
      'Calls run from the same pre-state with fresh warm/cold sets every time (sender, recipient and precompiles warm, as in a transaction), no intrinsic gas, revision Cancun.',
    '- “First run” is that verified run: the first time the engine ran the code in this process, so it includes code analysis, compilation and cold caches (the state set-up excluded). Engines that share code warm each other’s JavaScript, so it is not a fresh process’s time; the cold table has that.',
    '- A sample times a batch of calls (each followed by restoring the pre-state, included in the time) and records the time per call; engines take turns sample by sample so drift hits them alike.',
    `- Sampling${info.quick ? ' (`--quick`)' : ''}: ${info.sampling}.`,
    '- `compile/…` times the set-up an engine does before it runs new code: the interpreter pads the code and marks its jump destinations (once per code, cached by the `Evm`); ethereumjs runs the same analysis plus an opcode table on every call that reaches a jump (`Interpreter._getValidJumpDestinations`).',
    '- Absolute times drift between runs on a shared machine: read the ratios.',
    '',
  );
  return lines.join('\n');
}
