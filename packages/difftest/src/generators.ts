/**
 * fast-check arbitraries of EVM programs and whole scenarios. Programs are
 * built from stack-balanced snippets (so most of them get past their first
 * instructions), with labels for loops and branches, data blobs for init
 * code, and a little raw chaos; everything shrinks through fast-check's own
 * array and record shrinking, so a failing case shrinks to few snippets.
 */
import { createAddress } from '@tandem-evm/evm';
import { emptyTxContext, type Revision, Revision as Revisions } from '@tandem-evm/host';
import { OP } from '@tandem-evm/opcodes';
import { delegationCode } from '@tandem-evm/primitives';
import fc from 'fast-check';
import { precompileCallInput } from './precompile-inputs.js';
import {
  assembleProgram,
  compound,
  op,
  type Piece,
  type Program,
  push,
  raw,
  type Snippet,
} from './program.js';
import type { Scenario, ScenarioAccount } from './scenario.js';

const MAX_WORD = (1n << 256n) - 1n;

/** Addresses every scenario draws from. */
export const ADDRESSES = {
  sender: 0x5e4de20000000000000000000000000005e4de20n,
  /** Contract slots: a scenario has code at the first 1..4 of them; calls may target all four. */
  contracts: [
    0xc0de00000000000000000000000000000000c0d0n,
    0xc0de00000000000000000000000000000000c0d1n,
    0xc0de00000000000000000000000000000000c0d2n,
    0xc0de00000000000000000000000000000000c0d3n,
  ],
  /** An account with a balance and no code. */
  eoa: 0xe0a0000000000000000000000000000000000e0an,
  /** An account that exists and is empty (EIP-161: deleted when touched). */
  empty: 0xe4e4000000000000000000000000000000000e4en,
  /** An address with no account. */
  missing: 0xdead0000000000000000000000000000000dead0n,
  coinbase: 0xc01b00000000000000000000000000000000c01bn,
  /**
   * EIP-7702 authorities: a scenario gives the first 1..3 of them an account
   * whose code is a delegation indicator `0xef0100 ‖ target`.
   */
  delegated: [
    0x7702000000000000000000000000000000007700n,
    0x7702000000000000000000000000000000007701n,
    0x7702000000000000000000000000000000007702n,
  ],
} as const;

/** Memory word where a create snippet leaves the address it created (0 on failure). */
export const CREATED_SLOT = 0x3e0n;

const INTERESTING = [
  0n,
  1n,
  2n,
  3n,
  31n,
  32n,
  255n,
  256n,
  0xffffn,
  (1n << 64n) - 1n,
  1n << 128n,
  (1n << 255n) - 1n,
  1n << 255n,
  MAX_WORD,
  MAX_WORD - 1n,
];

export const wordArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 5, arbitrary: fc.bigInt({ min: 0n, max: 40n }) },
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...ADDRESSES.contracts,
      ADDRESSES.eoa,
      ADDRESSES.sender,
      ADDRESSES.delegated[0],
    ),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_WORD }) },
  // A value exactly `bytes` wide, so that every PUSH width appears.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 32 }), fc.bigInt({ min: 0n, max: MAX_WORD }))
      .map(([bytes, value]) => (value & ((1n << BigInt(8 * bytes)) - 1n)) | (1n << BigInt(8 * bytes - 1))),
  },
);

/** Memory offsets: mostly small, sometimes larger, rarely beyond what any gas pays for. */
const offsetArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 12, arbitrary: fc.bigInt({ min: 0n, max: 320n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 0x2000n }) },
  { weight: 1, arbitrary: fc.constantFrom(1n << 32n, 1n << 64n, MAX_WORD, 0xffffffffn) },
);
const sizeArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 12, arbitrary: fc.bigInt({ min: 0n, max: 96n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 0x800n }) },
  { weight: 1, arbitrary: fc.constantFrom(1n << 32n, MAX_WORD) },
);
const keyArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 5n }) },
  { weight: 1, arbitrary: wordArb },
);
const storedValueArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0n, 1n, 2n) },
  { weight: 1, arbitrary: wordArb },
);

