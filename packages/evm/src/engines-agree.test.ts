import { emptyTxContext, type Message } from '@tandem-evm/host';
import { assemble, OPCODES } from '@tandem-evm/opcodes';
import { logsHash, stateRoot, WorldState } from '@tandem-evm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvm, type EngineName } from './index.js';

const CONTRACT = 0xc0den;
const OTHER = 0x07e7n;

/** Every Cancun opcode but PUSHes (generated with chosen values below). */
const PLAIN_OPCODES = OPCODES.filter((info) => info !== undefined && info.immediateSize === 0).map(
  (info) => info!.code,
);

const word = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, 31n, 32n, 64n, 255n, 256n, 1n << 255n, (1n << 256n) - 1n, CONTRACT, OTHER),
  fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
  fc.bigInt({ min: 0n, max: 100n }),
);

/** Pieces of code: a PUSH of an interesting value, a plain opcode, or a JUMPDEST. */
const piece = fc.oneof(
  { weight: 4, arbitrary: word.map((value) => pushOf(value)) },
  { weight: 4, arbitrary: fc.constantFrom(...PLAIN_OPCODES).map((op) => [op]) },
  { weight: 1, arbitrary: fc.constant([0x5b]) },
);

function pushOf(value: bigint): number[] {
  const hex = value.toString(16);
  const bytes = hex.length <= 2 ? 1 : Math.ceil(hex.length / 2);
  const out = [0x5f + bytes];
  for (let i = bytes - 1; i >= 0; i--) out.push(Number((value >> BigInt(8 * i)) & 0xffn));
  return out;
}

function run(engine: EngineName, code: Uint8Array, gas: bigint) {
  const evm = createEvm({ engine });
  const state = WorldState.fromAccounts([
    [CONTRACT, { code, balance: 1000n, storage: [[1n, 5n]] }],
    [OTHER, { code: Uint8Array.of(0x60, 0x01, 0x60, 0x00, 0x55, 0x00), balance: 7n }],
    [0xca11e7n, { balance: 10n ** 18n }],
  ]);
  state.beginTransaction(emptyTxContext({ number: 300n, timestamp: 17n }));
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas,
    sender: 0xca11e7n,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 3n,
    input: Uint8Array.of(1, 2, 3, 4),
    isStatic: false,
  };
  // Several runs, so `auto` reaches compiled code too.
  let result = evm.execute(message, state);
  for (let i = 0; i < 9; i++) {
    const snapshot = state.snapshot();
    result = evm.execute(message, state);
    state.revert(snapshot);
  }
  return {
    status: result.status,
    gasLeft: result.gasLeft,
    gasRefund: result.gasRefund,
    output: [...result.output],
    root: stateRoot(state),
    logs: logsHash(state.logs),
  };
}

describe('interpreter, multipass and auto agree', () => {
  const statuses = new Map<string, number>();
  it('on random programs and gas limits', () => {
    fc.assert(
      fc.property(
        // Values first, so that most programs get past their first instructions.
        fc.array(word.map(pushOf), { minLength: 4, maxLength: 12 }),
        fc.array(piece, { maxLength: 60 }),
        fc.oneof(fc.constant(10_000_000n), fc.bigInt({ min: 0n, max: 60_000n })),
        (prelude, pieces, gas) => {
          // A backward JUMPI that is never taken (JUMPDEST PUSH0 PUSH0 JUMPI) makes
          // the compiler take the program instead of leaving straight-line code to the interpreter.
          const code = Uint8Array.from([0x5b, 0x5f, 0x5f, 0x57, ...prelude.flat(), ...pieces.flat()]);
          const expected = run('interpreter', code, gas);
          statuses.set(expected.status, (statuses.get(expected.status) ?? 0) + 1);
          expect(run('multipass', code, gas)).toEqual(expected);
          expect(run('auto', code, gas)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
    // The generator must reach more than the first instruction's failure.
    expect(statuses.get('success') ?? 0).toBeGreaterThan(20);
    expect(statuses.size).toBeGreaterThan(4);
  });

  it('when gas runs out at any point of blocks that leave the compiled code with constants, loads and results pending', () => {
    // Each memory expansion and each chunk of static gas is a way back to the interpreter (or a halt)
    // in the middle of a block, where the compiler still holds a constant, a loaded item and computed
    // values that must reach the real stack. The loop runs twice; the output shows the stack it left.
    const code = assemble(`
      PUSH1 0x02 JUMPDEST
      ADDRESS PUSH32 0xff00000000000000000000000000000000000000000000000000000000000001
      DUP2 PUSH1 0x03 ADD DUP3 PUSH2 0x0200 MSTORE
      PUSH2 0x0400 MLOAD ADD DUP2 DUP4 LT
      PUSH0 MSTORE PUSH1 0x20 MSTORE PUSH1 0x40 MSTORE PUSH1 0x60 MSTORE
      PUSH1 0x01 SWAP1 SUB DUP1 PUSH1 0x02 JUMPI
      PUSH1 0x80 PUSH0 RETURN`);
    const enough = 10_000_000n - run('interpreter', code, 10_000_000n).gasLeft;
    const outcomes = new Set<string>();
    for (let gas = 0n; gas <= enough + 2n; gas++) {
      const expected = run('interpreter', code, gas);
      outcomes.add(expected.status);
      expect(run('multipass', code, gas), `gas ${gas}`).toEqual(expected);
    }
    expect([...outcomes].sort()).toEqual(['out-of-gas', 'success']);
  });

  it('on memory offsets computed by adding a constant, near 2^30 and 2^32 and wrapping past 2^256', () => {
    // The compiler keeps such offsets as JS numbers below 2^30; a sum that reaches 2^30 or wraps
    // around 2^256 to a small offset must take the exact path and agree with the interpreter.
    const M = (1n << 256n) - 1n;
    const bases = [
      0n,
      0x40n,
      0x3fffffc0n,
      0x3fffffe0n,
      1n << 30n,
      0xffffffe0n,
      0xffffffffn,
      1n << 32n,
      M - 0x1fn,
      M,
    ];
    const addends = [0x20n, 0x40n, 0x3fffffffn, 0x40000000n, 0xffffffffn];
    const statuses = new Set<string>();
    for (const base of bases) {
      for (const addend of addends) {
        const word = (value: bigint) => `0x${value.toString(16).padStart(64, '0')}`;
        const code = assemble(`
          PUSH0 PUSH0 PUSH0 JUMPI
          PUSH32 ${word(base)} DUP1 PUSH4 0x${addend.toString(16).padStart(8, '0')} ADD
          DUP1 MLOAD POP PUSH1 0x07 DUP2 MSTORE PUSH1 0x20 ADD MLOAD
          PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN`);
        for (const gas of [10_000_000n, 50_000n]) {
          const expected = run('interpreter', code, gas);
          statuses.add(expected.status);
          expect(run('multipass', code, gas), `${base} + ${addend}, gas ${gas}`).toEqual(expected);
        }
      }
    }
    expect([...statuses].sort()).toEqual(['out-of-gas', 'success']);
  });
});
