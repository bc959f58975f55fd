// SELFDESTRUCT: balance transfer and deletion (Yellow Paper), gas (EIP-150 5000 + 25000 for
// a new beneficiary; EIP-161 only when value moves to a dead account; EIP-2929 cold
// beneficiary +2600), the 24000 refund until London (EIP-3529), and EIP-6780 (Cancun):
// only an account created in the same transaction is deleted.
import { assemble } from '@tandem-evm/opcodes';
import type { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createAddress } from './index.js';
import { CALLER, CONTRACT, run } from './test/harness.js';

const BENEFICIARY = 0xbe00n;
const TARGET = 0xaa00n;
const G = 1_000_000n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

const funded =
  (balance: bigint, extra?: (state: WorldState) => void) =>
  (state: WorldState): void => {
    state.setBalance(CONTRACT, balance);
    state.setStorage(CONTRACT, 1n, 5n);
    extra?.(state);
  };
const existing = (state: WorldState) => state.setAccount(BENEFICIARY, { balance: 1n });
const emptyAccount = (state: WorldState) => state.setAccount(BENEFICIARY, {});

describe('SELFDESTRUCT before Cancun', () => {
  it('moves the whole balance to the beneficiary and deletes the account at the end of the transaction', () => {
    const { result, state } = run({
      code: `PUSH2 ${BENEFICIARY} SELFDESTRUCT`,
      revision: 'shanghai',
      setup: funded(100n, existing),
    });
    expect(result.status).toBe('success');
    expect(state.getBalance(BENEFICIARY)).toBe(101n);
    expect(state.getBalance(CONTRACT)).toBe(0n);
    expect(state.getCode(CONTRACT).length).toBeGreaterThan(0); // still there until the transaction ends
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(CONTRACT)).toBe(false);
    expect(state.getBalance(BENEFICIARY)).toBe(101n);
  });
  it('to itself: the balance is destroyed with the account', () => {
    const { state } = run({ code: 'ADDRESS SELFDESTRUCT', revision: 'shanghai', setup: funded(100n) });
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(CONTRACT)).toBe(false);
  });
  it('halts: nothing after it runs', () => {
    const { state } = run({
      code: `PUSH2 ${BENEFICIARY} SELFDESTRUCT PUSH1 1 PUSH1 0 SSTORE`,
      revision: 'shanghai',
      setup: funded(0n),
    });
    expect(state.getStorage(CONTRACT, 0n)).toBe(0n);
  });
  it('a self-destruct inside a reverted frame is undone', () => {
    // CONTRACT calls TARGET (which calls the self-destructing 0xdd and then reverts).
    const DOOMED = 0xddn;
    const { state, result } = run({
      code: `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH2 ${TARGET} GAS CALL STOP`,
      revision: 'shanghai',
      setup: (s) => {
        s.setAccount(TARGET, {
          code: assemble(
            `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${DOOMED} GAS CALL PUSH1 0 PUSH1 0 REVERT`,
          ),
        });
        s.setAccount(DOOMED, { code: assemble(`PUSH2 ${BENEFICIARY} SELFDESTRUCT`), balance: 50n });
      },
    });
    expect(result.gasRefund).toBe(0n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(DOOMED)).toBe(true);
    expect(state.getBalance(DOOMED)).toBe(50n);
    expect(state.getBalance(BENEFICIARY)).toBe(0n);
  });
});

describe('SELFDESTRUCT in Cancun (EIP-6780)', () => {
  it('an account not created in this transaction keeps its code and storage; the balance moves', () => {
    const { result, state } = run({
      code: `PUSH2 ${BENEFICIARY} SELFDESTRUCT`,
      revision: 'cancun',
      setup: funded(100n, existing),
    });
    expect(result.status).toBe('success');
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(CONTRACT)).toBe(true);
    expect(state.getCode(CONTRACT).length).toBeGreaterThan(0);
    expect(state.getStorage(CONTRACT, 1n)).toBe(5n);
    expect(state.getBalance(CONTRACT)).toBe(0n);
    expect(state.getBalance(BENEFICIARY)).toBe(101n);
  });
  it('to itself, an account not created in this transaction keeps its balance', () => {
    const { state } = run({ code: 'ADDRESS SELFDESTRUCT', revision: 'cancun', setup: funded(100n) });
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.getBalance(CONTRACT)).toBe(100n);
    expect(state.getCode(CONTRACT).length).toBeGreaterThan(0);
  });
  it('an account created in this transaction is deleted (self-destruct in its init code)', () => {
    const init = assemble(`PUSH2 ${BENEFICIARY} SELFDESTRUCT`);
    const hexInit = Buffer.from(init).toString('hex');
    const created = createAddress(CONTRACT, 0n);
    const { result, state } = run({
      // store the init code at 0, CREATE with value 30
      code: `PUSH${init.length} 0x${hexInit} PUSH1 0 MSTORE PUSH1 ${init.length} PUSH1 ${32 - init.length} PUSH1 30 CREATE STOP`,
      revision: 'cancun',
      setup: funded(100n),
    });
    expect(result.status).toBe('success');
    expect(state.getBalance(BENEFICIARY)).toBe(30n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(created)).toBe(false);
    expect(state.getBalance(BENEFICIARY)).toBe(30n);
  });
  it('an account created in this transaction and self-destructed later in it (called) is deleted', () => {
    const runtime = assemble('ADDRESS SELFDESTRUCT'); // to itself: the ether is burnt with the account
    const init = assemble(
      `PUSH2 0x${Buffer.from(runtime).toString('hex')} PUSH1 0 MSTORE PUSH1 2 PUSH1 30 RETURN`,
    );
    const hexInit = Buffer.from(init).toString('hex');
    const created = createAddress(CONTRACT, 0n);
    const { state } = run({
      code: `PUSH${init.length} 0x${hexInit} PUSH1 0 MSTORE PUSH1 ${init.length} PUSH1 ${32 - init.length} PUSH1 30 CREATE PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 DUP6 GAS CALL STOP`,
      revision: 'cancun',
      setup: funded(100n),
    });
    expect(state.getCode(created)).toEqual(runtime);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(created)).toBe(false);
    expect(state.getBalance(CONTRACT)).toBe(70n);
  });
});