/** Where a call, BALANCE or SELFDESTRUCT points: code that pushes the address. */
const targetArb: fc.Arbitrary<readonly Piece[]> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ADDRESSES.contracts).map((a) => [push(a)]) },
  { weight: 2, arbitrary: fc.constant([op(OP.ADDRESS)]) }, // ADDRESS (self)
  { weight: 1, arbitrary: fc.constant([op(OP.CALLER)]) },
  { weight: 2, arbitrary: fc.constant([push(CREATED_SLOT), op(OP.MLOAD)]) }, // the last created
  { weight: 2, arbitrary: fc.constantFrom(...ADDRESSES.delegated).map((a) => [push(a)]) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        ADDRESSES.eoa,
        ADDRESSES.empty,
        ADDRESSES.missing,
        ADDRESSES.sender,
        ADDRESSES.coinbase,
        1n,
        4n,
        9n,
        0x0bn,
        0x100n,
      )
      .map((a) => [push(a)]),
  },
);

const valueArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0n) },
  { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 1000n }) },
  { weight: 1, arbitrary: fc.constantFrom(10n ** 18n, 10n ** 30n, MAX_WORD) },
);

/** Code that consumes one stack item: POP, or store it to memory or storage (where later code reads it). */
const sinkArb: fc.Arbitrary<readonly Piece[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([op(OP.POP)]) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 320n }).map((offset) => [push(offset), op(OP.MSTORE)]) },
  { weight: 1, arbitrary: keyArb.map((key) => [push(key), op(OP.SSTORE)]) },
  { weight: 1, arbitrary: keyArb.map((key) => [push(key), op(OP.TSTORE)]) },
);

const BINARY: number[] = [
  OP.ADD,
  OP.MUL,
  OP.SUB,
  OP.DIV,
  OP.SDIV,
  OP.MOD,
  OP.SMOD,
  OP.EXP,
  OP.SIGNEXTEND,
  OP.LT,
  OP.GT,
  OP.SLT,
  OP.SGT,
  OP.EQ,
  OP.AND,
  OP.OR,
  OP.XOR,
  OP.BYTE,
  OP.SHL,
  OP.SHR,
  OP.SAR,
];
const TERNARY: number[] = [OP.ADDMOD, OP.MULMOD];
const UNARY: number[] = [OP.ISZERO, OP.NOT, OP.CLZ];

const arithmetic: fc.Arbitrary<Snippet> = fc
  .record({
    first: wordArb,
    steps: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...BINARY), wordArb, fc.constant(0n)) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TERNARY), wordArb, wordArb) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNARY), fc.constant(0n), fc.constant(0n)) },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    sink: sinkArb,
  })
  .map(({ first, steps, sink }) => {
    const pieces: Piece[] = [push(first)];
    for (const [code, a, b] of steps) {
      if (TERNARY.includes(code)) pieces.push(push(b), push(a));
      else if (BINARY.includes(code)) pieces.push(push(a));
      pieces.push(op(code));
    }
    return { pieces: [...pieces, ...sink] };
  });

/** CLZ (EIP-7939, Osaka) of 0 or of a word whose highest set bit is any of the 256. */
const clz: fc.Arbitrary<Snippet> = fc
  .record({
    bit: fc.integer({ min: -1, max: 255 }),
    low: fc.bigInt({ min: 0n, max: MAX_WORD }),
    sink: sinkArb,
  })
  .map(({ bit, low, sink }) => {
    const value = bit < 0 ? 0n : (1n << BigInt(bit)) | (low & ((1n << BigInt(bit)) - 1n));
    return { pieces: [push(value), op(OP.CLZ), ...sink] };
  });

const NULLARY = [
  OP.ADDRESS,
  OP.ORIGIN,
  OP.CALLER,
  OP.CALLVALUE,
  OP.CALLDATASIZE,
  OP.CODESIZE,
  OP.GASPRICE,
  OP.RETURNDATASIZE,
  OP.COINBASE,
  OP.TIMESTAMP,
  OP.NUMBER,
  OP.PREVRANDAO,
  OP.GASLIMIT,
  OP.CHAINID,
  OP.SELFBALANCE,
  OP.BASEFEE,
  OP.BLOBBASEFEE,
  OP.PC,
  OP.MSIZE,
  OP.GAS,
  OP.PUSH0,
];
/** BALANCE, EXTCODESIZE or EXTCODEHASH of a target. */
const accountRead = (target: fc.Arbitrary<readonly Piece[]>): fc.Arbitrary<Snippet> =>
  fc
    .record({ code: fc.constantFrom(OP.BALANCE, OP.EXTCODESIZE, OP.EXTCODEHASH), target, sink: sinkArb })
    .map(({ code, target, sink }) => ({ pieces: [...target, op(code), ...sink] }));

/** EXTCODECOPY of a target's code. */
const codeCopy = (target: fc.Arbitrary<readonly Piece[]>): fc.Arbitrary<Snippet> =>
  fc
    .record({ target, destination: offsetArb, source: fc.bigInt({ min: 0n, max: 64n }), size: sizeArb })
    .map(({ target, destination, source, size }) => ({
      pieces: [push(size), push(source), push(destination), ...target, op(OP.EXTCODECOPY)],
    }));

