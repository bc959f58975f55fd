import { emptyTxContext, type Message, type Result } from '@tandem-evm/host';
import { HOT_JUMPS_PER_CODE_BYTE } from '@tandem-evm/multipass';
import { assemble } from '@tandem-evm/opcodes';
import { stateRoot, WorldState } from '@tandem-evm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvm, type EngineName } from './index.js';

const CONTRACT = 0xc0den;
const CALLEE = 0xca11een;
const SENDER = 0x5e4dn;

/**
 * Adds n, n-1, … 1 into memory word 0 and returns it: n - 1 taken jumps.
 * `backEdge` is the code that jumps back to the loop head at pc 3 while the
 * counter on top of the stack is not zero.
 */
function countdown(n: number, backEdge: string): Uint8Array {
  return assemble(
    `PUSH2 ${n} JUMPDEST DUP1 PUSH0 MLOAD ADD PUSH0 MSTORE PUSH1 1 SWAP1 SUB ${backEdge} POP PUSH1 32 PUSH0 RETURN`,
  );
}
/** The back edge as solc emits it: the destination pushed right before JUMPI. */
const PUSHED_BACK_EDGE = 'DUP1 PUSH2 3 JUMPI';
/** A destination computed by arithmetic, so no compiled block need start there. */
const COMPUTED_BACK_EDGE = 'DUP1 PUSH1 1 PUSH1 2 ADD JUMPI';
/** Each turn of the loop also calls CALLEE, so the frame suspends and resumes. */
const CALLING_BACK_EDGE = 'PUSH0 PUSH0 PUSH0 PUSH0 PUSH3 0xca11ee GAS STATICCALL POP DUP1 PUSH2 3 JUMPI';

/** Taken jumps after which `auto` compiles a running frame of `code`. */
function hotAfter(code: Uint8Array): number {
  return HOT_JUMPS_PER_CODE_BYTE * code.length;
}

function runOnce(engine: EngineName, code: Uint8Array, gas: bigint) {
  const evm = createEvm({ engine });
  const state = WorldState.fromAccounts([
    [SENDER, { balance: 10n ** 18n }],
    [CONTRACT, { code }],
    [CALLEE, { code: assemble('PUSH1 1 PUSH0 MSTORE PUSH1 32 PUSH0 RETURN') }],
  ]);
  state.beginTransaction(emptyTxContext({ origin: SENDER }));
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas,
    sender: SENDER,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 0n,
    input: new Uint8Array(0),
    isStatic: false,
  };
  const result: Result = evm.execute(message, state);
  return {
    result,
    root: stateRoot(state),
    compiled: evm.compiledCode.statistics.compiled,
    inUse: evm.poolStats.inUse,
  };
}

/** What a frame's caller can see, without the engine's own bookkeeping. */
function visible(outcome: ReturnType<typeof runOnce>) {
  return { result: outcome.result, root: outcome.root, inUse: outcome.inUse };
}

describe('auto: one frame that runs hot is compiled while it runs', () => {
  it.each([
    ['pushed', PUSHED_BACK_EDGE],
    ['computed', COMPUTED_BACK_EDGE],
  ])(
    'compiles at exactly the hot jump count (%s back edge), with the interpreter’s result',
    (_, backEdge) => {
      const size = countdown(1, backEdge).length;
      const threshold = HOT_JUMPS_PER_CODE_BYTE * size;
      // n - 1 taken jumps: one short of the threshold stays interpreted, the threshold compiles.
      for (const [n, compiled] of [
        [threshold, 0],
        [threshold + 1, 1],
        [3 * threshold, 1],
      ] as const) {
        const code = countdown(n, backEdge);
        expect(hotAfter(code)).toBe(threshold);
        const auto = runOnce('auto', code, 10_000_000n);
        expect(auto.compiled).toBe(compiled);
        expect(auto.result.status).toBe('success');
        const sum = (BigInt(n) * BigInt(n + 1)) / 2n;
        expect(auto.result.output).toEqual(
          Uint8Array.from(Buffer.from(sum.toString(16).padStart(64, '0'), 'hex')),
        );
        expect(visible(auto)).toEqual(visible(runOnce('interpreter', code, 10_000_000n)));
      }
    },
  );

  it('leaves the multipass engine and the interpreter as they were (they never tier)', () => {
    const code = countdown(10 * hotAfter(countdown(1, PUSHED_BACK_EDGE)), PUSHED_BACK_EDGE);
    expect(runOnce('multipass', code, 10_000_000n).compiled).toBe(1);
    expect(runOnce('interpreter', code, 10_000_000n).compiled).toBe(0);
  });

  it('a frame that calls out on every turn resumes compiled after it runs hot', () => {
    const size = countdown(1, CALLING_BACK_EDGE).length;
    const code = countdown(2 * HOT_JUMPS_PER_CODE_BYTE * size, CALLING_BACK_EDGE);
    const auto = runOnce('auto', code, 100_000_000n);
    expect(auto.result.status).toBe('success');
    expect(auto.compiled).toBe(1);
    expect(visible(auto)).toEqual(visible(runOnce('interpreter', code, 100_000_000n)));
  });

  it('agrees with the interpreter on any loop length and gas, running out before, at or after tier-up', () => {
    const threshold = hotAfter(countdown(1, PUSHED_BACK_EDGE));
    fc.assert(
      fc.property(
        fc.constantFrom(PUSHED_BACK_EDGE, COMPUTED_BACK_EDGE),
        fc.integer({ min: 1, max: 3 * threshold }),
        fc.bigInt({ min: 21n, max: BigInt(120 * threshold) }),
        (backEdge, n, gas) => {
          const code = countdown(n, backEdge);
          expect(visible(runOnce('auto', code, gas))).toEqual(visible(runOnce('interpreter', code, gas)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