describe('SELFDESTRUCT gas', () => {
  const gasOf = (revision: string, setup: (state: WorldState) => void, beneficiary = BENEFICIARY) => {
    const { result, gasUsed } = run({ code: `PUSH3 ${beneficiary} SELFDESTRUCT`, revision, gas: G, setup });
    expect(result.status).toBe('success');
    return gasUsed;
  };
  it('frontier and homestead: 0', () => {
    expect(gasOf('frontier', funded(100n))).toBe(3n);
    expect(gasOf('homestead', funded(100n))).toBe(3n);
  });
  it('tangerine-whistle: 5000, + 25000 when the beneficiary does not exist (value or not)', () => {
    expect(gasOf('tangerine-whistle', funded(0n, existing))).toBe(5003n);
    expect(gasOf('tangerine-whistle', funded(0n))).toBe(30003n);
    expect(gasOf('tangerine-whistle', funded(0n, emptyAccount))).toBe(5003n);
  });
  it('spurious-dragon (EIP-161): + 25000 only when value goes to a dead (missing or empty) account', () => {
    expect(gasOf('spurious-dragon', funded(0n))).toBe(5003n);
    expect(gasOf('spurious-dragon', funded(100n))).toBe(30003n);
    expect(gasOf('spurious-dragon', funded(100n, emptyAccount))).toBe(30003n);
    expect(gasOf('spurious-dragon', funded(100n, existing))).toBe(5003n);
  });
  it('berlin+ (EIP-2929): + 2600 for a cold beneficiary', () => {
    for (const revision of ['berlin', 'london', 'cancun']) {
      expect(gasOf(revision, funded(100n, existing))).toBe(7603n);
      expect(gasOf(revision, funded(100n))).toBe(32603n);
      expect(gasOf(revision, funded(0n))).toBe(7603n);
      expect(gasOf(revision, funded(100n), CALLER)).toBe(5003n); // warm (the caller)
      expect(gasOf(revision, funded(100n), CONTRACT)).toBe(5003n); // itself, warm
    }
  });
  it('the 5000 must be available: one gas short is out of gas', () => {
    const { result, gasUsed } = run({
      code: `PUSH3 ${CALLER} SELFDESTRUCT`,
      revision: 'cancun',
      gas: 5002n,
      setup: funded(100n),
    });
    expect(result.status).toBe('out-of-gas');
    expect(gasUsed).toBe(5002n);
  });
});

describe('SELFDESTRUCT refund', () => {
  it.each([
    ['frontier', 24000n],
    ['homestead', 24000n],
    ['tangerine-whistle', 24000n],
    ['byzantium', 24000n],
    ['istanbul', 24000n],
    ['berlin', 24000n],
    ['london', 0n],
    ['shanghai', 0n],
    ['cancun', 0n],
  ])('%s: refund %s', (revision, refund) => {
    const { result } = run({ code: `PUSH3 ${CALLER} SELFDESTRUCT`, revision, setup: funded(100n) });
    expect(result.status).toBe('success');
    expect(result.gasRefund).toBe(refund);
  });
  it('the refund is given once per account, even if it self-destructs twice in a transaction', () => {
    const callTarget = `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH2 ${TARGET} GAS CALL POP`;
    const { result } = run({
      code: `${callTarget} ${callTarget} STOP`,
      revision: 'istanbul',
      setup: (s) => s.setAccount(TARGET, { code: assemble(`PUSH3 ${CALLER} SELFDESTRUCT`) }),
    });
    expect(result.gasRefund).toBe(24000n);
  });
  it('a static frame cannot SELFDESTRUCT', () => {
    const { result, gasUsed } = run({
      code: `PUSH3 ${CALLER} SELFDESTRUCT`,
      revision: 'cancun',
      isStatic: true,
      gas: G,
      setup: funded(100n),
    });
    expect(result.status).toBe('static-mode-violation');
    expect(gasUsed).toBe(G);
    expect(toWord(result.output)).toBe(0n);
  });
});