const environment: fc.Arbitrary<Snippet> = fc.oneof(
  fc.record({ code: fc.constantFrom(...NULLARY), sink: sinkArb }).map(({ code, sink }) => ({
    pieces: [op(code), ...sink],
  })),
  accountRead(targetArb),
  fc
    .record({
      back: fc.oneof(fc.bigInt({ min: 0n, max: 260n }), wordArb),
      sink: sinkArb,
    })
    // BLOCKHASH of NUMBER - back (wrapping), within and outside the 256-block window.
    .map(({ back, sink }) => ({ pieces: [push(back), op(OP.NUMBER, OP.SUB, OP.BLOCKHASH), ...sink] })),
  fc
    .record({
      code: fc.constantFrom(OP.CALLDATALOAD, OP.BLOBHASH, OP.SLOAD, OP.TLOAD, OP.MLOAD),
      argument: fc.oneof(fc.bigInt({ min: 0n, max: 70n }), offsetArb),
      sink: sinkArb,
    })
    .map(({ code, argument, sink }) => ({ pieces: [push(argument), op(code), ...sink] })),
);

const memory: fc.Arbitrary<Snippet> = fc.oneof(
  fc
    .record({ value: wordArb, offset: offsetArb, code: fc.constantFrom(OP.MSTORE, OP.MSTORE8) })
    .map(({ value, offset, code }) => ({ pieces: [push(value), push(offset), op(code)] })),
  fc
    .record({
      code: fc.constantFrom(OP.MCOPY, OP.CALLDATACOPY, OP.CODECOPY, OP.RETURNDATACOPY),
      destination: offsetArb,
      source: fc.oneof(fc.bigInt({ min: 0n, max: 64n }), offsetArb),
      size: sizeArb,
    })
    .map(({ code, destination, source, size }) => ({
      pieces: [push(size), push(source), push(destination), op(code)],
    })),
  codeCopy(targetArb),
  fc
    .record({ offset: offsetArb, size: sizeArb, sink: sinkArb })
    .map(({ offset, size, sink }) => ({ pieces: [push(size), push(offset), op(OP.KECCAK256), ...sink] })),
  // Copy all of the last call's return data.
  fc.bigInt({ min: 0n, max: 256n }).map((destination) => ({
    pieces: [op(OP.RETURNDATASIZE), push(0n), push(destination), op(OP.RETURNDATACOPY)],
  })),
);

const storage: fc.Arbitrary<Snippet> = fc
  .record({
    key: keyArb,
    value: storedValueArb,
    code: fc.constantFrom(OP.SSTORE, OP.SSTORE, OP.SSTORE, OP.TSTORE),
  })
  .map(({ key, value, code }) => ({ pieces: [push(value), push(key), op(code)] }));

const logs: fc.Arbitrary<Snippet> = fc
  .record({ topics: fc.array(wordArb, { maxLength: 4 }), offset: offsetArb, size: sizeArb })
  .map(({ topics, offset, size }) => ({
    pieces: [...[...topics].reverse().map(push), push(size), push(offset), op(OP.LOG0 + topics.length)],
  }));

const callGasArb: fc.Arbitrary<readonly Piece[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([op(OP.GAS)]) }, // GAS: all that may be given
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 6000n }).map((gas) => [push(gas)]) },
  { weight: 3, arbitrary: fc.bigInt({ min: 6000n, max: 300_000n }).map((gas) => [push(gas)]) },
  { weight: 1, arbitrary: fc.constantFrom(1n << 64n, MAX_WORD).map((gas) => [push(gas)]) },
);

const CALL_OPS = [OP.CALL, OP.CALLCODE, OP.DELEGATECALL, OP.STATICCALL] as const;

const afterCall: fc.Arbitrary<readonly Piece[]> = fc.oneof(
  { weight: 3, arbitrary: sinkArb },
  {
    weight: 1,
    arbitrary: fc
      .record({ sink: sinkArb, destination: fc.bigInt({ min: 0n, max: 128n }) })
      .map(({ sink, destination }) => [
        ...sink,
        op(OP.RETURNDATASIZE),
        push(0n),
        push(destination),
        op(OP.RETURNDATACOPY),
      ]),
  },
);

