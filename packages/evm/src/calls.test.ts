// CALL, CALLCODE, DELEGATECALL, STATICCALL: context, value, gas (Yellow Paper; EIP-150
// all-but-one-64th; EIP-161 new-account rule; EIP-2929 cold/warm), return data (EIP-211),
// static-mode write rules (EIP-214) and the 1024 depth limit.
import { emptyTxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm } from './index.js';
import { CALLER, CONTRACT, run } from './test/harness.js';

const MAX = (1n << 256n) - 1n;
const TARGET = 0xaa00n; // a contract
const EOA = 0xee00n; // an existing account without code
const NOBODY = 0xdead00n; // no account
const G = 100_000n;

/** EIP-150: all but one 64th. */
const L = (n: bigint): bigint => n - n / 64n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

interface CallArgs {
  gas?: bigint;
  to?: bigint;
  value?: bigint;
  inOffset?: bigint;
  inSize?: bigint;
  outOffset?: bigint;
  outSize?: bigint;
}

/** The pushes and the opcode of a call; 7 pushes (21 gas) for CALL/CALLCODE, 6 (18) otherwise. */
function call(kind: string, args: CallArgs = {}): string {
  const withValue = kind === 'CALL' || kind === 'CALLCODE';
  const pushes = [
    args.outSize ?? 0n,
    args.outOffset ?? 0n,
    args.inSize ?? 0n,
    args.inOffset ?? 0n,
    ...(withValue ? [args.value ?? 0n] : []),
    args.to ?? TARGET,
    args.gas ?? MAX,
  ];
  return `${pushes.map((p) => `PUSH32 ${p}`).join(' ')} ${kind}`;
}

const RETURN_TOP = 'PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN'; // 15 gas from empty memory
const RETURN_GAS = 'GAS PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN';

function withTarget(code: string | Uint8Array, extra?: (state: WorldState) => void, balance = 0n) {
  return (state: WorldState) => {
    state.setAccount(TARGET, { code: typeof code === 'string' ? assemble(code) : code, balance });
    state.setAccount(EOA, { balance: 1n });
    extra?.(state);
  };
}

