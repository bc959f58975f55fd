// SLOAD / SSTORE: values, gas and refunds per revision.
// Legacy rule (Yellow Paper, Frontier–Byzantium and Petersburg): 20000 to set a zero slot,
// 5000 otherwise, 15000 refund when a non-zero slot is cleared.
// Constantinople: EIP-1283. Istanbul: EIP-2200. Berlin: EIP-2929 (+ the EIP-3529 "2929 Gas
// Costs" table). London onwards: EIP-3529 reduced refunds. The tables are the EIPs' own.
import { emptyTxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm } from './index.js';
import { CALLER, CONTRACT, run } from './test/harness.js';

interface TxSpec {
  code: string | Uint8Array;
  revision: string;
  original?: bigint;
  /** Mark slot 0 warm after the transaction begins (the EIP-3529/2929 tables assume it). */
  warm?: boolean;
  gas?: bigint;
  setup?: (state: WorldState) => void;
}

/** The harness's `run`, with the slot-0 original value and an optional warm slot after beginTransaction. */
function runTx(spec: TxSpec) {
  const evm = createEvm({ revision: spec.revision });
  const state = new WorldState();
  const code = typeof spec.code === 'string' ? hexOrAsm(spec.code) : spec.code;
  state.setAccount(CALLER, { balance: 10n ** 20n });
  state.setAccount(CONTRACT, { code, storage: new Map([[0n, spec.original ?? 0n]]) });
  spec.setup?.(state);
  state.beginTransaction(emptyTxContext({ origin: CALLER }));
  for (const address of [CALLER, CONTRACT, ...precompileAddresses(evm.revision)])
    state.accessAccount(address);
  if (spec.warm) state.accessStorage(CONTRACT, 0n);
  const gas = spec.gas ?? 1_000_000n;
  const result = evm.execute(
    {
      kind: 'call',
      depth: 0,
      gas,
      sender: CALLER,
      recipient: CONTRACT,
      codeAddress: CONTRACT,
      value: 0n,
      input: new Uint8Array(0),
      isStatic: false,
    },
    state,
  );
  return { result, gasUsed: gas - result.gasLeft, state };
}

function hexOrAsm(code: string): Uint8Array {
  if (/^0x[0-9a-f]*$/i.test(code)) return Uint8Array.from(Buffer.from(code.slice(2), 'hex'));
  return assemble(code);
}

type Row = [code: string, used: number, refund: number, original: number, values: string];

// EIP-1283 "Test Cases" (Constantinople), verbatim.
const EIP1283: Row[] = [
  ['0x60006000556000600055', 412, 0, 0, '0 0'],
  ['0x60006000556001600055', 20212, 0, 0, '0 1'],
  ['0x60016000556000600055', 20212, 19800, 0, '1 0'],
  ['0x60016000556002600055', 20212, 0, 0, '1 2'],
  ['0x60016000556001600055', 20212, 0, 0, '1 1'],
  ['0x60006000556000600055', 5212, 15000, 1, '0 0'],
  ['0x60006000556001600055', 5212, 4800, 1, '0 1'],
  ['0x60006000556002600055', 5212, 0, 1, '0 2'],
  ['0x60026000556000600055', 5212, 15000, 1, '2 0'],
  ['0x60026000556003600055', 5212, 0, 1, '2 3'],
  ['0x60026000556001600055', 5212, 4800, 1, '2 1'],
  ['0x60026000556002600055', 5212, 0, 1, '2 2'],
  ['0x60016000556000600055', 5212, 15000, 1, '1 0'],
  ['0x60016000556002600055', 5212, 0, 1, '1 2'],
  ['0x60016000556001600055', 412, 0, 1, '1 1'],
  ['0x600160005560006000556001600055', 40218, 19800, 0, '1 0 1'],
  ['0x600060005560016000556000600055', 10218, 19800, 1, '0 1 0'],
];

// EIP-2200 "Test Cases" (Istanbul), verbatim.
const EIP2200: Row[] = [
  ['0x60006000556000600055', 1612, 0, 0, '0 0'],
  ['0x60006000556001600055', 20812, 0, 0, '0 1'],
  ['0x60016000556000600055', 20812, 19200, 0, '1 0'],
  ['0x60016000556002600055', 20812, 0, 0, '1 2'],
  ['0x60016000556001600055', 20812, 0, 0, '1 1'],
  ['0x60006000556000600055', 5812, 15000, 1, '0 0'],
  ['0x60006000556001600055', 5812, 4200, 1, '0 1'],
  ['0x60006000556002600055', 5812, 0, 1, '0 2'],
  ['0x60026000556000600055', 5812, 15000, 1, '2 0'],
  ['0x60026000556003600055', 5812, 0, 1, '2 3'],
  ['0x60026000556001600055', 5812, 4200, 1, '2 1'],
  ['0x60026000556002600055', 5812, 0, 1, '2 2'],
  ['0x60016000556000600055', 5812, 15000, 1, '1 0'],
  ['0x60016000556002600055', 5812, 0, 1, '1 2'],
  ['0x60016000556001600055', 1612, 0, 1, '1 1'],
  ['0x600160005560006000556001600055', 40818, 19200, 0, '1 0 1'],
  ['0x600060005560016000556000600055', 10818, 19200, 1, '0 1 0'],
];

