import { readdirSync, readFileSync } from 'node:fs';
import { emptyTxContext, Revision } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { delegationCode } from '@tandem-evm/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSeed, checkEngines, checkScenario, generateCase, settleGas } from './campaign.js';
import { newCoverage, summarizeCoverage } from './coverage.js';
import { ADDRESSES, scenarioArb, scenarioArbFor } from './generators.js';
import { compareOutcomes, type Outcome } from './outcome.js';
import { addressHex, type Scenario, scenarioFromJson, scenarioToJson } from './scenario.js';
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

describe('EIP-7702 delegated accounts', () => {
  const [caller, writer] = ADDRESSES.contracts;
  const [authority, chained] = ADDRESSES.delegated;
  const empty = new Uint8Array(0);
  // CALL the authority with 50,000 gas (slot 0: success), EXTCODESIZE of it (slot 1), CALL the
  // second authority with 10,000 gas (slot 3: failure).
  const callerCode = assemble(
    `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH20 ${authority} PUSH2 0xc350 CALL PUSH1 0 SSTORE ` +
      `PUSH20 ${authority} EXTCODESIZE PUSH1 1 SSTORE ` +
      `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH20 ${chained} PUSH2 0x2710 CALL PUSH1 3 SSTORE STOP`,
  );
  const scenario = (revision: Revision): Scenario => ({
    revision,
    accounts: [
      { address: ADDRESSES.sender, nonce: 1n, balance: 10n ** 18n, code: empty, storage: [] },
      { address: caller, nonce: 1n, balance: 0n, code: callerCode, storage: [] },
      {
        address: writer,
        nonce: 1n,
        balance: 0n,
        code: assemble('PUSH1 0x2a PUSH1 2 SSTORE STOP'),
        storage: [],
      },
      { address: authority, nonce: 1n, balance: 0n, code: delegationCode(writer), storage: [] },
      // A chain: the second authority's target is the first one, whose indicator then runs as code.
      { address: chained, nonce: 1n, balance: 0n, code: delegationCode(authority), storage: [] },
    ],
    tx: emptyTxContext({ origin: ADDRESSES.sender }),
    accessList: [],
    message: {
      kind: 'call',
      depth: 0,
      sender: ADDRESSES.sender,
      to: caller,
      value: 0n,
      input: empty,
      gas: 200_000n,
    },
  });
  const storage = (outcome: Outcome, address: bigint) => outcome.accounts.get(addressHex(address))?.storage;

  it('run the target’s code in their own context from Prague, on every engine and on @ethereumjs/evm', async () => {
    const outcome = runTandem(scenario(Revision.Prague), 'interpreter');
    expect(storage(outcome, caller)).toEqual({ '0x0': '0x1', '0x1': '0x17' });
    expect(storage(outcome, authority)).toEqual({ '0x2': '0x2a' });
    expect(storage(outcome, writer)).toEqual({});
    expect(await checkScenario(scenario(Revision.Prague), { againstEthereumjs: true })).toBeUndefined();
  });

  it('are code starting 0xEF before Prague: calling one fails', async () => {
    const outcome = runTandem(scenario(Revision.Cancun), 'interpreter');
    expect(storage(outcome, caller)).toEqual({ '0x1': '0x17' });
    expect(await checkScenario(scenario(Revision.Cancun), { againstEthereumjs: true })).toBeUndefined();
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
    expect(summary.instructions).toBeGreaterThan(500);
    expect(summary.opcodes.reached).toBeGreaterThan(60);
    expect(summary.callKinds.reached).toBeGreaterThanOrEqual(4);
  });

  it('reaches what Prague and Osaka add: CLZ, the new precompiles, delegated accounts by every path', async () => {
    const coverage = newCoverage();
    const pragueOsaka = scenarioArbFor(fc.constantFrom(Revision.Prague, Revision.Osaka));
    for (const generated of fc.sample(pragueOsaka, { seed: 1, numRuns: 250 })) {
      await checkScenario(settleGas(generated), { engines: ['interpreter'], coverage });
    }
    const summary = summarizeCoverage(coverage);
    expect(coverage.opcodes[Revision.Osaka]![0x1e]).toBeGreaterThan(0);
    for (const address of ['0x0b', '0x0c', '0x0d', '0x0e', '0x0f', '0x10', '0x11', '0x100'])
      expect(summary.precompiles[address], address).toBeGreaterThan(0);
    // Every delegation path of the checklist: each call kind and EXTCODE* on a delegated account,
    // each kind of target, a top-level message to one (the precompiles' results are
    // precompile-inputs.test.ts's to check).
    expect(summary.pragueOsaka.missing.filter((feature) => !feature.startsWith('0x'))).toEqual([]);
  });
});