function callPieces(
  code: number,
  gas: readonly Piece[],
  target: readonly Piece[],
  value: bigint,
  input: readonly [bigint, bigint],
  output: readonly [bigint, bigint],
): Piece[] {
  const pieces: Piece[] = [push(output[1]), push(output[0]), push(input[1]), push(input[0])];
  if (code === OP.CALL || code === OP.CALLCODE) pieces.push(push(value));
  return [...pieces, ...target, ...gas, op(code)];
}

/** A call of any kind to a target, with a word of calldata or none. */
const callTo = (target: fc.Arbitrary<readonly Piece[]>): fc.Arbitrary<Snippet> =>
  fc
    .record({
      code: fc.constantFrom(...CALL_OPS),
      gas: callGasArb,
      target,
      value: valueArb,
      calldata: fc.option(fc.tuple(wordArb, fc.bigInt({ min: 0n, max: 64n })), { nil: undefined }),
      input: fc.tuple(fc.bigInt({ min: 0n, max: 128n }), fc.oneof(fc.bigInt({ min: 0n, max: 68n }), sizeArb)),
      output: fc.tuple(
        fc.bigInt({ min: 0n, max: 128n }),
        fc.oneof(fc.bigInt({ min: 0n, max: 64n }), sizeArb),
      ),
      after: afterCall,
    })
    .map(({ code, gas, target, value, calldata, input, output, after }) => {
      const prefix: Piece[] =
        calldata === undefined ? [] : [push(calldata[0]), push(calldata[1]), op(OP.MSTORE)];
      return { pieces: [...prefix, ...callPieces(code, gas, target, value, input, output), ...after] };
    });

const call = callTo(targetArb);

/**
 * An instruction on an EIP-7702 authority: a call of any kind (from Prague
 * it runs the code the indicator points to, paying for that account's
 * access), or BALANCE/EXTCODESIZE/EXTCODEHASH/EXTCODECOPY, which see the
 * 23-byte indicator itself.
 */
const delegatedTarget = fc.constantFrom(...ADDRESSES.delegated).map((address) => [push(address)]);
const delegationProbe: fc.Arbitrary<Snippet> = fc.oneof(
  { weight: 2, arbitrary: callTo(delegatedTarget) },
  { weight: 1, arbitrary: accountRead(delegatedTarget) },
  { weight: 1, arbitrary: codeCopy(delegatedTarget) },
);

const precompileCall: fc.Arbitrary<Snippet> = fc
  .record({
    call: precompileCallInput,
    code: fc.constantFrom(OP.CALL, OP.STATICCALL, OP.STATICCALL, OP.DELEGATECALL, OP.CALLCODE),
    gas: fc.oneof(
      { weight: 3, arbitrary: fc.constant([op(OP.GAS)]) },
      { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 200_000n }).map((gas) => [push(gas)]) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 3500n }).map((gas) => [push(gas)]) },
    ),
    value: valueArb,
    sizeDelta: fc.constantFrom(0, 0, 0, 0, -1, 1, 32),
    output: fc.tuple(fc.bigInt({ min: 0n, max: 64n }), fc.constantFrom(0n, 32n, 64n, 1n)),
    after: afterCall,
  })
  .map(({ call: { address, input, extend = 0 }, code, gas, value, sizeDelta, output, after }) => {
    const base = 0x100n;
    const size = BigInt(Math.max(0, input.length + extend + sizeDelta));
    return {
      // The input is a data blob of the code, copied to memory at `base`.
      pieces: [
        { pushDataSize: 0, delta: 0 },
        { pushData: 0 },
        push(base),
        op(OP.CODECOPY),
        ...callPieces(code, gas, [push(address)], value, [base, size], output),
        ...after,
      ],
      data: [input],
    };
  });

