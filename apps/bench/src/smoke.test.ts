/**
 * Every engine kind verifies one small case of each workload kind, untimed:
 * an evm-benchmarks call, a per-call workload with state, and a set-up.
 */
import { describe, expect, it } from 'vitest';
import { coldRun } from './cold.js';
import { ENGINE_NAMES, ENGINES } from './engines/index.js';
import { callMismatches, setupMismatches } from './runner.js';
import { allWorkloads, type CallWorkload, type SetupWorkload } from './workloads/index.js';

const workloads = allWorkloads();

function call(name: string): CallWorkload {
  const workload = workloads.find((entry) => entry.name === name);
  if (workload?.kind !== 'call') throw new Error(`no call workload ${name}`);
  return workload;
}

function setup(name: string): SetupWorkload {
  const workload = workloads.find((entry) => entry.name === name);
  if (workload?.kind !== 'setup') throw new Error(`no set-up workload ${name}`);
  return workload;
}

describe('workloads', () => {
  it('have unique names in the five groups', () => {
    const names = workloads.map((workload) => workload.name);
    expect(new Set(names).size).toBe(names.length);
    for (const workload of workloads) expect(workload.name.startsWith(`${workload.group}/`)).toBe(true);
    expect(names.filter((name) => /^(main|micro)\//.test(name))).toHaveLength(27);
  });
});

for (const engineName of ENGINE_NAMES) {
  describe(`engine ${engineName}`, () => {
    const engine = ENGINES[engineName]!();

    it('verifies main/swap_math/insufficient_liquidity, twice from the same pre-state', async () => {
      const prepared = await engine.prepareCall(call('main/swap_math/insufficient_liquidity'));
      const expected = call('main/swap_math/insufficient_liquidity').expected;
      expect(callMismatches(await prepared.run(), expected)).toEqual([]);
      expect(callMismatches(await prepared.run(), expected)).toEqual([]);
    });

    it('verifies call/erc20-transfer, twice from the same pre-state', async () => {
      const workload = call('call/erc20-transfer');
      const prepared = await engine.prepareCall(workload);
      expect(callMismatches(await prepared.run(), workload.expected)).toEqual([]);
      expect(callMismatches(await prepared.run(), workload.expected)).toEqual([]);
      expect(await prepared.time(2)).toBeGreaterThan(0);
    });

    it('verifies the set-up of compile/weierstrudel', async () => {
      const workload = setup('compile/weierstrudel');
      const prepared = await engine.prepareSetup(workload);
      if (prepared === undefined) return;
      expect(setupMismatches(await prepared.run(), workload.expectedJumpdests)).toEqual([]);
    });
  });
}

describe('cold runs', () => {
  // The bench runs under tsx; a test process has no loader of its own to pass on.
  const tsx = ['--import', 'tsx', '--conditions', '@tandem-evm/source'];

  it('time the verified run in a process of its own', () => {
    const ns = coldRun('main/swap_math/insufficient_liquidity', 'interpreter', tsx);
    expect(typeof ns).toBe('number');
    expect(ns).toBeGreaterThan(0);
  }, 60_000);

  it('say why when there is no such case', () => {
    expect(coldRun('main/absent', 'interpreter', tsx)).toBe('no case main/absent or engine interpreter');
  }, 60_000);
});

describe('verification', () => {
  it('reports every difference', () => {
    const expected = { status: 'success', gasUsed: 10n, gasRefund: 0n, output: Uint8Array.of(1) };
    expect(callMismatches({ ...expected }, expected)).toEqual([]);
    expect(
      callMismatches({ status: 'revert', gasUsed: 11n, gasRefund: 1n, output: Uint8Array.of(2) }, expected),
    ).toEqual([
      'status revert, expected success',
      'gas used 11, expected 10',
      'gas refund 1, expected 0',
      'output 0x02, expected 0x01',
    ]);
    expect(setupMismatches(Uint8Array.of(0, 1), Uint8Array.of(0, 0))).toEqual([
      'jump destination at pc 1: true, expected false',
    ]);
  });
});
