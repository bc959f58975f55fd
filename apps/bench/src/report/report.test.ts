import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../runner.js';
import { summarize } from '../stats.js';
import { coldTable } from './cold.js';
import { compilationMarkdown, compilationRows, compilationText } from './compilation.js';
import { compareWithEvmone, ETHEREUMJS_TIMES_EVMONE, evmoneTableRows, evmoneTimings } from './evmone.js';
import { parseBaseline, toJson } from './json.js';
import { enginePairs, groupMeans, ResultIndex } from './speedups.js';
import { speedupChart } from './svg.js';

function result(
  name: string,
  engine: string,
  samplesNs: number[],
  group: CaseResult['group'] = 'main',
): CaseResult {
  return {
    case: name,
    group,
    engine,
    verified: true,
    error: undefined,
    samplesNs,
    summary: summarize(samplesNs),
    firstRunNs: samplesNs[0]! * 3,
    coldRunNs: samplesNs[0]! * 5,
    gasUsed: 21n,
  };
}

const results: CaseResult[] = [
  result('main/a', 'interpreter', [10, 12, 11]),
  result('main/a', 'ethereumjs', [1000]),
  result('main/b', 'interpreter', [100]),
  result('main/b', 'ethereumjs', [10_000]),
  result('call/c', 'interpreter', [1], 'call'),
  result('call/c', 'ethereumjs', [4], 'call'),
  {
    case: 'call/d',
    group: 'call',
    engine: 'interpreter',
    verified: false,
    error: 'gas used 1, expected 2',
    samplesNs: [],
    summary: undefined,
    firstRunNs: undefined,
    coldRunNs: undefined,
    gasUsed: null,
  },
];

describe('speed-ups', () => {
  const index = new ResultIndex(results);

  it('divide the other engine’s median by this one’s', () => {
    expect(index.speedup('main/a', 'interpreter', 'ethereumjs')).toBe(1000 / 11);
    expect(index.speedup('call/d', 'interpreter', 'ethereumjs')).toBeUndefined();
  });

  it('pair every engine with the peer, and the other Tandem engines with the reference', () => {
    expect(enginePairs(['interpreter', 'ethereumjs'], 'ethereumjs', 'interpreter')).toEqual([
      { engine: 'interpreter', against: 'ethereumjs' },
    ]);
    expect(enginePairs(['interpreter', 'multipass', 'ethereumjs'], 'ethereumjs', 'interpreter')).toEqual([
      { engine: 'interpreter', against: 'ethereumjs' },
      { engine: 'multipass', against: 'ethereumjs' },
      { engine: 'multipass', against: 'interpreter' },
    ]);
  });

  it('take geometric means per group over the verified cases', () => {
    const pairs = enginePairs(['interpreter', 'ethereumjs'], 'ethereumjs', 'interpreter');
    const means = groupMeans(index, pairs);
    const main = means.find((mean) => mean.group === 'main')!;
    expect(main.cases).toBe(2);
    expect(main.geomean).toBeCloseTo(Math.sqrt((1000 / 11) * 100), 9);
    expect(means.find((mean) => mean.group === 'call')!.cases).toBe(1);
    expect(means.find((mean) => mean.group === 'legacy')!.geomean).toBeUndefined();
  });
});

describe('json', () => {
  it('writes the issue’s shape and reads it back as a baseline', () => {
    const json = toJson(results);
    expect(Object.keys(json.cases[0]!)).toEqual([
      'case',
      'engine',
      'samples',
      'medianNs',
      'minNs',
      'maxNs',
      'firstRunNs',
      'coldRunNs',
      'gasUsed',
      'verified',
    ]);
    expect(json.cases[0]).toEqual({
      case: 'main/a',
      engine: 'interpreter',
      samples: 3,
      medianNs: 11,
      minNs: 10,
      maxNs: 12,
      firstRunNs: 30,
      coldRunNs: 50,
      gasUsed: 21,
      verified: true,
    });
    expect(json.cases[6]).toMatchObject({ samples: 0, medianNs: null, verified: false });
    const rows = parseBaseline(JSON.stringify(json), 'base.json');
    expect(rows[0]).toEqual({ case: 'main/a', engine: 'interpreter', medianNs: 11 });
    expect(rows[6]!.medianNs).toBeNull();
  });

  it('names the file when a baseline has the wrong shape', () => {
    expect(() => parseBaseline('{', 'x.json')).toThrow(/x\.json: not JSON/);
    expect(() => parseBaseline('{"cases":[{"case":1}]}', 'x.json')).toThrow(/x\.json: cases\[0\]/);
  });
});