/** Ends a frame: mostly cleanly, sometimes with each kind of failure. */
const terminator: fc.Arbitrary<Snippet> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ pieces: [op(OP.STOP)] }) },
  {
    weight: 3,
    arbitrary: fc
      .record({ offset: fc.oneof(fc.bigInt({ min: 0n, max: 256n }), offsetArb), size: sizeArb })
      .map(({ offset, size }) => ({ pieces: [push(size), push(offset), op(OP.RETURN)] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ offset: fc.bigInt({ min: 0n, max: 256n }), size: sizeArb })
      .map(({ offset, size }) => ({ pieces: [push(size), push(offset), op(OP.REVERT)] })),
  },
  { weight: 1, arbitrary: fc.constant({ pieces: [op(OP.INVALID)] }) },
  { weight: 1, arbitrary: targetArb.map((target) => ({ pieces: [...target, op(OP.SELFDESTRUCT)] })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(0x0c, 0x0f, OP.CLZ, 0x21, 0x4b, 0xa5, 0xb0, 0xef, 0xf6, 0xfb)
      .map((code) => ({ pieces: [raw(code)] })),
  },
  // A jump to wherever a word points (mostly not a JUMPDEST).
  { weight: 1, arbitrary: wordArb.map((to) => ({ pieces: [push(to), op(OP.JUMP)] })) },
  // Stack underflow.
  {
    weight: 1,
    arbitrary: fc.constantFrom(OP.ADD, OP.POP, OP.DUP16, OP.SWAP16).map((code) => ({ pieces: [op(code)] })),
  },
);

/** DUPs and SWAPs over a block of pushed words, then everything popped. */
const deepStack: fc.Arbitrary<Snippet> = fc
  .record({
    depth: fc.integer({ min: 1, max: 17 }),
    shuffles: fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 10 }),
    sink: sinkArb,
  })
  .map(({ depth, shuffles, sink }) => {
    const pieces: Piece[] = [];
    for (let i = 0; i < depth; i++) pieces.push(push(BigInt(i + 1)));
    let items = depth;
    for (const shuffle of shuffles) {
      const n = (shuffle % 16) + 1;
      if (n > items) continue;
      if (shuffle < 16) {
        pieces.push(op(OP.DUP1 + n - 1));
        items++;
      } else if (n < items) {
        pieces.push(op(OP.SWAP1 + n - 1));
      }
    }
    pieces.push(...sink);
    for (let i = 1; i < items; i++) pieces.push(op(OP.POP));
    return { pieces };
  });

/** Pushes until the stack overflows (a loop of PUSH1; 1024 items is the limit). */
const stackOverflow: fc.Arbitrary<Snippet> = fc.constant({
  pieces: [{ label: 0 }, push(1n), { pushLabel: 0 }, op(OP.JUMP)],
});

/** A jump whose destination comes from memory (not a PUSH the compiler can resolve); it skips an INVALID. */
const dynamicJump: fc.Arbitrary<Snippet> = fc.bigInt({ min: 0n, max: 256n }).map((offset) => ({
  pieces: [
    { pushLabel: 0 },
    push(offset),
    op(OP.MSTORE),
    push(offset),
    op(OP.MLOAD, OP.JUMP),
    raw(OP.INVALID),
    { label: 0 },
  ],
}));

/** A few raw bytes: anything at all, including PUSHes that swallow what follows. */
const chaos: fc.Arbitrary<Snippet> = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })
  .map((bytes) => ({ pieces: [{ bytes }] }));

const conditionArb: fc.Arbitrary<readonly Piece[]> = fc.oneof(
  wordArb.map((value) => [push(value)]),
  fc.constant([op(OP.CALLVALUE)]),
  fc.constant([op(OP.CALLDATASIZE)]),
  fc.constant([op(OP.CALLER, OP.ADDRESS, OP.EQ)]), // CALLER == ADDRESS
  keyArb.map((key) => [push(key), op(OP.SLOAD)]),
  keyArb.map((key) => [push(key), op(OP.TLOAD)]),
  fc.bigInt({ min: 0n, max: 40n }).map((value) => [push(value), op(OP.RETURNDATASIZE, OP.GT)]), // RETURNDATASIZE > n
  fc.bigInt({ min: 0n, max: 200_000n }).map((value) => [push(value), op(OP.GAS, OP.GT)]), // GAS > n
);

type InitEnding = 'deploy' | 'deploy-ef' | 'deploy-oversized' | Snippet;

const initEndingArb: fc.Arbitrary<InitEnding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<InitEnding>('deploy') },
  { weight: 1, arbitrary: fc.constant<InitEnding>('deploy-ef') },
  { weight: 1, arbitrary: fc.constant<InitEnding>('deploy-oversized') },
  { weight: 2, arbitrary: terminator },
);

/** Code that returns `runtime` as the created contract's code, or one of the deposit failures. */
function initEnding(ending: InitEnding, runtime: Program): Snippet {
  if (ending === 'deploy') {
    return {
      pieces: [
        { pushDataSize: 0, delta: 0 },
        { pushData: 0 },
        push(0n),
        op(OP.CODECOPY),
        { pushDataSize: 0, delta: 0 },
        push(0n),
        op(OP.RETURN),
      ],
      data: [runtime],
    };
  }
  // EIP-3541: code starting with 0xEF is refused from London.
  if (ending === 'deploy-ef')
    return { pieces: [push(0xefn), push(0n), op(OP.MSTORE8), push(2n), push(0n), op(OP.RETURN)] };
  // EIP-170: one byte over the code size limit.
  if (ending === 'deploy-oversized') return { pieces: [push(0x6001n), push(0n), op(OP.RETURN)] };
  return ending;
}