describe('call context', () => {
  const reportContext =
    'CALLER PUSH1 0 MSTORE CALLVALUE PUSH1 32 MSTORE ADDRESS PUSH1 64 MSTORE PUSH1 96 PUSH1 0 RETURN';
  const runKind = (kind: string) =>
    run({
      code: `${call(kind, { value: 3n, outSize: 96n })} POP PUSH1 96 PUSH1 0 RETURN`,
      revision: 'cancun',
      value: 5n,
      setup: withTarget(reportContext, (s) => s.setBalance(CONTRACT, 100n)),
    });
  const words = (output: Uint8Array) => [0, 1, 2].map((i) => toWord(output.subarray(32 * i, 32 * i + 32)));

  it('CALL: caller is the calling contract, value is the value sent, address is the callee', () => {
    expect(words(runKind('CALL').result.output)).toEqual([CONTRACT, 3n, TARGET]);
  });
  it('CALLCODE: the callee’s code runs as the caller, with the value sent', () => {
    expect(words(runKind('CALLCODE').result.output)).toEqual([CONTRACT, 3n, CONTRACT]);
  });
  it('DELEGATECALL: caller and value of the current frame are kept (EIP-7)', () => {
    expect(words(runKind('DELEGATECALL').result.output)).toEqual([CALLER, 5n, CONTRACT]);
  });
  it('STATICCALL: value 0, address is the callee', () => {
    expect(words(runKind('STATICCALL').result.output)).toEqual([CONTRACT, 0n, TARGET]);
  });
  it('CALLCODE and DELEGATECALL write the caller’s storage; CALL writes the callee’s', () => {
    for (const [kind, owner] of [
      ['CALL', TARGET],
      ['CALLCODE', CONTRACT],
      ['DELEGATECALL', CONTRACT],
    ] as const) {
      const { state } = run({
        code: `${call(kind)} STOP`,
        revision: 'cancun',
        setup: withTarget('PUSH1 7 PUSH1 1 SSTORE STOP'),
      });
      expect(state.getStorage(owner, 1n)).toBe(7n);
      expect(state.getStorage(owner === TARGET ? CONTRACT : TARGET, 1n)).toBe(0n);
    }
  });
  it('CALL moves value; CALLCODE sends it to the caller itself', () => {
    const setup = withTarget('STOP', (s) => s.setBalance(CONTRACT, 100n));
    const viaCall = run({ code: `${call('CALL', { value: 30n })} STOP`, revision: 'cancun', setup });
    expect(viaCall.state.getBalance(CONTRACT)).toBe(70n);
    expect(viaCall.state.getBalance(TARGET)).toBe(30n);
    const viaCallcode = run({ code: `${call('CALLCODE', { value: 30n })} STOP`, revision: 'cancun', setup });
    expect(viaCallcode.state.getBalance(CONTRACT)).toBe(100n);
    expect(viaCallcode.state.getBalance(TARGET)).toBe(0n);
  });
  it('CALL with value to itself leaves the balance unchanged', () => {
    const { result, state } = run({
      code: `${call('CALL', { to: CONTRACT, value: 30n })} ${RETURN_TOP}`,
      revision: 'cancun',
      setup: (s) => s.setBalance(CONTRACT, 100n),
    });
    expect(toWord(result.output)).toBe(1n);
    expect(state.getBalance(CONTRACT)).toBe(100n);
  });
  it('CALLCODE with more value than the balance fails too', () => {
    const { result, state } = run({
      code: `${call('CALLCODE', { value: 101n })} ${RETURN_TOP}`,
      revision: 'cancun',
      setup: withTarget('PUSH1 7 PUSH1 1 SSTORE STOP', (s) => s.setBalance(CONTRACT, 100n)),
    });
    expect(toWord(result.output)).toBe(0n);
    expect(state.getStorage(CONTRACT, 1n)).toBe(0n);
  });
  it('the success flag is 1 on success and 0 on revert or failure', () => {
    for (const [code, flag] of [
      ['STOP', 1n],
      ['PUSH1 0 PUSH1 0 REVERT', 0n],
      ['INVALID', 0n],
    ] as const) {
      const { result } = run({
        code: `${call('CALL')} ${RETURN_TOP}`,
        revision: 'cancun',
        setup: withTarget(code),
      });
      expect(toWord(result.output)).toBe(flag);
    }
  });
  it('a failed child’s state changes are rolled back; the parent continues', () => {
    const { result, state } = run({
      code: `${call('CALL', { gas: 50_000n })} PUSH1 1 PUSH1 1 SSTORE STOP`,
      revision: 'cancun',
      setup: withTarget('PUSH1 7 PUSH1 1 SSTORE INVALID'),
    });
    expect(result.status).toBe('success');
    expect(state.getStorage(TARGET, 1n)).toBe(0n);
    expect(state.getStorage(CONTRACT, 1n)).toBe(1n);
  });
  it('CALL with more value than the balance fails without running the callee', () => {
    const { result, state } = run({
      code: `${call('CALL', { value: 101n })} ${RETURN_TOP}`,
      revision: 'cancun',
      setup: withTarget('PUSH1 7 PUSH1 1 SSTORE STOP', (s) => s.setBalance(CONTRACT, 100n)),
    });
    expect(toWord(result.output)).toBe(0n);
    expect(state.getStorage(TARGET, 1n)).toBe(0n);
    expect(state.getBalance(CONTRACT)).toBe(100n);
  });
});

