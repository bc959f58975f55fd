// CALL*/CREATE* set-up and the parent's side of a finished child frame.
import { type Host, Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { applyChildResult, isEipActive, prepareCall, prepareCreate } from './index.js';
import { CALLER, frame, gasUsed, SELF, stubHost } from './test/frame.js';

const R = Revision;
const CALLEE = 0xca11een;

/** A callee that exists and is warm, with no code; `empty` makes it an EIP-161 empty account. */
function calleeHost(empty = false): Host {
  return stubHost({
    accessAccount: () => true,
    getCode: () => new Uint8Array(0),
    accountExists: () => !empty,
    isEmpty: () => empty,
  });
}

describe('prepareCall', () => {
  it('hands the child all but one 64th of the gas left when asked for more (EIP-150)', () => {
    const context = frame({ host: calleeHost(), gas: 64_000n });
    expect(prepareCall(context, 'call', 1n << 200n, CALLEE, 0n, 0n, 0n, 0n, 0n)).toBeUndefined();
    expect(context.pendingCall!.gas).toBe(63_000n);
    expect(context.gasLeft).toBe(1000n);
  });

  it('hands the child the gas asked for when it is less than the cap', () => {
    const context = frame({ host: calleeHost(), gas: 64_000n });
    prepareCall(context, 'staticcall', 500n, CALLEE, 0n, 0n, 0n, 0n, 0n);
    expect(context.pendingCall!.gas).toBe(500n);
    expect(context.gasLeft).toBe(63_500n);
  });

  it('is out of gas before Tangerine Whistle when the caller asks for more than it has', () => {
    const context = frame({ host: calleeHost(), revision: R.Homestead, gas: 1000n });
    expect(prepareCall(context, 'call', 1001n, CALLEE, 0n, 0n, 0n, 0n, 0n)).toBe('out-of-gas');
    const exact = frame({ host: calleeHost(), revision: R.Homestead, gas: 1000n });
    expect(prepareCall(exact, 'call', 1000n, CALLEE, 0n, 0n, 0n, 0n, 0n)).toBeUndefined();
    expect(exact.pendingCall!.gas).toBe(1000n);
  });

  it('charges 9000 for value and adds the 2300 stipend to the child’s gas', () => {
    const context = frame({ host: calleeHost(), gas: 100_000n });
    prepareCall(context, 'call', 0n, CALLEE, 1n, 0n, 0n, 0n, 0n);
    expect(gasUsed(context)).toBe(9000n);
    expect(context.pendingCall!.gas).toBe(2300n);
  });

  it('charges 25000 more for value sent to an empty account (EIP-161), not for a value-less call', () => {
    const paying = frame({ host: calleeHost(true), gas: 100_000n });
    prepareCall(paying, 'call', 0n, CALLEE, 1n, 0n, 0n, 0n, 0n);
    expect(gasUsed(paying)).toBe(34_000n);
    const free = frame({ host: calleeHost(true), gas: 100_000n });
    prepareCall(free, 'call', 0n, CALLEE, 0n, 0n, 0n, 0n, 0n);
    expect(gasUsed(free)).toBe(0n);
  });

  it('charges 25000 for any call to a missing account before Spurious Dragon', () => {
    const context = frame({ host: calleeHost(true), revision: R.TangerineWhistle, gas: 100_000n });
    prepareCall(context, 'call', 0n, CALLEE, 0n, 0n, 0n, 0n, 0n);
    expect(gasUsed(context)).toBe(25_000n);
  });

  it('refuses value in a static frame, and makes STATICCALL children static', () => {
    const context = frame({ host: calleeHost(), message: { isStatic: true } });
    expect(prepareCall(context, 'call', 0n, CALLEE, 1n, 0n, 0n, 0n, 0n)).toBe('static-mode-violation');
    const plain = frame({ host: calleeHost() });
    prepareCall(plain, 'staticcall', 0n, CALLEE, 0n, 0n, 0n, 0n, 0n);
    expect(plain.pendingCall!.isStatic).toBe(true);
  });

  it('builds each kind’s message: who is sender, whose storage, which value', () => {
    const messages = (['call', 'callcode', 'delegatecall', 'staticcall'] as const).map((kind) => {
      const context = frame({ host: calleeHost(), message: { value: 77n } });
      prepareCall(context, kind, 0n, CALLEE, kind === 'callcode' ? 5n : 0n, 0n, 0n, 0n, 0n);
      const { sender, recipient, codeAddress, value, depth } = context.pendingCall!;
      return { kind, sender, recipient, codeAddress, value, depth };
    });
    expect(messages).toEqual([
      { kind: 'call', sender: SELF, recipient: CALLEE, codeAddress: CALLEE, value: 0n, depth: 1 },
      { kind: 'callcode', sender: SELF, recipient: SELF, codeAddress: CALLEE, value: 5n, depth: 1 },
      { kind: 'delegatecall', sender: CALLER, recipient: SELF, codeAddress: CALLEE, value: 77n, depth: 1 },
      { kind: 'staticcall', sender: SELF, recipient: CALLEE, codeAddress: CALLEE, value: 0n, depth: 1 },
    ]);
  });

  it('charges memory for the input and output regions and passes the input', () => {
    const context = frame({ host: calleeHost() });
    context.memory.grow(32);
    context.memory.writable(0, 3).set([1, 2, 3]);
    prepareCall(context, 'call', 0n, CALLEE, 0n, 1n, 2n, 64n, 32n);
    expect([...context.pendingCall!.input]).toEqual([2, 3]);
    expect(context.memory.size).toBe(96);
    expect([context.pendingOutputOffset, context.pendingOutputSize]).toEqual([64, 32]);
  });
});

describe('prepareCreate', () => {
  it('refuses in a static frame', () => {
    expect(prepareCreate(frame({ message: { isStatic: true } }), 'create', 0n, 0n, 0n, 0n)).toBe(
      'static-mode-violation',
    );
  });

  it('charges 2 per init code word from Shanghai, 8 for CREATE2, and hands over all but a 64th', () => {
    const create = frame({ gas: 64_000n });
    expect(prepareCreate(create, 'create', 0n, 0n, 64n, 0n)).toBeUndefined();
    // 6 for two words of memory, 4 for two words of init code: 63990 left, of which 63990 / 64 = 999 stay.
    expect(create.pendingCall!.gas).toBe(62_991n);
    expect(create.gasLeft).toBe(999n);
    const create2 = frame({ gas: 64_000n });
    prepareCreate(create2, 'create2', 0n, 0n, 64n, 0xabn);
    expect(64_000n - create2.gasLeft - create2.pendingCall!.gas).toBe(6n + 16n);
    expect(create2.pendingCall!.salt).toBe(0xabn);
  });

  it('charges no init code words before Shanghai and hands over everything before Tangerine Whistle', () => {
    const context = frame({ revision: R.Homestead, gas: 1000n });
    prepareCreate(context, 'create', 5n, 0n, 32n, 0n);
    expect(context.pendingCall!.gas).toBe(1000n - 3n);
    expect(context.pendingCall!.value).toBe(5n);
  });

  it('is out of gas for init code over 49152 bytes from Shanghai (EIP-3860)', () => {
    expect(prepareCreate(frame({ gas: 10_000_000n }), 'create', 0n, 0n, 49_153n, 0n)).toBe('out-of-gas');
    expect(prepareCreate(frame({ gas: 10_000_000n }), 'create', 0n, 0n, 49_152n, 0n)).toBeUndefined();
    expect(
      prepareCreate(frame({ gas: 10_000_000n, revision: R.Paris }), 'create', 0n, 0n, 49_153n, 0n),
    ).toBeUndefined();
  });
});

describe('applyChildResult', () => {
  function afterCall(outputSize: bigint) {
    const context = frame({ host: calleeHost(), gas: 64_000n });
    prepareCall(context, 'call', 10_000n, CALLEE, 0n, 0n, 0n, 0n, outputSize);
    return context;
  }

  it('takes back unused gas and refunds of a successful child, copies output up to the asked size', () => {
    const context = afterCall(2n);
    const pushed = applyChildResult(context, {
      status: 'success',
      gasLeft: 4000n,
      gasRefund: 300n,
      output: Uint8Array.of(7, 8, 9),
    });
    expect(pushed).toBe(1n);
    expect(context.gasLeft).toBe(64_000n - 6000n - 3n);
    expect(context.gasRefund).toBe(300);
    expect([...context.memory.readable(0, 3)]).toEqual([7, 8, 0]);
    expect([...context.returnData]).toEqual([7, 8, 9]);
    expect(context.pendingCall).toBeUndefined();
  });

  it('keeps the return data of a reverted child but not its refund, and pushes 0', () => {
    const context = afterCall(0n);
    const pushed = applyChildResult(context, {
      status: 'revert',
      gasLeft: 10n,
      gasRefund: 300n,
      output: Uint8Array.of(1),
    });
    expect(pushed).toBe(0n);
    expect(context.gasRefund).toBe(0);
    expect([...context.returnData]).toEqual([1]);
  });

  it('pushes the created address after a successful create, 0 after a failed one', () => {
    const created = frame();
    prepareCreate(created, 'create', 0n, 0n, 0n, 0n);
    expect(
      applyChildResult(created, {
        status: 'success',
        gasLeft: 0n,
        gasRefund: 0n,
        output: new Uint8Array(0),
        createdAddress: 0x4e3an,
      }),
    ).toBe(0x4e3an);
    const failed = frame();
    prepareCreate(failed, 'create', 0n, 0n, 0n, 0n);
    expect(
      applyChildResult(failed, {
        status: 'out-of-gas',
        gasLeft: 0n,
        gasRefund: 0n,
        output: new Uint8Array(0),
      }),
    ).toBe(0n);
  });
});

describe('isEipActive', () => {
  it('follows the revision unless the EVM switched the EIP', () => {
    expect(isEipActive(undefined, R.Paris, 3860, R.Shanghai)).toBe(false);
    expect(isEipActive(undefined, R.Shanghai, 3860, R.Shanghai)).toBe(true);
    const switched = { 3860: true };
    expect(isEipActive(switched, R.Paris, 3860, R.Shanghai)).toBe(true);
    expect(isEipActive(switched, R.Paris, 1153, R.Cancun)).toBe(false);
  });
});