describe('cold runs', () => {
  it('give each engine its cold time and cold / warm, the cold speed-up over the peer, and its mean per group', () => {
    const cold = coldTable(new ResultIndex(results), ['interpreter', 'ethereumjs'], 'ethereumjs')!;
    expect(cold.header).toEqual([
      'case',
      'interpreter cold',
      'interpreter cold / warm',
      'ethereumjs cold',
      'ethereumjs cold / warm',
      'interpreter vs ethereumjs, cold',
    ]);
    // main/a: interpreter cold 50 ns (warm median 11), ethereumjs cold 5,000 ns (warm 1,000).
    expect(cold.rows[0]).toEqual(['main/a', '50.0 ns', '4.55×', '5.00 µs', '5.00×', '100×']);
    // call/d failed verification and has no cold run.
    expect(cold.rows.map((row) => row[0])).toEqual([
      'main/a',
      'main/b',
      'call/c',
      'geometric mean, main+micro (2 cases)',
      'geometric mean, call (1 case)',
    ]);
    expect(cold.rows[3]!.at(-1)).toBe('100×');
    expect(cold.rows[4]!.at(-1)).toBe('4.00×');
  });

  it('are left out where none was measured', () => {
    const warmOnly = results.map((entry) => ({ ...entry, coldRunNs: undefined }));
    expect(coldTable(new ResultIndex(warmOnly), ['interpreter', 'ethereumjs'], 'ethereumjs')).toBeUndefined();
  });
});

describe('svg chart', () => {
  it('draws one bar per case and engine, escaped, on a log scale from below 1× to above the largest', () => {
    const svg = speedupChart(
      [
        { label: 'main/<a>', group: 'main', bars: [{ series: 'interpreter', ratio: 90 }] },
        { label: 'call/c', group: 'call', bars: [{ series: 'interpreter', ratio: 0.5 }] },
      ],
      { title: 'speed-up', axisLabel: 'test', series: ['interpreter'] },
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(2);
    expect(svg).toContain('<title>speed-up</title>');
    expect(svg).toContain('main/&lt;a&gt;');
    expect(svg).toContain('>0.1×<');
    expect(svg).toContain('>100×<');
  });
});

describe('multipass compilation report', () => {
  it('gives each code its verdict, its compile time per KiB and the generated JavaScript held', () => {
    // 2 KiB: a loop (compiled) padded with STOPs after it; and 1 KiB of straight-line code.
    const loop = new Uint8Array(2048);
    loop.set([0x5b, 0x60, 0x00, 0x35, 0x60, 0x00, 0x57, 0x00]);
    const straight = new Uint8Array(1024).fill(0x5f);
    const workloads = [
      {
        kind: 'setup',
        name: 'compile/loop',
        group: 'compile',
        code: loop,
        expectedJumpdests: new Uint8Array(0),
      },
      {
        kind: 'setup',
        name: 'compile/straight',
        group: 'compile',
        code: straight,
        expectedJumpdests: new Uint8Array(0),
      },
    ] as const;
    const index = new ResultIndex([result('compile/loop', 'multipass', [3e6, 4e6, 5e6], 'compile')]);
    const rows = compilationRows(workloads, index);
    expect(rows.map((row) => [row.verdict, row.medianMs])).toEqual([
      ['compiled', 4],
      ['straight-line', undefined],
    ]);
    expect(rows[0]!.sourceBytes).toBeGreaterThan(0);
    expect(rows[1]!.sourceBytes).toBe(0);
    const text = compilationText(rows);
    expect(text).toMatch(/compile\/loop +2\.0 +compiled +\d+ +4\.00 +2\.00/);
    expect(compilationMarkdown(rows)).toContain(
      '| `compile/straight` | 1.0 | straight-line | 0 | — | — | 0 |',
    );
  });
});

describe('against native evmone', () => {
  const index = new ResultIndex(results);
  const engines = ['interpreter', 'ethereumjs'];
  const means = groupMeans(index, enginePairs(engines, 'ethereumjs', 'interpreter'));
  const timings = new Map([
    ['main/a', 2],
    ['main/b', 50],
    ['main/absent', 1],
  ]);

  it('divides each engine’s median by evmone’s time, for the cases with a reference that ran', () => {
    const comparison = compareWithEvmone(index, engines, means, 'ethereumjs', timings);
    expect(comparison.rows).toEqual([
      { case: 'main/a', evmoneNs: 2, times: [11 / 2, 1000 / 2] },
      { case: 'main/b', evmoneNs: 50, times: [100 / 50, 10_000 / 50] },
    ]);
    expect(comparison.geomeans[0]).toBeCloseTo(Math.sqrt((11 / 2) * 2));
  });

  it('estimates main+micro from the measured speed-up over ethereumjs', () => {
    const comparison = compareWithEvmone(index, engines, means, 'ethereumjs', timings);
    const speedup = Math.sqrt((1000 / 11) * 100);
    expect(comparison.viaEthereumjs[0]).toBeCloseTo(ETHEREUMJS_TIMES_EVMONE / speedup);
    expect(comparison.viaEthereumjs[1]).toBe(ETHEREUMJS_TIMES_EVMONE);
    const rows = evmoneTableRows(comparison);
    expect(rows.map((row) => row[0])).toEqual([
      'main/a',
      'main/b',
      'geometric mean of the main+micro cases above',
      `main+micro, from the speed-up over ethereumjs (ethereumjs = ${ETHEREUMJS_TIMES_EVMONE}×)`,
    ]);
    expect(rows[0]).toEqual(['main/a', '2.00 ns', '5.50×', '500×']);
  });

  it('reads the bundled reference timings, which name bench cases', () => {
    const bundled = evmoneTimings();
    expect(bundled.get('main/snailtracer/benchmark')).toBe(26_100_000);
    expect(bundled.size).toBeGreaterThanOrEqual(8);
    expect(() => evmoneTimings('case\tevmone_ns\nmain/x\tfast\n')).toThrow(/line 2/);
  });
});
