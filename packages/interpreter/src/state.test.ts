// Instructions that read or write the world through the host, and the static
// calls (EIP-214) that forbid every write.
import { emptyTxContext } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { CALLER, run, SELF, TestHost } from './test/run.js';

describe('storage', () => {
  it('SSTORE then SLOAD reads the value back and the host holds it', () => {
    const result = run('PUSH1 0x2a PUSH1 1 SSTORE PUSH1 1 SLOAD');
    expect(result.stack).toEqual([0x2an]);
    expect(result.host.getStorage(SELF, 1n)).toBe(0x2an);
    // Cold set 22100, then a warm read 100.
    expect(result.gasUsed).toBe(3n + 3n + 22100n + 3n + 100n);
  });

  it('refunds a clear of a slot set before the transaction (EIP-3529: 4800)', () => {
    const host = new TestHost();
    host.setStorage(SELF, 1n, 5n);
    const result = run('PUSH1 0 PUSH1 1 SSTORE', { host });
    expect(result.context.gasRefund).toBe(4800);
    expect(result.gasUsed).toBe(3n + 3n + 2900n + 2100n);
  });

  it('TSTORE then TLOAD reads the value back at 100 each (EIP-1153)', () => {
    const result = run('PUSH1 7 PUSH1 1 TSTORE PUSH1 1 TLOAD');
    expect(result.stack).toEqual([7n]);
    expect(result.gasUsed).toBe(3n + 3n + 100n + 3n + 100n);
  });
});

describe('environment', () => {
  it('reads the message: ADDRESS, CALLER, CALLVALUE, CALLDATASIZE, CALLDATALOAD', () => {
    const input = Uint8Array.of(0xaa, 0xbb);
    const result = run('ADDRESS CALLER CALLVALUE CALLDATASIZE PUSH1 1 CALLDATALOAD', {
      message: { value: 9n, input },
    });
    expect(result.stack).toEqual([SELF, CALLER, 9n, 2n, 0xbbn << 248n]);
  });

  it('reads the block: NUMBER, CHAINID, BASEFEE, BLOCKHASH of the previous block', () => {
    const host = new TestHost(emptyTxContext({ number: 100n, chainId: 7n, baseFee: 11n }));
    const result = run('NUMBER CHAINID BASEFEE PUSH1 99 BLOCKHASH PUSH1 100 BLOCKHASH', { host });
    expect(result.stack).toEqual([100n, 7n, 11n, 0xb10c0000n + 99n, 0n]);
  });

  it('SELFBALANCE and BALANCE read the host', () => {
    const host = new TestHost();
    host.setBalance(SELF, 1234n);
    expect(run('SELFBALANCE ADDRESS BALANCE', { host }).stack).toEqual([1234n, 1234n]);
  });

  it('CODESIZE and CODECOPY read the running code, zero past its end', () => {
    // Eight bytes of code copied as ten: two zeros follow.
    const result = run('PUSH1 10 PUSH0 PUSH0 CODECOPY CODESIZE PUSH0 MLOAD');
    expect(result.stack[0]).toBe(8n);
    expect(result.stack[1]! >> 176n).toBe(0x600a_5f5f_3938_5f51_0000n);
  });

  it('LOG2 emits the memory region under the frame’s address at 375 + 2·375 + 8 a byte', () => {
    const result = run('PUSH1 0xff PUSH0 MSTORE8 PUSH1 2 PUSH1 1 PUSH1 1 PUSH0 LOG2');
    expect(result.host.logs).toEqual([{ address: SELF, topics: [1n, 2n], data: Uint8Array.of(0xff) }]);
    expect(result.gasUsed).toBe(3n + 2n + 3n + 3n + 3n + 3n + 3n + 2n + 1125n + 8n);
  });
});

describe('static calls (EIP-214)', () => {
  const WRITES: [string, string][] = [
    ['SSTORE', 'PUSH0 PUSH0 SSTORE'],
    ['TSTORE', 'PUSH0 PUSH0 TSTORE'],
    ['LOG0', 'PUSH0 PUSH0 LOG0'],
    ['LOG4', 'PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 LOG4'],
    ['CREATE', 'PUSH0 PUSH0 PUSH0 CREATE'],
    ['CREATE2', 'PUSH0 PUSH0 PUSH0 PUSH0 CREATE2'],
    ['CALL with value', 'PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 1 PUSH2 0xbeef PUSH2 0xffff CALL'],
    ['SELFDESTRUCT', 'PUSH2 0xbeef SELFDESTRUCT'],
  ];

  it.each(WRITES)('%s halts with static-mode-violation and consumes all gas', (_name, code) => {
    const result = run(code, { message: { isStatic: true }, gas: 100_000n });
    expect(result.status).toBe('static-mode-violation');
    expect(result.gasLeft).toBe(0n);
    expect(result.host.logs).toEqual([]);
  });

  it('allows reads and a CALL without value', () => {
    const result = run(
      'PUSH0 SLOAD PUSH0 TLOAD PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH2 0xbeef PUSH2 0xffff CALL',
      {
        message: { isStatic: true },
      },
    );
    expect(result.status).toBe('success');
    expect(result.context.pendingCall?.isStatic).toBe(true);
  });
});