/** Mostly strict programs (see `Program`): old revisions then run as deep as new ones. */
const strictArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);

interface Generators {
  readonly snippet: fc.Arbitrary<Snippet>;
  readonly program: fc.Arbitrary<Program>;
  readonly initCode: fc.Arbitrary<Program>;
}

const byLevel: Generators[] = [];

/**
 * Generators for code nested `level` deep: level 0 has no loops, branches or
 * creates; each level up may contain code of the level below (a loop body,
 * the init code and runtime code of a create).
 */
function generators(level: number): Generators {
  const cached = byLevel[level];
  if (cached !== undefined) return cached;
  const leaves: { weight: number; arbitrary: fc.Arbitrary<Snippet> }[] = [
    { weight: 6, arbitrary: arithmetic },
    { weight: 4, arbitrary: environment },
    { weight: 4, arbitrary: memory },
    { weight: 4, arbitrary: storage },
    { weight: 2, arbitrary: logs },
    { weight: 4, arbitrary: call },
    { weight: 4, arbitrary: precompileCall },
    { weight: 1, arbitrary: clz },
    { weight: 2, arbitrary: delegationProbe },
    { weight: 2, arbitrary: deepStack },
    { weight: 1, arbitrary: terminator },
    { weight: 1, arbitrary: chaos },
    { weight: 1, arbitrary: dynamicJump },
  ];
  let snippet: fc.Arbitrary<Snippet>;
  let program: fc.Arbitrary<Program>;
  let initCode: fc.Arbitrary<Program>;
  if (level === 0) {
    snippet = fc.oneof(...leaves, { weight: 1, arbitrary: stackOverflow });
    program = fc
      .record({ body: fc.array(snippet, { maxLength: 6 }), end: terminator, strict: strictArb })
      .map(({ body, end, strict }) => ({ snippets: [...body, end], strict }));
    initCode = program;
  } else {
    const below = generators(level - 1);
    const body = fc.array(below.snippet, { minLength: 1, maxLength: 4 });
    const branch = fc
      .record({ condition: conditionArb, body })
      .map(({ condition, body }) =>
        compound([[...condition, { pushLabel: 0 }, op(OP.JUMPI)], ...body, [{ label: 0 }]]),
      );
    const loop = fc
      .record({ count: fc.integer({ min: 1, max: 4 }), body })
      .map(({ count, body }) =>
        compound([
          [push(BigInt(count)), { label: 0 }],
          ...body,
          [push(1n), op(OP.SWAP1, OP.SUB, OP.DUP1), { pushLabel: 0 }, op(OP.JUMPI, OP.POP)],
        ]),
      );
    initCode = fc
      .record({
        body: fc.array(below.snippet, { maxLength: 4 }),
        runtime: below.program,
        ending: initEndingArb,
        strict: strictArb,
      })
      .map(({ body, runtime, ending, strict }) => ({
        snippets: [...body, initEnding(ending, runtime)],
        strict,
      }));
    const create = fc
      .record({
        init: initCode,
        create2: fc.boolean(),
        salt: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 3n }), wordArb),
        value: valueArb,
        memoryOffset: fc.bigInt({ min: 0n, max: 64n }),
        sizeDelta: fc.constantFrom(0, 0, 0, -1, 5),
        sink: sinkArb,
      })
      .map(({ init, create2, salt, value, memoryOffset, sizeDelta, sink }) => {
        return {
          pieces: [
            { pushDataSize: 0, delta: 0 },
            { pushData: 0 },
            push(memoryOffset),
            op(OP.CODECOPY),
            ...(create2 ? [push(salt)] : []),
            { pushDataSize: 0, delta: sizeDelta },
            push(memoryOffset),
            push(value),
            op(create2 ? OP.CREATE2 : OP.CREATE),
            op(OP.DUP1),
            push(CREATED_SLOT),
            op(OP.MSTORE),
            ...sink,
          ],
          data: [init],
        } satisfies Snippet;
      });
    snippet = fc.oneof(
      ...leaves,
      { weight: 2, arbitrary: branch },
      { weight: 2, arbitrary: loop },
      { weight: 3, arbitrary: create },
      { weight: 3, arbitrary: below.snippet },
    );
    program = fc
      .record({
        body: fc.array(snippet, { maxLength: 8 + 4 * level }),
        end: terminator,
        strict: strictArb,
      })
      .map(({ body, end, strict }) => ({ snippets: [...body, end], strict }));
  }
  const result = { snippet, program, initCode };
  byLevel[level] = result;
  return result;
}

