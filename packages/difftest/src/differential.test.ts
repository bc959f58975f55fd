import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSeed, checkEngines, checkScenario, generateCase, settleGas } from './campaign.js';
import { newCoverage, summarizeCoverage } from './coverage.js';
import { scenarioArb } from './generators.js';
import { compareOutcomes } from './outcome.js';
import { scenarioFromJson, scenarioToJson } from './scenario.js';
import { runTandem } from './tandem.js';

const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v));

describe('the engines agree on generated scenarios', () => {
  it('interpreter, multipass and auto: status, gas, refund, output, logs, host calls, post-state', () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, (generated) => {
        const scenario = settleGas(generated);
        const mismatch = checkEngines(scenario);
        statuses.add(runTandem(scenario, 'interpreter', { recordHostCalls: false }).status);
        if (mismatch !== undefined) throw new Error(json(mismatch.differences.slice(0, 3)));
      }),
      { numRuns: 150, seed: 20250101 },
    );
    // The generators must reach past the first instruction, and fail in many ways.
    expect(statuses.has('success')).toBe(true);
    expect(statuses.size).toBeGreaterThan(5);
  });

  it('@ethereumjs/evm agrees with the interpreter (documented differences reconciled)', async () => {
    for (let index = 0; index < 12; index++) {
      const scenario = settleGas(generateCase(4242, index));
      const mismatch = await checkScenario(scenario, { engines: ['interpreter'], againstEthereumjs: true });
      expect(mismatch?.differences, `case ${index}`).toBeUndefined();
    }
  });

  it('keeps every divergence found on the way as a regression case', async () => {
    const folder = new URL('./regressions/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const regression = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
      const scenario = scenarioFromJson(regression);
      const mismatch = await checkScenario(scenario, { againstEthereumjs: true });
      if (regression.expect === 'excused') {
        // A known ethereumjs bug: the engines agree, ethereumjs differs, and the adapter says why.
        expect(mismatch?.runner, name).toBe('ethereumjs');
        expect(mismatch?.excused, name).toContain('0xEF00');
      } else {
        expect(mismatch?.differences, name).toBeUndefined();
      }
    }
  });
});

describe('scenarios', () => {
  it('survive the JSON form unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario }) => {
        const copy = scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson(scenario))));
        expect(copy).toEqual({
          ...scenario,
          accounts: scenario.accounts.map(({ address, nonce, balance, code, storage }) => ({
            address,
            nonce,
            balance,
            code,
            storage,
          })),
        });
      }),
      { numRuns: 50 },
    );
  });

  it('are reproducible from (seed, index) alone', () => {
    expect(json(generateCase(1, 2))).toBe(json(generateCase(1, 2)));
    expect(caseSeed(1, 2)).not.toBe(caseSeed(1, 3));
    expect(caseSeed(1, 2)).not.toBe(caseSeed(2, 2));
  });

  it('a host-call difference is reported at the first line that differs', () => {
    const scenario = generateCase(9, 0).scenario;
    const a = runTandem(scenario, 'interpreter');
    const b = { ...a, hostCalls: [...(a.hostCalls ?? []).slice(0, 1), 'getBalance 0 = 0'] };
    const [difference] = compareOutcomes(a, b);
    expect(difference).toMatchObject({ field: 'hostCalls', index: 1 });
  });
});

describe('coverage', () => {
  it('is measured by tracing the reference engine', async () => {
    const coverage = newCoverage();
    for (let index = 0; index < 40; index++) {
      await checkScenario(settleGas(generateCase(77, index)), {
        engines: ['interpreter', 'multipass'],
        coverage,
      });
    }
    const summary = summarizeCoverage(coverage);
    expect(summary.runs).toBe(40);
    expect(summary.instructions).toBeGreaterThan(1000);
    expect(summary.opcodes.reached).toBeGreaterThan(60);
    expect(summary.callKinds.reached).toBeGreaterThanOrEqual(4);
  });
});
