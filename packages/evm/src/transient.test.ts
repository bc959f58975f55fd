// TLOAD / TSTORE (EIP-1153, Cancun): 100 gas each, no refunds, no stipend rule, scoped to
// the executing account (DELEGATECALL shares the caller's), reverted with the frame, and
// TSTORE forbidden in a static context.
import { assemble } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import { CONTRACT, run } from './test/harness.js';

const CHILD = 0xc1n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

const returnTop = 'PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN';
const call = (kind: string, target: bigint) =>
  kind === 'CALL' || kind === 'CALLCODE'
    ? `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${target} GAS ${kind}`
    : `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${target} GAS ${kind}`;

describe('TLOAD / TSTORE', () => {
  it('TSTORE then TLOAD reads the value back; each costs 100', () => {
    const { result, gasUsed } = run({
      code: `PUSH1 42 PUSH1 1 TSTORE PUSH1 1 TLOAD ${returnTop}`,
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(42n);
    expect(gasUsed).toBe(3n + 3n + 100n + 3n + 100n + 3n + 3n + 3n + 3n + 3n);
  });
  it('an unset slot reads 0', () => {
    const { result } = run({ code: `PUSH32 ${(1n << 256n) - 1n} TLOAD ${returnTop}`, revision: 'cancun' });
    expect(toWord(result.output)).toBe(0n);
  });
  it('TLOAD of a slot that is set in persistent storage still reads 0', () => {
    const code = assemble(`PUSH1 0 TLOAD ${returnTop}`);
    const { result } = run({
      code,
      revision: 'cancun',
      setup: (s) => s.setAccount(CONTRACT, { code, storage: new Map([[0n, 5n]]) }),
    });
    expect(toWord(result.output)).toBe(0n);
  });
  it('gas is 100 whatever the values: no SSTORE-style set cost, no refund', () => {
    const { result, gasUsed } = run({
      code: 'PUSH1 1 PUSH1 0 TSTORE PUSH1 0 PUSH1 0 TSTORE PUSH1 0 PUSH1 0 TSTORE STOP',
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(3n * (6n + 100n));
    expect(result.gasRefund).toBe(0n);
  });
  it('TSTORE is not subject to the SSTORE 2300-gas stipend rule', () => {
    const { result, gasUsed } = run({ code: 'PUSH1 1 PUSH1 0 TSTORE', revision: 'cancun', gas: 106n });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(106n);
    expect(run({ code: 'PUSH1 1 PUSH1 0 TSTORE', revision: 'cancun', gas: 105n }).result.status).toBe(
      'out-of-gas',
    );
  });
  it('the value stays for the rest of the transaction', () => {
    const { state } = run({ code: 'PUSH1 9 PUSH1 3 TSTORE STOP', revision: 'cancun' });
    expect(state.getTransientStorage(CONTRACT, 3n)).toBe(9n);
  });
});

describe('scoping across frames', () => {
  it('a CALLed contract has its own transient storage; the callee sees its own writes', () => {
    // Parent stores 1 at slot 0 and calls the child, which returns TLOAD(0) of its own storage.
    const child = assemble(`PUSH1 0 TLOAD ${returnTop}`);
    const { result } = run({
      code: `PUSH1 1 PUSH1 0 TSTORE PUSH1 32 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS CALL POP PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: child }),
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(0n);
  });
  it('DELEGATECALL shares the caller’s transient storage, both ways', () => {
    const child = assemble('PUSH1 0 TLOAD PUSH1 1 ADD PUSH1 1 TSTORE STOP');
    const { result, state } = run({
      code: `PUSH1 41 PUSH1 0 TSTORE ${call('DELEGATECALL', CHILD)} POP PUSH1 1 TLOAD ${returnTop}`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: child }),
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(42n);
    expect(state.getTransientStorage(CHILD, 1n)).toBe(0n);
  });
  it('a reverted frame’s TSTOREs are undone; a successful one’s are kept', () => {
    const reverting = assemble('PUSH1 7 PUSH1 0 TSTORE PUSH1 0 PUSH1 0 REVERT');
    const { state } = run({
      code: `${call('CALL', CHILD)} POP ${call('CALL', 0xc2n)} STOP`,
      revision: 'cancun',
      setup: (s) => {
        s.setAccount(CHILD, { code: reverting });
        s.setAccount(0xc2n, { code: assemble('PUSH1 8 PUSH1 0 TSTORE STOP') });
      },
    });
    expect(state.getTransientStorage(CHILD, 0n)).toBe(0n);
    expect(state.getTransientStorage(0xc2n, 0n)).toBe(8n);
  });
  it('a parent’s TSTORE after a child reverted stays', () => {
    const { state } = run({
      code: `${call('CALL', CHILD)} POP PUSH1 5 PUSH1 0 TSTORE STOP`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: assemble('INVALID') }),
    });
    expect(state.getTransientStorage(CONTRACT, 0n)).toBe(5n);
  });
});

describe('static context', () => {
  it('TSTORE in a static frame is a static-mode violation that uses all gas', () => {
    const { result, gasUsed, state } = run({
      code: 'PUSH1 1 PUSH1 0 TSTORE STOP',
      revision: 'cancun',
      isStatic: true,
    });
    expect(result.status).toBe('static-mode-violation');
    expect(gasUsed).toBe(1_000_000n);
    expect(state.getTransientStorage(CONTRACT, 0n)).toBe(0n);
  });
  it('TLOAD in a static frame is allowed', () => {
    const { result } = run({ code: `PUSH1 0 TLOAD ${returnTop}`, revision: 'cancun', isStatic: true });
    expect(result.status).toBe('success');
  });
  it('a STATICCALL child that TSTOREs fails and the parent sees 0', () => {
    const { result } = run({
      code: `${call('STATICCALL', CHILD)} ${returnTop}`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: assemble('PUSH1 1 PUSH1 0 TSTORE STOP') }),
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(0n);
  });
});

describe('before Cancun', () => {
  it.each(['TLOAD', 'TSTORE'])('%s is undefined in Shanghai', (op) => {
    const { result, gasUsed } = run({ code: `PUSH1 0 PUSH1 0 ${op}`, revision: 'shanghai', gas: 1000n });
    expect(result.status).toBe('undefined-instruction');
    expect(gasUsed).toBe(1000n);
  });
});