/**
 * A generated EVM program (assemble it with `assembleProgram(program, revision)`):
 * balanced snippets, loops, branches, calls, creates, then a terminator.
 */
export const programArb: fc.Arbitrary<Program> = generators(2).program;
/** Init code: a program that ends by returning generated runtime code (or failing to deploy it). */
export const initCodeArb: fc.Arbitrary<Program> = generators(2).initCode;

/**
 * Revisions, weighted toward the newest ones where most opcodes exist: half
 * the scenarios run Prague or Osaka (EIP-7702 delegation, BLS12-381, CLZ,
 * P256VERIFY, the new modexp pricing).
 */
export const revisionArb: fc.Arbitrary<Revision> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(Revisions.Osaka) },
  { weight: 3, arbitrary: fc.constant(Revisions.Prague) },
  { weight: 2, arbitrary: fc.constant(Revisions.Cancun) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(Revisions.Shanghai, Revisions.Paris, Revisions.London, Revisions.Berlin),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      Revisions.Frontier,
      Revisions.Homestead,
      Revisions.TangerineWhistle,
      Revisions.SpuriousDragon,
      Revisions.Byzantium,
      Revisions.Constantinople,
      Revisions.Petersburg,
      Revisions.Istanbul,
    ),
  },
);

const balanceArb = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: 1n, max: 10_000n }),
  fc.constantFrom(10n ** 18n, 10n ** 24n),
);

const storageArb = (maxLength: number) =>
  fc.uniqueArray(fc.tuple(keyArb, storedValueArb), { selector: ([key]) => key, maxLength });

const contractArb = fc.record({
  code: programArb,
  balance: balanceArb,
  nonce: fc.constantFrom(0n, 0n, 1n, 5n),
  storage: storageArb(4),
});

/**
 * Where an EIP-7702 delegation points: a contract slot (which may hold no
 * contract), an account without code, the sender, a precompile (whose code,
 * empty, is what runs), or an authority (a chain, or itself: followed once).
 */
const delegationTargetArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ADDRESSES.contracts) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(ADDRESSES.eoa, ADDRESSES.empty, ADDRESSES.missing, ADDRESSES.sender),
  },
  { weight: 2, arbitrary: fc.constantFrom(1n, 2n, 4n, 5n, 0x0bn, 0x0fn, 0x11n, 0x100n) },
  { weight: 2, arbitrary: fc.constantFrom(...ADDRESSES.delegated) },
);

/** An authority: an account whose code is a delegation indicator (before Prague, just code starting 0xEF). */
const authorityArb = fc.record({
  target: delegationTargetArb,
  balance: balanceArb,
  nonce: fc.constantFrom(1n, 1n, 2n),
  storage: storageArb(2),
});

/** A scenario as generated, before its gas is settled (see `gasEdge`). */
export interface GeneratedScenario {
  readonly scenario: Scenario;
  /**
   * When set, the top-level gas is to be replaced by (gas the reference engine
   * used with the generated gas) + `gasEdge`: a limit right at the edge where
   * some instruction runs out of gas.
   */
  readonly gasEdge: number | undefined;
}