// EIP-3529 "2929 Gas Costs" table (Berlin: EIP-2929 with SSTORE_CLEARS_SCHEDULE 15000), warm slot.
const EIP2929: Row[] = [
  ['0x60006000556000600055', 212, 0, 0, '0 0'],
  ['0x60006000556001600055', 20112, 0, 0, '0 1'],
  ['0x60016000556000600055', 20112, 19900, 0, '1 0'],
  ['0x60016000556002600055', 20112, 0, 0, '1 2'],
  ['0x60016000556001600055', 20112, 0, 0, '1 1'],
  ['0x60006000556000600055', 3012, 15000, 1, '0 0'],
  ['0x60006000556001600055', 3012, 2800, 1, '0 1'],
  ['0x60006000556002600055', 3012, 0, 1, '0 2'],
  ['0x60026000556000600055', 3012, 15000, 1, '2 0'],
  ['0x60026000556003600055', 3012, 0, 1, '2 3'],
  ['0x60026000556001600055', 3012, 2800, 1, '2 1'],
  ['0x60026000556002600055', 3012, 0, 1, '2 2'],
  ['0x60016000556000600055', 3012, 15000, 1, '1 0'],
  ['0x60016000556002600055', 3012, 0, 1, '1 2'],
  ['0x60016000556001600055', 212, 0, 1, '1 1'],
  ['0x600160005560006000556001600055', 40118, 19900, 0, '1 0 1'],
  ['0x600060005560016000556000600055', 5918, 17800, 1, '0 1 0'],
];

// EIP-3529 "With reduced refunds" table (London onwards), warm slot.
const EIP3529: Row[] = [
  ['0x60006000556000600055', 212, 0, 0, '0 0'],
  ['0x60006000556001600055', 20112, 0, 0, '0 1'],
  ['0x60016000556000600055', 20112, 19900, 0, '1 0'],
  ['0x60016000556002600055', 20112, 0, 0, '1 2'],
  ['0x60016000556001600055', 20112, 0, 0, '1 1'],
  ['0x60006000556000600055', 3012, 4800, 1, '0 0'],
  ['0x60006000556001600055', 3012, 2800, 1, '0 1'],
  ['0x60006000556002600055', 3012, 0, 1, '0 2'],
  ['0x60026000556000600055', 3012, 4800, 1, '2 0'],
  ['0x60026000556003600055', 3012, 0, 1, '2 3'],
  ['0x60026000556001600055', 3012, 2800, 1, '2 1'],
  ['0x60026000556002600055', 3012, 0, 1, '2 2'],
  ['0x60016000556000600055', 3012, 4800, 1, '1 0'],
  ['0x60016000556002600055', 3012, 0, 1, '1 2'],
  ['0x60016000556001600055', 212, 0, 1, '1 1'],
  ['0x600160005560006000556001600055', 40118, 19900, 0, '1 0 1'],
  ['0x600060005560016000556000600055', 5918, 7600, 1, '0 1 0'],
];

// The same 17 programs under the legacy rule (Yellow Paper: Gsset 20000 when a zero slot
// becomes non-zero, Gsreset 5000 otherwise; Rsclear 15000 when a non-zero slot becomes zero).
const LEGACY: Row[] = [
  ['0x60006000556000600055', 10012, 0, 0, '0 0'],
  ['0x60006000556001600055', 25012, 0, 0, '0 1'],
  ['0x60016000556000600055', 25012, 15000, 0, '1 0'],
  ['0x60016000556002600055', 25012, 0, 0, '1 2'],
  ['0x60016000556001600055', 25012, 0, 0, '1 1'],
  ['0x60006000556000600055', 10012, 15000, 1, '0 0'],
  ['0x60006000556001600055', 25012, 15000, 1, '0 1'],
  ['0x60006000556002600055', 25012, 15000, 1, '0 2'],
  ['0x60026000556000600055', 10012, 15000, 1, '2 0'],
  ['0x60026000556003600055', 10012, 0, 1, '2 3'],
  ['0x60026000556001600055', 10012, 0, 1, '2 1'],
  ['0x60026000556002600055', 10012, 0, 1, '2 2'],
  ['0x60016000556000600055', 10012, 15000, 1, '1 0'],
  ['0x60016000556002600055', 10012, 0, 1, '1 2'],
  ['0x60016000556001600055', 10012, 0, 1, '1 1'],
  ['0x600160005560006000556001600055', 45018, 15000, 0, '1 0 1'],
  ['0x600060005560016000556000600055', 30018, 30000, 1, '0 1 0'],
];