describe('call gas (cancun, EIP-2929)', () => {
  const gasOf = (code: string, setup: (state: WorldState) => void = () => {}, gas = G) => {
    const { result, gasUsed } = run({ code, revision: 'cancun', gas, setup });
    expect(result.status).toBe('success');
    return gasUsed;
  };
  const balance = (s: WorldState) => s.setBalance(CONTRACT, 10n ** 18n);

  it('cold account 2600, then warm 100', () => {
    expect(gasOf(`${call('CALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(21n + 2600n);
    expect(
      gasOf(`${call('CALL', { to: EOA })} POP ${call('CALL', { to: EOA })} STOP`, withTarget('STOP')),
    ).toBe(21n + 2600n + 2n + 21n + 100n);
  });
  it('DELEGATECALL and STATICCALL to a cold account cost 2600', () => {
    expect(gasOf(`${call('DELEGATECALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(18n + 2600n);
    expect(gasOf(`${call('STATICCALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(18n + 2600n);
  });
  it('the contract itself, the caller and precompiles are warm', () => {
    expect(gasOf(`${call('CALL', { to: CONTRACT, gas: 0n })} STOP`)).toBe(21n + 100n + 0n);
    expect(gasOf(`${call('CALL', { to: CALLER })} STOP`)).toBe(21n + 100n);
  });
  it('a precompile call pays warm access plus the precompile (identity: 15 + 3 per word)', () => {
    expect(gasOf(`${call('STATICCALL', { to: 4n, inSize: 32n })} STOP`)).toBe(18n + 100n + 3n + 15n + 3n);
  });
  it('value to an existing account: 9000, of which the 2300 stipend comes back unused', () => {
    const { gasUsed, state } = run({
      code: `${call('CALL', { to: EOA, value: 5n })} STOP`,
      revision: 'cancun',
      setup: withTarget('STOP', balance),
    });
    expect(gasUsed).toBe(21n + 2600n + 9000n - 2300n);
    expect(state.getBalance(EOA)).toBe(6n);
  });
  it('value to a missing account: + 25000 new-account cost (EIP-161)', () => {
    const { gasUsed, state } = run({
      code: `${call('CALL', { to: NOBODY, value: 5n })} STOP`,
      revision: 'cancun',
      setup: balance,
    });
    expect(gasUsed).toBe(21n + 2600n + 9000n + 25000n - 2300n);
    expect(state.getBalance(NOBODY)).toBe(5n);
  });
  it('value to an existing but empty account: + 25000 (empty counts as dead, EIP-161)', () => {
    const setup = (s: WorldState) => {
      balance(s);
      s.setAccount(NOBODY, {});
    };
    expect(gasOf(`${call('CALL', { to: NOBODY, value: 5n })} STOP`, setup)).toBe(
      21n + 2600n + 9000n + 25000n - 2300n,
    );
  });
  it('no value to a missing account: no new-account cost (EIP-161)', () => {
    expect(gasOf(`${call('CALL', { to: NOBODY })} STOP`)).toBe(21n + 2600n);
  });
  it('CALLCODE with value pays 9000 but never the new-account cost', () => {
    expect(gasOf(`${call('CALLCODE', { to: NOBODY, value: 5n })} STOP`, balance)).toBe(
      21n + 2600n + 9000n - 2300n,
    );
  });
  it('value beyond the balance: the call fails, the callee gas and the stipend come back', () => {
    expect(gasOf(`${call('CALL', { to: EOA, value: 5n })} STOP`, withTarget('STOP'))).toBe(
      21n + 2600n + 9000n - 2300n,
    );
  });
  it('a value of 2^128 (low 64 bits zero) is a value: 9000 is charged and the call fails for lack of balance', () => {
    const { result, gasUsed } = run({
      code: `${call('CALL', { to: EOA, value: 1n << 128n })} ${RETURN_TOP}`,
      revision: 'cancun',
      setup: withTarget('STOP', balance),
    });
    expect(toWord(result.output)).toBe(0n);
    expect(gasUsed).toBe(21n + 2600n + 9000n - 2300n + 15n);
  });
  it('a callee with value gets the 2300 stipend on top of the gas asked for (0 here)', () => {
    const { result } = run({
      code: `${call('CALL', { gas: 0n, value: 1n, outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(RETURN_GAS, balance),
    });
    expect(toWord(result.output)).toBe(2300n - 2n);
  });
  it('EIP-150: the callee gets all but one 64th of what is left when more is asked', () => {
    const code = `PUSH1 0 PUSH1 0 MSTORE ${call('CALL', { outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`;
    const { result } = run({ code, revision: 'cancun', gas: G, setup: withTarget(RETURN_GAS) });
    expect(toWord(result.output)).toBe(L(G - 12n - 21n - 2600n) - 2n);
  });
  it('EIP-150 with value: the cap applies after the 9000, then the stipend is added', () => {
    const code = `PUSH1 0 PUSH1 0 MSTORE ${call('CALL', { outSize: 32n, value: 1n })} POP PUSH1 32 PUSH1 0 RETURN`;
    const { result } = run({ code, revision: 'cancun', gas: G, setup: withTarget(RETURN_GAS, balance) });
    expect(toWord(result.output)).toBe(L(G - 12n - 21n - 2600n - 9000n) + 2300n - 2n);
  });
  it('EIP-150: memory expanded by the call is paid before the cap is taken', () => {
    const code = `${call('CALL', { outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`;
    const { result } = run({ code, revision: 'cancun', gas: G, setup: withTarget(RETURN_GAS) });
    expect(toWord(result.output)).toBe(L(G - 21n - 3n - 2600n) - 2n);
  });
  it('asking for less than the cap gives exactly what was asked', () => {
    const { result } = run({
      code: `${call('CALL', { gas: 5000n, outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(RETURN_GAS),
    });
    expect(toWord(result.output)).toBe(4998n);
  });
  it('a failing callee consumes the gas it was given; a reverting one gives back the rest', () => {
    const failing = run({
      code: `${call('CALL')} STOP`,
      revision: 'cancun',
      gas: G,
      setup: withTarget('INVALID'),
    });
    expect(failing.gasUsed).toBe(21n + 2600n + L(G - 21n - 2600n));
    const reverting = run({
      code: `${call('CALL')} STOP`,
      revision: 'cancun',
      gas: G,
      setup: withTarget('PUSH1 0 PUSH1 0 REVERT'),
    });
    expect(reverting.gasUsed).toBe(21n + 2600n + 6n);
  });
  it('memory for the input and output areas is charged before the call (the larger of the two)', () => {
    expect(
      gasOf(
        `${call('CALL', { to: EOA, inSize: 64n, outOffset: 0n, outSize: 32n })} STOP`,
        withTarget('STOP'),
      ),
    ).toBe(21n + 2600n + 6n);
    expect(
      gasOf(`${call('CALL', { to: EOA, inSize: 1n, outOffset: 64n, outSize: 1n })} STOP`, withTarget('STOP')),
    ).toBe(21n + 2600n + 9n);
  });
  it('zero-size input and output areas at huge offsets expand nothing', () => {
    expect(
      gasOf(`${call('CALL', { to: EOA, inOffset: MAX, outOffset: 1n << 255n })} STOP`, withTarget('STOP')),
    ).toBe(21n + 2600n);
  });
  it('EIP-2929: addresses a reverted child touched are cold again', () => {
    // The child warms OTHER with BALANCE then reverts; the parent's BALANCE(OTHER) is cold.
    const OTHER = 0x0b0b0bn;
    const code = `${call('CALL')} POP GAS PUSH3 ${OTHER} BALANCE POP GAS SWAP1 SUB ${RETURN_TOP}`;
    const reverted = run({
      code,
      revision: 'cancun',
      setup: withTarget(`PUSH3 ${OTHER} BALANCE PUSH1 0 PUSH1 0 REVERT`),
    });
    expect(toWord(reverted.result.output)).toBe(3n + 2600n + 2n + 2n);
    const kept = run({ code, revision: 'cancun', setup: withTarget(`PUSH3 ${OTHER} BALANCE STOP`) });
    expect(toWord(kept.result.output)).toBe(3n + 100n + 2n + 2n);
  });
});

describe('call gas before Berlin', () => {
  const gasOf = (revision: string, code: string, setup: (state: WorldState) => void = () => {}) => {
    const { result, gasUsed } = run({ code, revision, gas: G, setup });
    expect(result.status).toBe('success');
    return gasUsed;
  };
  it('frontier: CALL 40; a missing account costs 25000 even without value', () => {
    expect(gasOf('frontier', `${call('CALL', { to: EOA, gas: 0n })} STOP`, withTarget('STOP'))).toBe(
      21n + 40n,
    );
    expect(gasOf('frontier', `${call('CALL', { to: NOBODY, gas: 0n })} STOP`)).toBe(21n + 40n + 25000n);
  });
  it('tangerine-whistle (EIP-150): CALL 700; a missing account costs 25000 even without value', () => {
    expect(gasOf('tangerine-whistle', `${call('CALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(
      21n + 700n,
    );
    expect(gasOf('tangerine-whistle', `${call('CALL', { to: NOBODY })} STOP`)).toBe(21n + 700n + 25000n);
  });
  it('tangerine-whistle: an existing empty account is not new, even with value', () => {
    const setup = (s: WorldState) => {
      s.setBalance(CONTRACT, 10n);
      s.setAccount(NOBODY, {});
    };
    expect(gasOf('tangerine-whistle', `${call('CALL', { to: NOBODY, value: 1n })} STOP`, setup)).toBe(
      21n + 700n + 9000n - 2300n,
    );
  });
  it('spurious-dragon (EIP-161): no value, no new-account cost; value to an empty account pays it', () => {
    expect(gasOf('spurious-dragon', `${call('CALL', { to: NOBODY })} STOP`)).toBe(21n + 700n);
    const setup = (s: WorldState) => {
      s.setBalance(CONTRACT, 10n);
      s.setAccount(NOBODY, {});
    };
    expect(gasOf('spurious-dragon', `${call('CALL', { to: NOBODY, value: 1n })} STOP`, setup)).toBe(
      21n + 700n + 9000n + 25000n - 2300n,
    );
  });
  it('istanbul: DELEGATECALL and STATICCALL cost 700', () => {
    expect(gasOf('istanbul', `${call('DELEGATECALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(
      18n + 700n,
    );
    expect(gasOf('istanbul', `${call('STATICCALL', { to: EOA })} STOP`, withTarget('STOP'))).toBe(18n + 700n);
  });
  it('tangerine-whistle: the callee gets all but one 64th', () => {
    const code = `PUSH1 0 PUSH1 0 MSTORE ${call('CALL', { outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`;
    const { result } = run({ code, revision: 'tangerine-whistle', gas: G, setup: withTarget(RETURN_GAS) });
    expect(toWord(result.output)).toBe(L(G - 12n - 21n - 700n) - 2n);
  });
  it('homestead: the gas asked for is given exactly; asking for more than is left is out of gas', () => {
    const ok = run({
      code: `${call('CALL', { gas: 5000n, outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`,
      revision: 'homestead',
      setup: withTarget(RETURN_GAS),
    });
    expect(toWord(ok.result.output)).toBe(4998n);
    const tooMuch = run({
      code: `${call('CALL')} STOP`,
      revision: 'homestead',
      gas: G,
      setup: withTarget(RETURN_GAS),
    });
    expect(tooMuch.result.status).toBe('out-of-gas');
    expect(tooMuch.gasUsed).toBe(G);
    // All that is left after the 40 + pushes can be given.
    const all = run({
      code: `${call('CALL', { gas: G - 61n })} STOP`,
      revision: 'homestead',
      gas: G,
      setup: withTarget('STOP'),
    });
    expect(all.result.status).toBe('success');
    expect(all.gasUsed).toBe(61n);
  });
});

describe('output and return data (EIP-211)', () => {
  const returns2 = 'PUSH2 0xabcd PUSH1 0 MSTORE PUSH1 2 PUSH1 30 RETURN';
  it('an output area larger than the return data is written only for the returned bytes', () => {
    const { result } = run({
      code: `PUSH32 ${MAX} PUSH1 0 MSTORE ${call('CALL', { outSize: 32n })} POP PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(returns2),
    });
    expect(hex(result.output)).toBe(`abcd${'ff'.repeat(30)}`);
  });
  it('an output area smaller than the return data gets a prefix; RETURNDATASIZE has it all', () => {
    const { result } = run({
      code: `${call('CALL', { outSize: 1n })} POP RETURNDATASIZE PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(returns2),
    });
    expect(hex(result.output.subarray(0, 32))).toBe(`ab${'00'.repeat(31)}`);
    expect(toWord(result.output.subarray(32))).toBe(2n);
  });
  it.each([
    ['STOP', 0n],
    [returns2, 2n],
    ['PUSH1 3 PUSH1 0 REVERT', 3n],
    ['PUSH1 0 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 INVALID', 0n],
  ])('RETURNDATASIZE after a child `%s` is %s', (child, size) => {
    const { result } = run({
      code: `${call('CALL')} POP RETURNDATASIZE ${RETURN_TOP}`,
      revision: 'cancun',
      setup: withTarget(child),
    });
    expect(toWord(result.output)).toBe(size);
  });
  it('RETURNDATASIZE is 0 before any call, and after a call to an account without code', () => {
    expect(toWord(run({ code: `RETURNDATASIZE ${RETURN_TOP}`, revision: 'cancun' }).result.output)).toBe(0n);
    const { result } = run({
      code: `${call('CALL')} POP ${call('CALL', { to: EOA })} POP RETURNDATASIZE ${RETURN_TOP}`,
      revision: 'cancun',
      setup: withTarget(returns2),
    });
    expect(toWord(result.output)).toBe(0n);
  });
  it('RETURNDATACOPY copies the return data; 3 + 3 per word + memory', () => {
    const { result, gasUsed } = run({
      code: `${call('CALL', { to: EOA })} POP ${call('CALL')} POP PUSH1 2 PUSH1 0 PUSH1 0 RETURNDATACOPY PUSH1 2 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(returns2),
    });
    expect(hex(result.output)).toBe('abcd');
    const child = 3n + 3n + 3n + 3n + 3n + 3n; // PUSH2, PUSH1, MSTORE + 1 word, PUSH1, PUSH1
    expect(gasUsed).toBe(21n + 2600n + 2n + 21n + 2600n + child + 2n + 9n + 3n + 3n + 3n + 6n);
  });
  it.each([
    [0n, 0n, 0n],
    [0n, 2n, 0n],
    [1n, 1n, 0n],
  ])('RETURNDATACOPY(dest 0, offset %s, size %s) inside the 2 returned bytes is fine', (offset, size) => {
    const { result } = run({
      code: `${call('CALL')} POP PUSH32 ${size} PUSH32 ${offset} PUSH1 0 RETURNDATACOPY STOP`,
      revision: 'cancun',
      setup: withTarget(returns2),
    });
    expect(result.status).toBe('success');
  });
  it.each([
    [0n, 3n],
    [1n, 2n],
    [2n, 1n],
    [3n, 0n],
    [1n << 255n, 0n],
    [MAX, 2n],
  ])(
    'RETURNDATACOPY(dest 0, offset %s, size %s) past the 2 returned bytes is an exceptional halt',
    (offset, size) => {
      const { result, gasUsed } = run({
        code: `${call('CALL')} POP PUSH32 ${size} PUSH32 ${offset} PUSH1 0 RETURNDATACOPY STOP`,
        revision: 'cancun',
        gas: G,
        setup: withTarget(returns2),
      });
      expect(result.status).toBe('invalid-memory-access');
      expect(gasUsed).toBe(G);
    },
  );
  it('RETURNDATACOPY with a size of 2^256-1 halts exceptionally (memory or bounds, both consume all gas)', () => {
    const { result, gasUsed } = run({
      code: `${call('CALL')} POP PUSH32 ${MAX} PUSH1 2 PUSH1 0 RETURNDATACOPY STOP`,
      revision: 'cancun',
      gas: G,
      setup: withTarget(returns2),
    });
    expect(['out-of-gas', 'invalid-memory-access']).toContain(result.status);
    expect(gasUsed).toBe(G);
  });
  it('RETURNDATACOPY of 1 byte before any call is an exceptional halt; of 0 bytes is fine', () => {
    const bad = run({ code: 'PUSH1 1 PUSH1 0 PUSH1 0 RETURNDATACOPY STOP', revision: 'byzantium', gas: G });
    expect(bad.result.status).toBe('invalid-memory-access');
    expect(bad.gasUsed).toBe(G);
    expect(
      run({ code: 'PUSH1 0 PUSH1 0 PUSH1 0 RETURNDATACOPY STOP', revision: 'byzantium' }).result.status,
    ).toBe('success');
  });
});

describe('static mode (EIP-214)', () => {
  const writes: [string, string][] = [
    ['SSTORE', 'PUSH1 1 PUSH1 0 SSTORE STOP'],
    ['SSTORE of an unchanged value', 'PUSH1 0 PUSH1 0 SSTORE STOP'],
    ['LOG0', 'PUSH1 0 PUSH1 0 LOG0 STOP'],
    ['LOG1', 'PUSH1 0 PUSH1 0 PUSH1 0 LOG1 STOP'],
    ['LOG4', 'PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 LOG4 STOP'],
    ['CREATE', 'PUSH1 0 PUSH1 0 PUSH1 0 CREATE STOP'],
    ['CREATE2', 'PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 CREATE2 STOP'],
    ['SELFDESTRUCT', `PUSH2 ${EOA} SELFDESTRUCT`],
    ['TSTORE', 'PUSH1 1 PUSH1 0 TSTORE STOP'],
    ['CALL with value', `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 1 PUSH2 ${EOA} GAS CALL STOP`],
    [
      'CALL with value 2^128',
      `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH17 ${1n << 128n} PUSH2 ${EOA} GAS CALL STOP`,
    ],
  ];
  it.each(writes)('%s at the top level of a static call is a static-mode violation', (_name, code) => {
    const { result, gasUsed } = run({
      code,
      revision: 'cancun',
      isStatic: true,
      gas: G,
      setup: (s) => s.setBalance(CONTRACT, 10n),
    });
    expect(result.status).toBe('static-mode-violation');
    expect(gasUsed).toBe(G);
  });
  it.each(writes)('%s inside STATICCALL fails the child, which consumes its gas', (_name, child) => {
    const { result, gasUsed, state } = run({
      code: `${call('STATICCALL')} ${RETURN_TOP}`,
      revision: 'cancun',
      gas: G,
      setup: withTarget(child, undefined, 10n),
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(0n);
    expect(gasUsed).toBe(18n + 2600n + L(G - 18n - 2600n) + 15n);
    expect(state.getStorage(TARGET, 0n)).toBe(0n);
    expect(state.logs).toHaveLength(0);
    expect(state.getBalance(TARGET)).toBe(10n);
  });
  it('CALL without value inside STATICCALL succeeds', () => {
    const child = `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH2 ${EOA} GAS CALL ${RETURN_TOP}`;
    const { result } = run({
      code: `${call('STATICCALL', { outSize: 32n })} PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(child),
    });
    expect(toWord(result.output.subarray(0, 32))).toBe(1n); // the inner CALL succeeded
    expect(toWord(result.output.subarray(32))).toBe(1n); // and so did the STATICCALL
  });
  it('CALLCODE with value inside STATICCALL is allowed (EIP-214 restricts only CALL)', () => {
    const child = `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 1 PUSH2 ${EOA} GAS CALLCODE ${RETURN_TOP}`;
    const { result } = run({
      code: `${call('STATICCALL', { outSize: 32n })} PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup: withTarget(child, undefined, 10n),
    });
    expect(toWord(result.output.subarray(0, 32))).toBe(1n);
    expect(toWord(result.output.subarray(32))).toBe(1n);
  });
  it('reads are allowed in static mode', () => {
    const { result } = run({
      code: `PUSH1 0 SLOAD PUSH1 0 TLOAD PUSH2 ${EOA} BALANCE ADDRESS EXTCODEHASH PUSH1 0 PUSH1 0 KECCAK256 STOP`,
      revision: 'cancun',
      isStatic: true,
    });
    expect(result.status).toBe('success');
  });
  it('static mode is inherited through CALL and DELEGATECALL', () => {
    const GRANDCHILD = 0xbb00n;
    for (const kind of ['CALL', 'DELEGATECALL', 'CALLCODE']) {
      const child = `${call(kind, { to: GRANDCHILD })} ${RETURN_TOP}`;
      const { result, state } = run({
        code: `${call('STATICCALL', { outSize: 32n })} PUSH1 32 MSTORE PUSH1 64 PUSH1 0 RETURN`,
        revision: 'cancun',
        setup: withTarget(child, (s) =>
          s.setAccount(GRANDCHILD, { code: assemble('PUSH1 1 PUSH1 0 SSTORE STOP') }),
        ),
      });
      expect(toWord(result.output.subarray(0, 32))).toBe(0n); // the grandchild failed
      expect(toWord(result.output.subarray(32))).toBe(1n); // the static child itself succeeded
      expect(state.getStorage(GRANDCHILD, 0n)).toBe(0n);
      expect(state.getStorage(TARGET, 0n)).toBe(0n);
    }
  });
});

describe('the 1024 call-depth limit', () => {
  // Calls itself with calldata n+1 and returns what the callee returned; the frame at depth
  // 1024 cannot call (the call fails, memory keeps its own n+1), so 1025 frames give 0x0401.
  const recursive = Uint8Array.from(
    Buffer.from('60003560010160005260206000602060006000305af15060206000f3', 'hex'),
  );
  it.each(['cancun', 'tangerine-whistle'])('%s: the self-calling contract returns 0x…0401', (revision) => {
    const { result } = run({ code: recursive, revision, gas: 1099511627776n });
    expect(result.status).toBe('success');
    expect(hex(result.output)).toBe(`${'00'.repeat(30)}0401`);
  });
  /** Runs `code` as CONTRACT (balance 10) in a frame at `depth`. */
  function atDepth(code: string, depth: number) {
    const evm = createEvm({ revision: 'cancun' });
    const state = new WorldState();
    state.setAccount(CONTRACT, { code: assemble(code), balance: 10n });
    state.setAccount(EOA, { balance: 1n });
    state.beginTransaction(emptyTxContext({ origin: CALLER }));
    state.accessAccount(CONTRACT);
    const result = evm.execute(
      {
        kind: 'call',
        depth,
        gas: G,
        sender: CALLER,
        recipient: CONTRACT,
        codeAddress: CONTRACT,
        value: 0n,
        input: new Uint8Array(0),
        isStatic: false,
      },
      state,
    );
    expect(result.status).toBe('success');
    return { result, gasUsed: G - result.gasLeft, state };
  }
  it('a CALL made at depth 1024 fails, pushes 0, and costs only what a call costs', () => {
    const code = `${call('CALL', { to: EOA, gas: 50_000n })} ${RETURN_TOP}`;
    for (const [depth, flag] of [
      [1023, 1n],
      [1024, 0n],
    ] as const) {
      const { result, gasUsed } = atDepth(code, depth);
      expect(toWord(result.output)).toBe(flag);
      expect(gasUsed).toBe(21n + 2600n + 15n);
    }
  });
  it('a value CALL at depth 1024 fails: no transfer, and the stipend comes back with the gas', () => {
    const { result, gasUsed, state } = atDepth(`${call('CALL', { to: EOA, value: 3n })} ${RETURN_TOP}`, 1024);
    expect(toWord(result.output)).toBe(0n);
    expect(gasUsed).toBe(21n + 2600n + 9000n - 2300n + 15n);
    expect(state.getBalance(EOA)).toBe(1n);
    expect(state.getBalance(CONTRACT)).toBe(10n);
  });
  it('a CREATE at depth 1024 fails without touching the nonce, and the gas comes back', () => {
    const { result, gasUsed, state } = atDepth(`PUSH1 0 PUSH1 0 PUSH1 0 CREATE ${RETURN_TOP}`, 1024);
    expect(toWord(result.output)).toBe(0n);
    expect(gasUsed).toBe(9n + 32000n + 15n);
    expect(state.getNonce(CONTRACT)).toBe(0n);
  });
});