/** Scenarios whose revision is drawn from `revisions` (see `scenarioArb`). */
export const scenarioArbFor = (revisions: fc.Arbitrary<Revision>): fc.Arbitrary<GeneratedScenario> =>
  fc
    .record({
      revision: revisions,
      contracts: fc.array(contractArb, { minLength: 1, maxLength: 4 }),
      authorities: fc.array(authorityArb, { minLength: 1, maxLength: ADDRESSES.delegated.length }),
      // The transaction's sender may be an authority too (EIP-3607 allows a delegated sender from Prague).
      senderDelegation: fc.oneof(
        { weight: 7, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: delegationTargetArb },
      ),
      senderBalance: fc.oneof(fc.constant(10n ** 24n), balanceArb),
      // Never 0: a transaction's sender has its nonce raised before the message runs, so it is never empty.
      senderNonce: fc.constantFrom(1n, 2n, 7n),
      emptyAccount: fc.boolean(),
      // A pre-existing account where the first contract's first CREATE will land (EIP-684/7610 collision).
      collision: fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('nonce', 'code', 'storage') },
      ),
      tx: fc.record({
        number: fc.bigInt({ min: 0n, max: 20_000_000n }),
        timestamp: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
        gasPrice: fc.bigInt({ min: 0n, max: 1000n }),
        prevRandao: wordArb,
        gasLimit: fc.bigInt({ min: 0n, max: 60_000_000n }),
        baseFee: fc.bigInt({ min: 0n, max: 1000n }),
        blobBaseFee: fc.bigInt({ min: 1n, max: 100n }),
        blobHashes: fc.array(wordArb, { maxLength: 2 }),
      }),
      accessList: fc.array(
        fc.record({
          address: fc.constantFrom(
            ...ADDRESSES.contracts,
            ADDRESSES.eoa,
            ADDRESSES.missing,
            ADDRESSES.delegated[0],
          ),
          storageKeys: fc.array(keyArb, { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      message: fc.record({
        kind: fc.constantFrom<'call' | 'create'>('call', 'call', 'call', 'call', 'create'),
        to: fc.oneof(
          { weight: 8, arbitrary: fc.constant(ADDRESSES.contracts[0]) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(ADDRESSES.contracts[1], ADDRESSES.eoa, ADDRESSES.missing, 2n, 4n),
          },
          { weight: 1, arbitrary: fc.constant(ADDRESSES.delegated[0]) },
        ),
        depth: fc.oneof(
          { weight: 9, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: 1018, max: 1024 }) },
        ),
        value: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 1000n })),
        input: fc.uint8Array({ maxLength: 40 }),
        initCode: initCodeArb,
        gas: fc.oneof(
          { weight: 3, arbitrary: fc.bigInt({ min: 1_000_000n, max: 5_000_000n }) },
          { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 120_000n }) },
        ),
        gasEdge: fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
        ),
      }),
    })
    .map((generated): GeneratedScenario => {
      const { revision, contracts, tx, message } = generated;
      const accounts: ScenarioAccount[] = [
        {
          address: ADDRESSES.sender,
          nonce: generated.senderNonce,
          balance: generated.senderBalance,
          code:
            generated.senderDelegation === undefined
              ? new Uint8Array(0)
              : delegationCode(generated.senderDelegation),
          storage: [],
        },
        { address: ADDRESSES.eoa, nonce: 1n, balance: 10n ** 18n, code: new Uint8Array(0), storage: [] },
        ...contracts.map((contract, i) => ({
          address: ADDRESSES.contracts[i]!,
          ...contract,
          code: assembleProgram(contract.code, revision),
        })),
        ...generated.authorities.map(({ target, ...authority }, i) => ({
          address: ADDRESSES.delegated[i]!,
          ...authority,
          code: delegationCode(target),
        })),
      ];
      if (generated.emptyAccount) {
        accounts.push({
          address: ADDRESSES.empty,
          nonce: 0n,
          balance: 0n,
          code: new Uint8Array(0),
          storage: [],
        });
      }
      if (generated.collision !== undefined) {
        const first = contracts[0]!;
        accounts.push({
          address: createAddress(ADDRESSES.contracts[0], first.nonce),
          nonce: generated.collision === 'nonce' ? 1n : 0n,
          balance: 0n,
          code: generated.collision === 'code' ? Uint8Array.of(OP.STOP) : new Uint8Array(0),
          storage: generated.collision === 'storage' ? [[1n, 1n]] : [],
        });
      }
      const value = message.value > generated.senderBalance ? 0n : message.value;
      return {
        scenario: {
          revision,
          accounts,
          tx: emptyTxContext({
            origin: ADDRESSES.sender,
            coinbase: ADDRESSES.coinbase,
            number: tx.number,
            timestamp: tx.timestamp,
            gasPrice: tx.gasPrice,
            prevRandao: tx.prevRandao,
            gasLimit: tx.gasLimit,
            baseFee: revision >= Revisions.London ? tx.baseFee : 0n,
            blobBaseFee: revision >= Revisions.Cancun ? tx.blobBaseFee : 0n,
            blobHashes: revision >= Revisions.Cancun ? tx.blobHashes : [],
          }),
          accessList: revision >= Revisions.Berlin ? generated.accessList : [],
          message: {
            kind: message.kind,
            depth: message.kind === 'create' ? 0 : message.depth,
            sender: ADDRESSES.sender,
            to: message.kind === 'create' ? 0n : message.to,
            value,
            input: message.kind === 'create' ? assembleProgram(message.initCode, revision) : message.input,
            gas: message.gas,
          },
        },
        gasEdge: message.gasEdge,
      };
    });

/** Scenarios of every revision (weighted as `revisionArb`). */
export const scenarioArb: fc.Arbitrary<GeneratedScenario> = scenarioArbFor(revisionArb);