const MATRICES: [string, Row[], boolean][] = [
  ['frontier', LEGACY, false],
  ['homestead', LEGACY, false],
  ['tangerine-whistle', LEGACY, false],
  ['spurious-dragon', LEGACY, false],
  ['byzantium', LEGACY, false],
  ['constantinople', EIP1283, false],
  ['petersburg', LEGACY, false],
  ['istanbul', EIP2200, false],
  ['berlin', EIP2929, true],
  ['london', EIP3529, true],
  ['paris', EIP3529, true],
  ['shanghai', EIP3529, true],
  ['cancun', EIP3529, true],
];

describe.each(MATRICES)('SSTORE gas and refund matrix: %s', (revision, rows, warm) => {
  it.each(rows)('%s (original %s → %s): used %s, refund %s', (code, used, refund, original, values) => {
    const { result, gasUsed, state } = runTx({ code, revision, original: BigInt(original), warm });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(BigInt(used));
    expect(result.gasRefund).toBe(BigInt(refund));
    const last = values.split(' ').at(-1)!;
    expect(state.getStorage(CONTRACT, 0n)).toBe(BigInt(last));
    expect(state.getCommittedStorage(CONTRACT, 0n)).toBe(BigInt(original));
  });
});

describe.each(['berlin', 'london', 'cancun'])(
  'EIP-2929 cold slot (%s): the first access adds 2100',
  (revision) => {
    const rows = revision === 'berlin' ? EIP2929 : EIP3529;
    it.each(rows)('%s (original %s → %s): used %s + 2100', (code, used, refund, original) => {
      const { result, gasUsed } = runTx({ code, revision, original: BigInt(original) });
      expect(result.status).toBe('success');
      expect(gasUsed).toBe(BigInt(used) + 2100n);
      expect(result.gasRefund).toBe(BigInt(refund));
    });
  },
);

describe('EIP-2200 stipend rule: SSTORE fails when gas left ≤ 2300', () => {
  // EIP-2200 reference cases: original 1, code 0x6001600055 (1 → 1).
  it('istanbul: gas 2306 is out of gas, 2307 uses 806', () => {
    const low = runTx({ code: '0x6001600055', revision: 'istanbul', original: 1n, gas: 2306n });
    expect(low.result.status).toBe('out-of-gas');
    expect(low.gasUsed).toBe(2306n);
    const ok = runTx({ code: '0x6001600055', revision: 'istanbul', original: 1n, gas: 2307n });
    expect(ok.result.status).toBe('success');
    expect(ok.gasUsed).toBe(806n);
  });
  it('berlin+ keeps the rule: 2306 is out of gas; 2307 uses 106 warm, 2206 cold', () => {
    for (const revision of ['berlin', 'london', 'cancun']) {
      const low = runTx({ code: '0x6001600055', revision, original: 1n, gas: 2306n, warm: true });
      expect(low.result.status).toBe('out-of-gas');
      const warm = runTx({ code: '0x6001600055', revision, original: 1n, gas: 2307n, warm: true });
      expect(warm.result.status).toBe('success');
      expect(warm.gasUsed).toBe(106n);
      const cold = runTx({ code: '0x6001600055', revision, original: 1n, gas: 2307n });
      expect(cold.result.status).toBe('success');
      expect(cold.gasUsed).toBe(2206n);
    }
  });
  it('constantinople (EIP-1283) has no stipend rule: a no-op SSTORE runs with 206 gas', () => {
    const { result, gasUsed } = runTx({
      code: '0x6001600055',
      revision: 'constantinople',
      original: 1n,
      gas: 206n,
    });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(206n);
  });
  it('petersburg: the legacy 5000 applies, with no stipend rule', () => {
    expect(
      runTx({ code: '0x6001600055', revision: 'petersburg', original: 1n, gas: 5006n }).result.status,
    ).toBe('success');
    expect(
      runTx({ code: '0x6001600055', revision: 'petersburg', original: 1n, gas: 5005n }).result.status,
    ).toBe('out-of-gas');
  });
});

describe('SLOAD', () => {
  it('reads what SSTORE wrote and the pre-state', () => {
    const { result } = runTx({
      code: 'PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 9 PUSH1 5 SSTORE PUSH1 5 SLOAD PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN',
      revision: 'cancun',
      original: 0x77n,
    });
    expect(result.status).toBe('success');
    expect(Buffer.from(result.output).toString('hex')).toBe(`${'00'.repeat(31)}77${'00'.repeat(31)}09`);
  });
  it.each([
    ['frontier', 50],
    ['homestead', 50],
    ['tangerine-whistle', 200],
    ['byzantium', 200],
    ['petersburg', 200],
    ['istanbul', 800],
    ['berlin', 2100],
    ['cancun', 2100],
  ])('%s: SLOAD of an untouched slot costs %s', (revision, gas) => {
    const { result, gasUsed } = runTx({ code: 'PUSH1 0 SLOAD STOP', revision });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(BigInt(3 + gas));
  });
  it('berlin+: SLOAD of a warm slot costs 100; SSTORE warms the slot for SLOAD', () => {
    expect(runTx({ code: 'PUSH1 0 SLOAD PUSH1 0 SLOAD STOP', revision: 'cancun' }).gasUsed).toBe(
      3n + 2100n + 3n + 100n,
    );
    // SSTORE 0 → 0 cold: 2100 + 100; then SLOAD warm: 100.
    expect(runTx({ code: 'PUSH1 0 PUSH1 0 SSTORE PUSH1 0 SLOAD STOP', revision: 'cancun' }).gasUsed).toBe(
      6n + 2200n + 3n + 100n,
    );
  });
  it('berlin+: a reverted frame un-warms the slots it touched (EIP-2929)', () => {
    const CHILD = 0xc1n;
    // The child runs by DELEGATECALL, so its SLOAD warms CONTRACT's slot 0; then it reverts.
    const child = assemble('PUSH1 0 SLOAD PUSH1 0 PUSH1 0 REVERT');
    const parent = `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS DELEGATECALL POP GAS PUSH1 0 SLOAD POP GAS SWAP1 SUB PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`;
    const { result } = runTx({
      code: parent,
      revision: 'cancun',
      setup: (state) => state.setAccount(CHILD, { code: child }),
    });
    expect(result.status).toBe('success');
    // GAS(2) PUSH1(3) SLOAD(cold 2100) POP(2) GAS → the difference measured is 3 + 2100 + 2 + 2.
    expect(BigInt(`0x${Buffer.from(result.output).toString('hex')}`)).toBe(2107n);
  });
});

describe('refunds and reverts', () => {
  const CHILD = 0xc1n;
  const clearAndEnd = (end: string) => assemble(`PUSH1 0 PUSH1 0 SSTORE ${end}`);
  const callChild = `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS CALL STOP`;
  it('a successful child frame passes its refund up', () => {
    const { result, state } = run({
      code: callChild,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: clearAndEnd('STOP'), storage: new Map([[0n, 1n]]) }),
    });
    expect(result.status).toBe('success');
    expect(result.gasRefund).toBe(4800n);
    expect(state.getStorage(CHILD, 0n)).toBe(0n);
  });
  it('a reverted child frame loses its refund and its writes', () => {
    const { result, state } = run({
      code: callChild,
      revision: 'cancun',
      setup: (s) =>
        s.setAccount(CHILD, { code: clearAndEnd('PUSH1 0 PUSH1 0 REVERT'), storage: new Map([[0n, 1n]]) }),
    });
    expect(result.status).toBe('success');
    expect(result.gasRefund).toBe(0n);
    expect(state.getStorage(CHILD, 0n)).toBe(1n);
  });
  it('a top-level frame that fails reports no refund', () => {
    const { result } = run({
      code: 'PUSH1 0 PUSH1 0 SSTORE INVALID',
      revision: 'istanbul',
      setup: (s) =>
        s.setAccount(CONTRACT, {
          code: assemble('PUSH1 0 PUSH1 0 SSTORE INVALID'),
          storage: new Map([[0n, 1n]]),
        }),
    });
    expect(result.status).toBe('invalid-instruction');
    expect(result.gasRefund).toBe(0n);
  });
  it('a frame-level refund may be negative (EIP-2200): a child re-setting a slot cleared by its parent', () => {
    // Parent (original 1) clears slot 0 (+15000 in istanbul), then DELEGATECALLs a child that sets it
    // back to 1 (dirty, current 0 → remove 15000; reset to original → add 4200): child refund −10800.
    const child = assemble('PUSH1 1 PUSH1 0 SSTORE STOP');
    const parent = `PUSH1 0 PUSH1 0 SSTORE PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS DELEGATECALL STOP`;
    const { result, state } = runTx({
      code: parent,
      revision: 'istanbul',
      original: 1n,
      setup: (s) => s.setAccount(CHILD, { code: child }),
    });
    expect(result.status).toBe('success');
    expect(result.gasRefund).toBe(15000n - 15000n + 4200n);
    expect(state.getStorage(CONTRACT, 0n)).toBe(1n);
  });
});
