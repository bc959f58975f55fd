// Word-representation microbenchmark for the Tandem EVM *interpreter*.
//
//   node apps/bench/micro/word-representation.mjs [--reps=9] [--warmup=2] [--scale=1]
//        [--only=ADD,P1,...] [--skip-pitfalls] [--json=out.json] [--starved=0.9]
//
// Self-contained, no dependencies. It runs small EVM programs through several
// interpreters that differ only in how a 256-bit word is held:
//
//   A       BigInt words on a preallocated JS Array stack, BigInt.asUintN(256, ·) after ADD/SUB/MUL/SHL
//   A-mask  the same, `& MASK` instead of asUintN
//   A-cmp   the same, ADD/SUB wrap only when a compare says the result left [0, 2^256)
//           (`r > MASK ? r & MASK : r`, `r < 0n ? r + MOD : r`), MUL/SHL with `& MASK`
//   B       8×32-bit limbs in a Uint32Array stack (8 words per slot); MUL is straight-line
//           16-bit-digit code (shorter when an operand < 2^64); DIV goes through BigInt
//           (BigUint64Array view) unless the divisor fits 32 bits (native short division)
//   B-mv64  B, but PUSH/DUP/SWAP copy a slot as 4×64 bits through a BigUint64Array view
//
// Workloads: one loop per operation class (ADD, MUL, DIV, bitwise, shifts, comparisons,
// stack traffic, MLOAD/MSTORE) and three programs: the notes' P1 (LCG) and P2 (checked
// counter loop, from small and from token-sized values), and P3 (a Solidity-style loop over a
// memory array). The "pitfalls" part times the gas-counter representation in the BigInt
// interpreter and isolated BigInt idioms (wrapping, NOT, offsets, number->word, MLOAD/MSTORE).
//
// Every interpreter is the same `switch` loop over pre-decoded code (Int32Array of
// [opcode, immediate] pairs), with a per-instruction gas charge and stack-bound check,
// memory-expansion gas, and JUMPDEST validation, so only the word representation differs.
// Correctness: a randomized per-opcode differential test against a slow reference
// interpreter at start-up, every workload checked against the reference at reduced size,
// and every timed run checked (status, gas used, final stack) against the first run of A.
// Any mismatch exits with status 1.
//
// Method: all workloads × variants are warmed up first (one interpreter function serves
// every program, as in a real EVM), then each workload runs `reps` repetitions; inside a
// repetition the variants run back to back in an order rotated by one per repetition.
// Reported: median ns per executed EVM instruction, and the median of the per-repetition
// ratio variant/A. A full run takes about 80 s on a quiet 2-vCPU machine, up to ~2 min when
// starved repetitions have to be repeated. Decision record: docs/decisions/0001-word-representation.md

import os from 'node:os';

// ---------------------------------------------------------------- options

const opts = { reps: 9, warmup: 2, scale: 1, only: null, pitfalls: true, json: null, starved: 0.9 };
for (const arg of process.argv.slice(2)) {
  const [k, v] = arg.replace(/^--/, '').split('=');
  if (k === 'reps') opts.reps = Math.max(3, Number(v));
  else if (k === 'warmup') opts.warmup = Math.max(1, Number(v));
  else if (k === 'scale') opts.scale = Number(v);
  else if (k === 'only') opts.only = new Set(v.split(','));
  else if (k === 'skip-pitfalls') opts.pitfalls = false;
  else if (k === 'json') opts.json = v;
  else if (k === 'starved') opts.starved = Number(v);
  else {
    console.error(`unknown option ${arg}`);
    process.exit(2);
  }
}
if (os.endianness() !== 'LE') {
  console.error('the limb variant reads its Uint32Array through a BigUint64Array view: little-endian only');
  process.exit(2);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------- EVM subset

const MOD = 1n << 256n;
const MASK = MOD - 1n;
const STACK_LIMIT = 1024;
const MEM_CAP = 1 << 16; // offsets above MEM_CAP - 32 are treated as out of gas (same in every engine)
const OFF_LIMIT = MEM_CAP - 32;
const GAS_LIMIT = 1_000_000_000; // fits int32 (a Smi)

const S_OOG = -1;
const S_STACK = -2;
const S_JUMP = -3;
const S_REVERT = -4;
const S_INVALID = -5;

const OP = {
  STOP: 0x00,
  ADD: 0x01,
  MUL: 0x02,
  SUB: 0x03,
  DIV: 0x04,
  LT: 0x10,
  GT: 0x11,
  EQ: 0x14,
  ISZERO: 0x15,
  AND: 0x16,
  OR: 0x17,
  XOR: 0x18,
  NOT: 0x19,
  SHL: 0x1b,
  SHR: 0x1c,
  POP: 0x50,
  MLOAD: 0x51,
  MSTORE: 0x52,
  JUMP: 0x56,
  JUMPI: 0x57,
  JUMPDEST: 0x5b,
  PUSH: 0x60, // every PUSHn: pre-decoded, the immediate is an index into a constant pool
  REVERT: 0xfd,
};
for (let n = 1; n <= 16; n++) {
  OP[`DUP${n}`] = 0x7f + n;
  OP[`SWAP${n}`] = 0x8f + n;
}

// [gas, stack in, stack out]
const SPEC = new Map([
  [OP.STOP, [0, 0, 0]],
  [OP.ADD, [3, 2, 1]],
  [OP.MUL, [5, 2, 1]],
  [OP.SUB, [3, 2, 1]],
  [OP.DIV, [5, 2, 1]],
  [OP.LT, [3, 2, 1]],
  [OP.GT, [3, 2, 1]],
  [OP.EQ, [3, 2, 1]],
  [OP.ISZERO, [3, 1, 1]],
  [OP.AND, [3, 2, 1]],
  [OP.OR, [3, 2, 1]],
  [OP.XOR, [3, 2, 1]],
  [OP.NOT, [3, 1, 1]],
  [OP.SHL, [3, 2, 1]],
  [OP.SHR, [3, 2, 1]],
  [OP.POP, [2, 1, 0]],
  [OP.MLOAD, [3, 1, 1]],
  [OP.MSTORE, [3, 2, 0]],
  [OP.JUMP, [8, 1, 0]],
  [OP.JUMPI, [10, 2, 0]],
  [OP.JUMPDEST, [1, 0, 0]],
  [OP.PUSH, [3, 0, 1]],
  [OP.REVERT, [0, 2, 0]],
]);
for (let n = 1; n <= 16; n++) {
  SPEC.set(OP[`DUP${n}`], [3, n, n + 1]);
  SPEC.set(OP[`SWAP${n}`], [3, n + 1, n + 1]);
}
const GAS = new Int32Array(256);
const MINSP = new Int32Array(256);
const MAXSP = new Int32Array(256).fill(STACK_LIMIT);
const GASB = Array.from({ length: 256 }, () => 0n);
for (const [op, [gas, inp, out]] of SPEC) {
  GAS[op] = gas;
  GASB[op] = BigInt(gas);
  MINSP[op] = inp;
  MAXSP[op] = STACK_LIMIT - Math.max(0, out - inp);
}
const NAME = new Map(Object.entries(OP).map(([k, v]) => [v, k]));

function memCostOf(words) {
  return 3 * words + Math.floor((words * words) / 512);
}

// ---------------------------------------------------------------- assembler

/**
 * items: opcode names, 'label:' definitions, ['PUSH', bigint | 'label'].
 * Returns pre-decoded code: Int32Array [op, imm] pairs, a constant pool (bigint and
 * 8×32 limbs), and a JUMPDEST map indexed by instruction number (jump targets are
 * instruction numbers, which is what a pre-decoding interpreter would use).
 */
function assemble(items) {
  const labels = new Map();
  let n = 0;
  for (const it of items) {
    if (typeof it === 'string' && it.endsWith(':')) labels.set(it.slice(0, -1), n);
    else n++;
  }
  n++; // implicit STOP at the end
  const code = new Int32Array(2 * n);
  const consts = [];
  const jumpdest = new Uint8Array(n);
  let i = 0;
  for (const it of items) {
    if (typeof it === 'string' && it.endsWith(':')) continue;
    if (Array.isArray(it)) {
      const v = typeof it[1] === 'string' ? BigInt(labels.get(it[1])) : it[1];
      if (v === undefined || v < 0n || v > MASK) fail(`bad PUSH ${it[1]}`);
      code[2 * i] = OP.PUSH;
      code[2 * i + 1] = consts.length;
      consts.push(v);
    } else {
      const op = OP[it];
      if (op === undefined) fail(`unknown opcode ${it}`);
      code[2 * i] = op;
      if (op === OP.JUMPDEST) jumpdest[i] = 1;
    }
    i++;
  }
  code[2 * i] = OP.STOP;
  const constsL = new Uint32Array(8 * Math.max(1, consts.length));
  consts.forEach((v, k) => {
    for (let j = 0; j < 8; j++) constsL[8 * k + j] = Number((v >> BigInt(32 * j)) & 0xffffffffn);
  });
  return { code, consts, constsL, constsL64: new BigUint64Array(constsL.buffer), jumpdest, n };
}

/**
 * A counted loop: stack [counter, ...state]; the body works on the state only.
 * Control (9 instructions + JUMPDEST): DUP(k+1) PUSH1 1 SWAP1 SUB DUP1 SWAP(k+2) POP PUSH loop JUMPI.
 */
function countedLoop(init, body, iters) {
  const k = init.length;
  // symbolic depth check: the body must be stack-neutral and never reach the counter
  let d = k;
  for (const it of body) {
    const op = Array.isArray(it) ? OP.PUSH : OP[it];
    const [, inp, out] = SPEC.get(op);
    if (inp > d) fail(`loop body reaches below its state at ${it}`);
    d += out - inp;
  }
  if (d !== k) fail(`loop body is not stack-neutral (${d - k})`);
  return assemble([
    ['PUSH', BigInt(iters)],
    ...init.map((v) => ['PUSH', v]),
    'loop:',
    'JUMPDEST',
    ...body,
    `DUP${k + 1}`,
    ['PUSH', 1n],
    'SWAP1',
    'SUB',
    'DUP1',
    `SWAP${k + 2}`,
    'POP',
    ['PUSH', 'loop'],
    'JUMPI',
  ]);
}

// ---------------------------------------------------------------- deterministic randomness

let seed = 0x9e3779b9;
function rand32() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
function randWord(bits = 256) {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(rand32());
  return bits >= 256 ? v : v >> BigInt(256 - bits);
}

// ---------------------------------------------------------------- workloads

const P1_MUL = 0x5851f42d4c957f2dn;

function p1(iters) {
  // notes' P1: LCG b = (b*K + i) ^ (b >> 7), 19 instructions per iteration
  return assemble([
    ['PUSH', 0x1234567890abcdefn],
    ['PUSH', 0n],
    'loop:',
    'JUMPDEST',
    'DUP2',
    ['PUSH', P1_MUL],
    'MUL',
    'DUP2',
    'ADD',
    'DUP3',
    ['PUSH', 7n],
    'SHR',
    'XOR',
    'SWAP2',
    'POP',
    ['PUSH', 1n],
    'ADD',
    'DUP1',
    ['PUSH', BigInt(iters)],
    'GT',
    ['PUSH', 'loop'],
    'JUMPI',
  ]);
}

function p2(iters, sum0) {
  // Solidity 0.8-style `for (i = 0; i < N; i++) sum += i;` with checked arithmetic,
  // 26 instructions per iteration (3 JUMPI + 1 JUMP)
  return assemble([
    ['PUSH', sum0],
    ['PUSH', 0n],
    'loop:',
    'JUMPDEST',
    ['PUSH', BigInt(iters)],
    'DUP2',
    'LT',
    'ISZERO',
    ['PUSH', 'end'],
    'JUMPI',
    'DUP1',
    'DUP3',
    'ADD',
    'DUP3',
    'DUP2',
    'LT',
    ['PUSH', 'panic'],
    'JUMPI',
    'SWAP2',
    'POP',
    'DUP1',
    ['PUSH', MASK],
    'EQ',
    ['PUSH', 'panic'],
    'JUMPI',
    ['PUSH', 1n],
    'ADD',
    ['PUSH', 'loop'],
    'JUMP',
    'end:',
    'JUMPDEST',
    'STOP',
    'panic:',
    'JUMPDEST',
    ['PUSH', 0n],
    'DUP1',
    'REVERT',
  ]);
}

const MASK128 = (1n << 128n) - 1n;

function p3(iters) {
  // Solidity 0.8-style loop over a `uint[32] memory` array, 70 instructions per iteration:
  //   for (i = 1; i < N; i++) { v = a[(i - 1) & 31]; a[i & 31] = uint128(v * 3 + i); sum += v; }
  // with the array length read from memory for each bounds check (MLOAD, LT, JUMPI), element
  // addresses as base + 0x20 + (k << 5), checked `sum +=` and `i++`. Memory: 3 MLOAD + 1 MSTORE
  // per iteration (6%), plus MUL, SHL, AND and 6 jumps.
  const bounds = ['DUP2', 'LT', 'ISZERO', ['PUSH', 'panic'], 'JUMPI'];
  return assemble([
    ['PUSH', 32n],
    ['PUSH', 0x80n],
    'MSTORE', // length word of the array at 0x80
    ['PUSH', 0x80n], // base
    ['PUSH', 0n], // sum
    ['PUSH', 1n], // i
    'loop:',
    'JUMPDEST',
    ['PUSH', BigInt(iters)],
    'DUP2',
    'LT',
    'ISZERO',
    ['PUSH', 'end'],
    'JUMPI',
    ['PUSH', 1n],
    'DUP2',
    'SUB',
    ['PUSH', 31n],
    'AND', // k = (i - 1) & 31
    'DUP4',
    'MLOAD',
    ...bounds, // k < a.length
    ['PUSH', 5n],
    'SHL',
    'DUP4',
    'ADD',
    ['PUSH', 0x20n],
    'ADD',
    'MLOAD', // v = a[k]
    'DUP1',
    ['PUSH', 3n],
    'MUL',
    'DUP3',
    'ADD',
    ['PUSH', MASK128],
    'AND', // w = uint128(v * 3 + i)
    'DUP3',
    ['PUSH', 31n],
    'AND', // j = i & 31
    'DUP6',
    'MLOAD',
    ...bounds, // j < a.length
    ['PUSH', 5n],
    'SHL',
    'DUP6',
    'ADD',
    ['PUSH', 0x20n],
    'ADD',
    'MSTORE', // a[j] = w
    'DUP3',
    'DUP2',
    'ADD',
    'DUP4',
    'DUP2',
    'LT',
    ['PUSH', 'panic'],
    'JUMPI', // checked sum + v
    'SWAP3',
    'POP',
    'POP',
    'DUP1',
    ['PUSH', MASK],
    'EQ',
    ['PUSH', 'panic'],
    'JUMPI', // checked i++
    ['PUSH', 1n],
    'ADD',
    ['PUSH', 'loop'],
    'JUMP',
    'end:',
    'JUMPDEST',
    'STOP',
    'panic:',
    'JUMPDEST',
    ['PUSH', 0n],
    'DUP1',
    'REVERT',
  ]);
}

function repeat(n, unit) {
  const out = [];
  for (let u = 0; u < n; u++) out.push(...unit(u));
  return out;
}

/** Workload builders: iters -> program. `iters` is sized so that A takes ~40-70 ms. */
function makeWorkloads() {
  const addK = MOD - 13n; // every ADD carries through all 8 limbs
  const mulK = Array.from({ length: 16 }, () => randWord() | 1n);
  const mulC = Array.from({ length: 16 }, () => randWord());
  const divBits = [8, 20, 31, 32, 40, 48, 64, 72, 96, 128, 130, 160, 192, 224, 255, 0];
  const divD = divBits.map((b) => (b === 0 ? 0n : randWord(b) | (1n << BigInt(b - 1))));
  const bitK = Array.from({ length: 16 }, () => randWord());
  const bitJ = Array.from({ length: 16 }, () => randWord());
  const shifts = [
    [13, 7],
    [17, 37],
    [64, 5],
    [5, 100],
    [31, 33],
    [96, 1],
    [1, 64],
    [200, 3],
    [9, 32],
    [40, 41],
    [3, 129],
    [255, 250],
  ];
  const cmpK = Array.from({ length: 12 }, (_, u) => randWord(256 - 8 * u));
  const cmpJ = Array.from({ length: 12 }, () => randWord());
  const stackK = Array.from({ length: 16 }, () => randWord());
  const memO = Array.from({ length: 16 }, () => [rand32() % 480, rand32() % 480]);
  const xStep = randWord();
  return [
    {
      id: 'ADD',
      what: '32× (PUSH c, ADD) with a full carry chain, acc += 2^256-13',
      iters: 60_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(1)],
          repeat(32, () => [['PUSH', addK], 'ADD']),
          n,
        ),
    },
    {
      id: 'MUL',
      what: '16× (PUSH k, MUL, PUSH c, ADD), 256-bit odd k',
      iters: 40_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(2)],
          repeat(16, (u) => [['PUSH', mulK[u]], 'MUL', ['PUSH', mulC[u]], 'ADD']),
          n,
        ),
    },
    {
      id: 'DIV',
      what: '16× (PUSH d, DUP3, DIV, XOR), d of 8..255 bits and one 0, x += c per iteration',
      iters: 15_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(3), 0n],
          [
            ...repeat(16, (u) => [['PUSH', divD[u]], 'DUP3', 'DIV', 'XOR']),
            'SWAP1',
            ['PUSH', xStep],
            'ADD',
            'SWAP1',
          ],
          n,
        ),
    },
    {
      id: 'BITWISE',
      what: '16× (DUP2, XOR, NOT, PUSH k, AND|OR, PUSH j, XOR)',
      iters: 40_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(4), randWordFixed(5)],
          [
            ...repeat(16, (u) => [
              'DUP2',
              'XOR',
              'NOT',
              ['PUSH', bitK[u]],
              u % 2 ? 'OR' : 'AND',
              ['PUSH', bitJ[u]],
              'XOR',
            ]),
            'SWAP1',
            ['PUSH', xStep],
            'ADD',
            'SWAP1',
          ],
          n,
        ),
    },
    {
      id: 'SHIFT',
      what: '12× xorshift (DUP1, PUSH a, SHL, XOR, DUP1, PUSH b, SHR, XOR), constant a, b',
      iters: 30_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(6)],
          repeat(12, (u) => [
            'DUP1',
            ['PUSH', BigInt(shifts[u][0])],
            'SHL',
            'XOR',
            'DUP1',
            ['PUSH', BigInt(shifts[u][1])],
            'SHR',
            'XOR',
          ]),
          n,
        ),
    },
    {
      id: 'CMP',
      what: '12× (PUSH k, DUP3, LT, ADD, PUSH j, DUP3, EQ, ISZERO, ADD, DUP2, ISZERO, ADD)',
      iters: 30_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(7), 0n],
          [
            ...repeat(12, (u) => [
              ['PUSH', cmpK[u]],
              'DUP3',
              'LT',
              'ADD',
              ['PUSH', cmpJ[u]],
              'DUP3',
              'EQ',
              'ISZERO',
              'ADD',
              'DUP2',
              'ISZERO',
              'ADD',
            ]),
            'SWAP1',
            ['PUSH', xStep],
            'ADD',
            'SWAP1',
          ],
          n,
        ),
    },
    {
      id: 'STACK',
      what: '16× (PUSH, SWAP2, DUP4, SWAP1, POP, SWAP3, POP, DUP1, SWAP4, POP) on 4 words',
      iters: 40_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(8), randWordFixed(9), randWordFixed(10), randWordFixed(11)],
          repeat(16, (u) => [
            ['PUSH', stackK[u]],
            'SWAP2',
            'DUP4',
            'SWAP1',
            'POP',
            'SWAP3',
            'POP',
            'DUP1',
            'SWAP4',
            'POP',
          ]),
          n,
        ),
    },
    {
      id: 'MEM',
      what: '16× (DUP1, PUSH o1, MSTORE, PUSH o2, MLOAD, ADD), unaligned offsets < 512',
      iters: 25_000,
      build: (n) =>
        countedLoop(
          [randWordFixed(12)],
          repeat(16, (u) => [
            'DUP1',
            ['PUSH', BigInt(memO[u][0])],
            'MSTORE',
            ['PUSH', BigInt(memO[u][1])],
            'MLOAD',
            'ADD',
          ]),
          n,
        ),
    },
    {
      id: 'P1',
      what: 'notes P1: LCG loop MUL/ADD/SHR/XOR/GT/JUMPI (19 instr/iter)',
      iters: 200_000,
      build: p1,
    },
    {
      id: 'P2-small',
      what: 'notes P2: checked `sum += i` loop from sum = 0 (26 instr/iter)',
      iters: 200_000,
      build: (n) => p2(n, 0n),
    },
    {
      id: 'P2-token',
      what: 'the same from sum = 10^24 (token-sized values)',
      iters: 200_000,
      build: (n) => p2(n, 10n ** 24n),
    },
    {
      id: 'P3',
      what: 'Solidity-style loop over a uint[32] memory array: MLOAD/MSTORE, bounds checks, MUL, uint128 mask (70 instr/iter)',
      iters: 60_000,
      build: p3,
    },
  ];
}
const FIXED = Array.from({ length: 16 }, () => randWord());
function randWordFixed(i) {
  return FIXED[i];
}

// ---------------------------------------------------------------- reference interpreter (slow, obvious)

function refRun(prog, gasLimit) {
  const { code, consts, jumpdest } = prog;
  const st = [];
  const mem = new Uint8Array(MEM_CAP);
  let pc = 0;
  let gas = gasLimit;
  let steps = 0;
  let memWords = 0;
  const done = (status) => ({
    status,
    stack: st.slice(),
    gasUsed: status >= 0 || status === S_REVERT ? gasLimit - gas : -1,
    steps,
  });
  const touch = (off) => {
    if (off > BigInt(OFF_LIMIT)) return false;
    const words = Math.ceil((Number(off) + 32) / 32);
    if (words > memWords) {
      gas -= memCostOf(words) - memCostOf(memWords);
      memWords = words;
    }
    return gas >= 0;
  };
  for (;;) {
    const op = code[2 * pc];
    const imm = code[2 * pc + 1];
    steps++;
    const spec = SPEC.get(op);
    if (!spec) return done(S_INVALID);
    gas -= spec[0];
    if (gas < 0) return done(S_OOG);
    if (st.length < spec[1] || st.length - spec[1] + spec[2] > STACK_LIMIT) return done(S_STACK);
    pc++;
    const name = NAME.get(op);
    if (name.startsWith('DUP')) {
      st.push(st[st.length - Number(name.slice(3))]);
      continue;
    }
    if (name.startsWith('SWAP')) {
      const j = st.length - 1 - Number(name.slice(4));
      [st[j], st[st.length - 1]] = [st[st.length - 1], st[j]];
      continue;
    }
    switch (name) {
      case 'STOP':
        return done(st.length);
      case 'REVERT':
        return done(S_REVERT);
      case 'JUMPDEST':
        break;
      case 'PUSH':
        st.push(consts[imm]);
        break;
      case 'POP':
        st.pop();
        break;
      case 'NOT':
        st.push(MASK - st.pop());
        break;
      case 'ISZERO':
        st.push(st.pop() === 0n ? 1n : 0n);
        break;
      case 'MLOAD': {
        const off = st.pop();
        if (!touch(off)) return done(S_OOG);
        let v = 0n;
        for (let i = 0; i < 32; i++) v = v * 256n + BigInt(mem[Number(off) + i]);
        st.push(v);
        break;
      }
      case 'MSTORE': {
        const off = st.pop();
        let v = st.pop();
        if (!touch(off)) return done(S_OOG);
        for (let i = 31; i >= 0; i--) {
          mem[Number(off) + i] = Number(v % 256n);
          v /= 256n;
        }
        break;
      }
      case 'JUMP':
      case 'JUMPI': {
        const dest = st.pop();
        const cond = name === 'JUMPI' ? st.pop() : 1n;
        if (cond !== 0n) {
          if (dest >= BigInt(jumpdest.length) || !jumpdest[Number(dest)]) return done(S_JUMP);
          pc = Number(dest);
        }
        break;
      }
      default: {
        const a = st.pop();
        const b = st.pop();
        let r;
        if (name === 'ADD') r = (a + b) % MOD;
        else if (name === 'SUB') r = (a - b + MOD) % MOD;
        else if (name === 'MUL') r = (a * b) % MOD;
        else if (name === 'DIV') r = b === 0n ? 0n : a / b;
        else if (name === 'LT') r = a < b ? 1n : 0n;
        else if (name === 'GT') r = a > b ? 1n : 0n;
        else if (name === 'EQ') r = a === b ? 1n : 0n;
        else if (name === 'AND') r = a & b;
        else if (name === 'OR') r = a | b;
        else if (name === 'XOR') r = a ^ b;
        else if (name === 'SHL') r = a >= 256n ? 0n : (b * 2n ** a) % MOD;
        else if (name === 'SHR') r = a >= 256n ? 0n : b / 2n ** a;
        else fail(`reference: ${name}`);
        st.push(r);
      }
    }
  }
}

// ---------------------------------------------------------------- A: BigInt interpreters (generated variants)

// Each variant is its own Function so that V8 keeps separate type feedback and code.
// norm: 'asUintN' | 'mask' | 'cond'; gas: 'number' (`let gas = gasLimit`), 'coerce' (`let gas = +gasLimit`),
// 'field' (`cell.gas -= cost` on an object, like ExecutionContext.gasLeft) or 'bigint';
// count: also count executed instructions
function makeBigInterp({ norm, gas, count = false }) {
  const wrap = (e) => (norm === 'asUintN' ? `BigInt.asUintN(256, ${e})` : `(${e}) & MASK`);
  const G = gas === 'bigint';
  const add =
    norm === 'cond'
      ? 'const r = stack[sp - 1] + stack[sp - 2]; stack[sp - 2] = r > MASK ? r & MASK : r;'
      : `stack[sp - 2] = ${wrap('stack[sp - 1] + stack[sp - 2]')};`;
  const sub =
    norm === 'cond'
      ? 'const r = stack[sp - 1] - stack[sp - 2]; stack[sp - 2] = r < 0n ? r + MOD : r;'
      : `stack[sp - 2] = ${wrap('stack[sp - 1] - stack[sp - 2]')};`;
  const F = gas === 'field';
  const memGas = G
    ? 'gas -= BigInt(c - memCost); if (gas < 0n)'
    : F
      ? 'if ((cell.gas -= c - memCost) < 0)'
      : 'gas -= c - memCost; if (gas < 0)';
  const expand = `if (o + 32 > msize) {
        const w = (o + 63) >>> 5;
        const c = 3 * w + ((w * w) >>> 9);
        ${memGas} return ${S_OOG};
        memCost = c;
        msize = w << 5;
      }`;
  const src = `
return function runBig(code, consts, jumpdest, stack, dv, gasLimit, res) {
  let pc = 0;
  let sp = 0;
  let msize = 0;
  let memCost = 0;
  ${F ? 'const cell = gasLimit;' : gas === 'coerce' ? 'let gas = +gasLimit;' : 'let gas = gasLimit;'}
  let steps = 0;
  for (;;) {
    const op = code[pc];
    pc += 2;${count ? '\n    steps++;' : ''}
    ${G ? 'gas -= GASB[op]; if (gas < 0n)' : F ? 'if ((cell.gas -= GAS[op]) < 0)' : 'gas -= GAS[op]; if (gas < 0)'} return ${S_OOG};
    if (sp < MINSP[op] || sp > MAXSP[op]) return ${S_STACK};
    switch (op) {
      case 0x00:
        res[0] = ${G ? 'Number(gas)' : F ? 'cell.gas' : 'gas'};
        res[1] = steps;
        return sp;
      case 0x01: { ${add} sp--; break; }
      case 0x02: stack[sp - 2] = ${wrap('stack[sp - 1] * stack[sp - 2]')}; sp--; break;
      case 0x03: { ${sub} sp--; break; }
      case 0x04: { const b = stack[sp - 2]; stack[sp - 2] = b === 0n ? 0n : stack[sp - 1] / b; sp--; break; }
      case 0x10: stack[sp - 2] = stack[sp - 1] < stack[sp - 2] ? 1n : 0n; sp--; break;
      case 0x11: stack[sp - 2] = stack[sp - 1] > stack[sp - 2] ? 1n : 0n; sp--; break;
      case 0x14: stack[sp - 2] = stack[sp - 1] === stack[sp - 2] ? 1n : 0n; sp--; break;
      case 0x15: stack[sp - 1] = stack[sp - 1] === 0n ? 1n : 0n; break;
      case 0x16: stack[sp - 2] = stack[sp - 1] & stack[sp - 2]; sp--; break;
      case 0x17: stack[sp - 2] = stack[sp - 1] | stack[sp - 2]; sp--; break;
      case 0x18: stack[sp - 2] = stack[sp - 1] ^ stack[sp - 2]; sp--; break;
      case 0x19: stack[sp - 1] = stack[sp - 1] ^ MASK; break;
      case 0x1b: { const s = stack[sp - 1]; stack[sp - 2] = s >= 256n ? 0n : ${wrap('stack[sp - 2] << s')}; sp--; break; }
      case 0x1c: { const s = stack[sp - 1]; stack[sp - 2] = s >= 256n ? 0n : stack[sp - 2] >> s; sp--; break; }
      case 0x50: sp--; break;
      case 0x51: {
        const off = stack[sp - 1];
        if (off > OFF_MAX) return ${S_OOG};
        const o = Number(off);
        ${expand}
        stack[sp - 1] = (dv.getBigUint64(o) << 192n) | (dv.getBigUint64(o + 8) << 128n) |
          (dv.getBigUint64(o + 16) << 64n) | dv.getBigUint64(o + 24);
        break;
      }
      case 0x52: {
        const off = stack[sp - 1];
        if (off > OFF_MAX) return ${S_OOG};
        const o = Number(off);
        ${expand}
        const v = stack[sp - 2];
        sp -= 2;
        dv.setBigUint64(o, v >> 192n);
        dv.setBigUint64(o + 8, v >> 128n);
        dv.setBigUint64(o + 16, v >> 64n);
        dv.setBigUint64(o + 24, v);
        break;
      }
      case 0x56: {
        const d = stack[--sp];
        if (d > 0xffffffffn) return ${S_JUMP};
        const t = Number(d);
        if (t >= jumpdest.length || jumpdest[t] === 0) return ${S_JUMP};
        pc = t << 1;
        break;
      }
      case 0x57: {
        const d = stack[sp - 1];
        const c = stack[sp - 2];
        sp -= 2;
        if (c !== 0n) {
          if (d > 0xffffffffn) return ${S_JUMP};
          const t = Number(d);
          if (t >= jumpdest.length || jumpdest[t] === 0) return ${S_JUMP};
          pc = t << 1;
        }
        break;
      }
      case 0x5b: break;
      case 0x60: stack[sp++] = consts[code[pc - 1]]; break;
      case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87:
      case 0x88: case 0x89: case 0x8a: case 0x8b: case 0x8c: case 0x8d: case 0x8e: case 0x8f:
        stack[sp] = stack[sp - (op - 0x7f)];
        sp++;
        break;
      case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97:
      case 0x98: case 0x99: case 0x9a: case 0x9b: case 0x9c: case 0x9d: case 0x9e: case 0x9f: {
        const j = sp - 1 - (op - 0x8f);
        const t = stack[sp - 1];
        stack[sp - 1] = stack[j];
        stack[j] = t;
        break;
      }
      case 0xfd: return ${S_REVERT};
      default: return ${S_INVALID};
    }
  }
};`;
  return new Function('GAS', 'GASB', 'MINSP', 'MAXSP', 'MASK', 'MOD', 'OFF_MAX', src)(
    GAS,
    GASB,
    MINSP,
    MAXSP,
    MASK,
    MOD,
    BigInt(OFF_LIMIT),
  );
}

// ---------------------------------------------------------------- B: 8×32 limbs in a Uint32Array stack

// 256×256 -> low 256 bits. a: eight 32-bit limbs, b: sixteen 16-bit digits; 72 products
// < 2^48 summed per 16-bit column (< 2^51, exact in a double), then two parallel
// carry-splitting passes and one short int32 carry pass. Generated straight-line code.
// (A first version split with Math.floor and kept the final carry chain in doubles: 95 ns
// instead of 50 ns per call; see the notes' pitfall 4.)
// With bDigits = 4 the caller guarantees b < 2^64 and only b's low four digits are used.
function makeMul256(bDigits) {
  const L = [];
  for (let i = 0; i < 8; i++) L.push(`const a${i} = S[a + ${i}];`);
  for (let j = 0; j < bDigits / 2; j++) {
    L.push(
      `const b${j} = S[b + ${j}]; const d${2 * j} = b${j} & 0xffff; const d${2 * j + 1} = b${j} >>> 16;`,
    );
  }
  for (let p = 0; p < 16; p++) {
    const t = [];
    for (let i = 0; i < 8; i++) {
      const j = p - 2 * i;
      if (j >= 0 && j < bDigits) t.push(`a${i} * d${j}`);
    }
    L.push(`const c${p} = ${t.length ? t.join(' + ') : '0'};`);
  }
  // split every column at once (not a carry chain): the low 16 bits via ToInt32, which is exact
  // below 2^53, the rest by an exact subtraction and scaling; twice, then the sums fit int32
  for (let p = 0; p < 16; p++) {
    L.push(`const l${p} = c${p} & 0xffff; const h${p} = (c${p} - l${p}) * ${2 ** -16};`);
    L.push(`const e${p} = l${p}${p ? ` + h${p - 1}` : ''};`);
  }
  for (let p = 0; p < 16; p++) {
    L.push(`const m${p} = e${p} & 0xffff; const g${p} = (e${p} - m${p}) * ${2 ** -16};`);
    L.push(`const f${p} = (m${p}${p ? ` + g${p - 1}` : ''}) | 0;`);
  }
  L.push('let t = f0;');
  for (let p = 0; p < 16; p++) {
    L.push(`const r${p} = t & 0xffff;`);
    if (p < 15) L.push(`t = (t >>> 16) + f${p + 1};`);
  }
  for (let k = 0; k < 8; k++) L.push(`S[r + ${k}] = r${2 * k} | (r${2 * k + 1} << 16);`);
  return new Function('S', 'a', 'b', 'r', L.join('\n'));
}
const mul256 = makeMul256(16);
const mul256x64 = makeMul256(4); // b < 2^64: 30 products

function zero8(S, v) {
  S[v] = 0;
  S[v + 1] = 0;
  S[v + 2] = 0;
  S[v + 3] = 0;
  S[v + 4] = 0;
  S[v + 5] = 0;
  S[v + 6] = 0;
  S[v + 7] = 0;
}

function setSmall(S, v, x) {
  S[v] = x;
  S[v + 1] = 0;
  S[v + 2] = 0;
  S[v + 3] = 0;
  S[v + 4] = 0;
  S[v + 5] = 0;
  S[v + 6] = 0;
  S[v + 7] = 0;
}

function high7(S, v) {
  return S[v + 1] | S[v + 2] | S[v + 3] | S[v + 4] | S[v + 5] | S[v + 6] | S[v + 7];
}

function shl256(S, v, sh) {
  const w = sh >>> 5;
  const bits = sh & 31;
  if (bits === 0) {
    for (let k = 7; k >= w; k--) S[v + k] = S[v + k - w];
  } else {
    for (let k = 7; k > w; k--) S[v + k] = (S[v + k - w] << bits) | (S[v + k - w - 1] >>> (32 - bits));
    S[v + w] = S[v] << bits;
  }
  for (let k = w - 1; k >= 0; k--) S[v + k] = 0;
}

function shr256(S, v, sh) {
  const w = sh >>> 5;
  const bits = sh & 31;
  if (bits === 0) {
    for (let k = 0; k + w < 8; k++) S[v + k] = S[v + k + w];
  } else {
    for (let k = 0; k + w < 7; k++) S[v + k] = (S[v + k + w] >>> bits) | (S[v + k + w + 1] << (32 - bits));
    S[v + 7 - w] = S[v + 7] >>> bits;
  }
  for (let k = 8 - w; k < 8; k++) S[v + k] = 0;
}

// a / b into b's slot. Divisor < 2^32: native short division over 16-bit halves
// (t < 2^48 stays exact; the float quotient is corrected by at most one).
// Otherwise through BigInt, reading and writing the slots as 4×64 via a BigUint64Array view.
function div256(S, V, a, b) {
  if (high7(S, b) === 0) {
    const d = S[b];
    if (d === 0) {
      zero8(S, b);
      return;
    }
    let r = 0;
    for (let k = 7; k >= 0; k--) {
      const limb = S[a + k];
      let t = r * 65536 + (limb >>> 16);
      let qh = Math.floor(t / d);
      r = t - qh * d;
      if (r < 0) {
        qh--;
        r += d;
      } else if (r >= d) {
        qh++;
        r -= d;
      }
      t = r * 65536 + (limb & 0xffff);
      let ql = Math.floor(t / d);
      r = t - ql * d;
      if (r < 0) {
        ql--;
        r += d;
      } else if (r >= d) {
        ql++;
        r -= d;
      }
      S[b + k] = qh * 65536 + ql;
    }
    return;
  }
  const ai = a >>> 1;
  const bi = b >>> 1;
  const x = V[ai] | (V[ai + 1] << 64n) | (V[ai + 2] << 128n) | (V[ai + 3] << 192n);
  const y = V[bi] | (V[bi + 1] << 64n) | (V[bi + 2] << 128n) | (V[bi + 3] << 192n);
  const q = x / y;
  V[bi] = q;
  V[bi + 1] = q >> 64n;
  V[bi + 2] = q >> 128n;
  V[bi + 3] = q >> 192n;
}

const u8 = (f) => Array.from({ length: 8 }, (_, k) => f(k)).join('\n');

// moves: 32 -> PUSH/DUP/SWAP copy eight 32-bit limbs; 64 -> they copy four 64-bit halves through a
// BigUint64Array view of the same buffer (V8 keeps those BigInt64 loads/stores unboxed: no allocation).
function makeLimbInterp({ moves }) {
  const m64 = moves === 64;
  const expand = `if (o + 32 > msize) {
          const w = (o + 63) >>> 5;
          const c = 3 * w + ((w * w) >>> 9);
          gas -= c - memCost;
          if (gas < 0) return ${S_OOG};
          memCost = c;
          msize = w << 5;
        }`;
  const push = m64
    ? `const c = code[pc - 1] << 2; const d = sp << 2; sp++;
        ${Array.from({ length: 4 }, (_, k) => `V[d + ${k}] = C64[c + ${k}];`).join(' ')}`
    : `const c = code[pc - 1] << 3; const d = sp << 3; sp++;
        ${u8((k) => `S[d + ${k}] = C[c + ${k}];`)}`;
  const dup = m64
    ? `const s = (sp - (op - 0x7f)) << 2; const d = sp << 2; sp++;
        ${Array.from({ length: 4 }, (_, k) => `V[d + ${k}] = V[s + ${k}];`).join(' ')}`
    : `const s = (sp - (op - 0x7f)) << 3; const d = sp << 3; sp++;
        ${u8((k) => `S[d + ${k}] = S[s + ${k}];`)}`;
  const swap = m64
    ? `const t = (sp - 1) << 2; const u = (sp - 1 - (op - 0x8f)) << 2; let x;
        ${Array.from({ length: 4 }, (_, k) => `x = V[t + ${k}]; V[t + ${k}] = V[u + ${k}]; V[u + ${k}] = x;`).join('\n')}`
    : `const t = (sp - 1) << 3; const u = (sp - 1 - (op - 0x8f)) << 3; let x;
        ${u8((k) => `x = S[t + ${k}]; S[t + ${k}] = S[u + ${k}]; S[u + ${k}] = x;`)}`;
  const range = (from, to) =>
    Array.from({ length: to - from + 1 }, (_, i) => `case 0x${(from + i).toString(16)}:`).join(' ');
  const src = `
return function runLimb(code, C, C64, jumpdest, S, V, dv, gasLimit, res) {
  let pc = 0;
  let sp = 0;
  let msize = 0;
  let memCost = 0;
  let gas = gasLimit;
  for (;;) {
    const op = code[pc];
    pc += 2;
    gas -= GAS[op];
    if (gas < 0) return ${S_OOG};
    if (sp < MINSP[op] || sp > MAXSP[op]) return ${S_STACK};
    switch (op) {
      case 0x00:
        res[0] = gas;
        return sp;
      case 0x01: { // ADD: a (top) + b -> b's slot; carries compared on the float sum
        const a = (sp - 1) << 3; const b = a - 8; sp--;
        let s = S[a] + S[b]; S[b] = s; let c = s > 0xffffffff ? 1 : 0;
        ${Array.from({ length: 6 }, (_, i) => `s = S[a + ${i + 1}] + S[b + ${i + 1}] + c; S[b + ${i + 1}] = s; c = s > 0xffffffff ? 1 : 0;`).join('\n        ')}
        S[b + 7] = S[a + 7] + S[b + 7] + c;
        break;
      }
      case 0x02: { // MUL: shorter product when one operand < 2^64
        const a = (sp - 1) << 3; const b = a - 8; sp--;
        if ((S[b + 2] | S[b + 3] | S[b + 4] | S[b + 5] | S[b + 6] | S[b + 7]) === 0) mul256x64(S, a, b, b);
        else if ((S[a + 2] | S[a + 3] | S[a + 4] | S[a + 5] | S[a + 6] | S[a + 7]) === 0) mul256x64(S, b, a, b);
        else mul256(S, a, b, b);
        break;
      }
      case 0x03: { // SUB: a - b
        const a = (sp - 1) << 3; const b = a - 8; sp--;
        let s = S[a] - S[b]; S[b] = s; let c = s < 0 ? 1 : 0;
        ${Array.from({ length: 6 }, (_, i) => `s = S[a + ${i + 1}] - S[b + ${i + 1}] - c; S[b + ${i + 1}] = s; c = s < 0 ? 1 : 0;`).join('\n        ')}
        S[b + 7] = S[a + 7] - S[b + 7] - c;
        break;
      }
      case 0x04: { const a = (sp - 1) << 3; sp--; div256(S, V, a, a - 8); break; }
      case 0x10: case 0x11: { // LT: a < b, GT: a > b
        const a = (sp - 1) << 3; const b = a - 8; sp--;
        let r = 0;
        for (let k = 7; k >= 0; k--) {
          const x = S[a + k]; const y = S[b + k];
          if (x !== y) { r = (op === 0x10 ? x < y : x > y) ? 1 : 0; break; }
        }
        setSmall(S, b, r);
        break;
      }
      case 0x14: {
        const a = (sp - 1) << 3; const b = a - 8; sp--;
        const d = ${Array.from({ length: 8 }, (_, k) => `(S[a + ${k}] ^ S[b + ${k}])`).join(' | ')};
        setSmall(S, b, d === 0 ? 1 : 0);
        break;
      }
      case 0x15: { const a = (sp - 1) << 3; setSmall(S, a, (S[a] | high7(S, a)) === 0 ? 1 : 0); break; }
      case 0x16: { const a = (sp - 1) << 3; const b = a - 8; sp--; ${u8((k) => `S[b + ${k}] &= S[a + ${k}];`)} break; }
      case 0x17: { const a = (sp - 1) << 3; const b = a - 8; sp--; ${u8((k) => `S[b + ${k}] |= S[a + ${k}];`)} break; }
      case 0x18: { const a = (sp - 1) << 3; const b = a - 8; sp--; ${u8((k) => `S[b + ${k}] ^= S[a + ${k}];`)} break; }
      case 0x19: { const a = (sp - 1) << 3; ${u8((k) => `S[a + ${k}] = ~S[a + ${k}];`)} break; }
      case 0x1b: case 0x1c: {
        const s = (sp - 1) << 3; const v = s - 8; sp--;
        if (high7(S, s) !== 0 || S[s] >= 256) zero8(S, v);
        else if (op === 0x1b) shl256(S, v, S[s]);
        else shr256(S, v, S[s]);
        break;
      }
      case 0x50: sp--; break;
      case 0x51: {
        const a = (sp - 1) << 3;
        if (high7(S, a) !== 0 || S[a] > ${OFF_LIMIT}) return ${S_OOG};
        const o = S[a];
        ${expand}
        ${u8((k) => `S[a + ${k}] = dv.getUint32(o + ${28 - 4 * k});`)}
        break;
      }
      case 0x52: {
        const a = (sp - 1) << 3; const v = a - 8; sp -= 2;
        if (high7(S, a) !== 0 || S[a] > ${OFF_LIMIT}) return ${S_OOG};
        const o = S[a];
        ${expand}
        ${u8((k) => `dv.setUint32(o + ${28 - 4 * k}, S[v + ${k}]);`)}
        break;
      }
      case 0x56: {
        const d = (sp - 1) << 3; sp--;
        if (high7(S, d) !== 0) return ${S_JUMP};
        const t = S[d];
        if (t >= jumpdest.length || jumpdest[t] === 0) return ${S_JUMP};
        pc = t << 1;
        break;
      }
      case 0x57: {
        const d = (sp - 1) << 3; const c = d - 8; sp -= 2;
        if ((S[c] | high7(S, c)) !== 0) {
          if (high7(S, d) !== 0) return ${S_JUMP};
          const t = S[d];
          if (t >= jumpdest.length || jumpdest[t] === 0) return ${S_JUMP};
          pc = t << 1;
        }
        break;
      }
      case 0x5b: break;
      case 0x60: { ${push} break; }
      ${range(0x80, 0x8f)} { ${dup} break; }
      ${range(0x90, 0x9f)} { ${swap} break; }
      case 0xfd: return ${S_REVERT};
      default: return ${S_INVALID};
    }
  }
};`;
  return new Function(
    'GAS',
    'MINSP',
    'MAXSP',
    'high7',
    'zero8',
    'setSmall',
    'mul256',
    'mul256x64',
    'div256',
    'shl256',
    'shr256',
    src,
  )(GAS, MINSP, MAXSP, high7, zero8, setSmall, mul256, mul256x64, div256, shl256, shr256);
}

// ---------------------------------------------------------------- engines (variant wrappers)

function bigEngine(id, label, norm, gasMode = 'number') {
  const fn = makeBigInterp({ norm, gas: gasMode });
  const stack = new Array(STACK_LIMIT).fill(0n);
  const mem = new Uint8Array(MEM_CAP);
  const dv = new DataView(mem.buffer);
  const res = new Float64Array(2);
  const cell = { gas: 0 }; // gasMode 'field': the counter lives on an object, as in ExecutionContext
  let sp = 0;
  return {
    id,
    label,
    run(prog, gasLimit) {
      mem.fill(0);
      cell.gas = gasLimit;
      const g = gasMode === 'bigint' ? BigInt(gasLimit) : gasMode === 'field' ? cell : gasLimit;
      sp = fn(prog.code, prog.consts, prog.jumpdest, stack, dv, g, res);
      return sp;
    },
    result(gasLimit) {
      return { gasUsed: sp >= 0 ? gasLimit - res[0] : -1, stack: sp >= 0 ? stack.slice(0, sp) : [] };
    },
  };
}

function limbEngine(id, label, moves) {
  const fn = makeLimbInterp({ moves });
  const S = new Uint32Array(STACK_LIMIT * 8);
  const V = new BigUint64Array(S.buffer);
  const mem = new Uint8Array(MEM_CAP);
  const dv = new DataView(mem.buffer);
  const res = new Float64Array(1);
  let sp = 0;
  return {
    id,
    label,
    run(prog, gasLimit) {
      mem.fill(0);
      sp = fn(prog.code, prog.constsL, prog.constsL64, prog.jumpdest, S, V, dv, gasLimit, res);
      return sp;
    },
    result(gasLimit) {
      const stack = [];
      for (let i = 0; i < Math.max(0, sp); i++) {
        let v = 0n;
        for (let k = 7; k >= 0; k--) v = (v << 32n) | BigInt(S[8 * i + k]);
        stack.push(v);
      }
      return { gasUsed: sp >= 0 ? gasLimit - res[0] : -1, stack };
    },
  };
}

function sameOutcome(status, got, want) {
  if (status !== want.status) return `status ${status} != ${want.status}`;
  if (status < 0) return null; // revert or exceptional halt: the status is all these programs produce
  if (got.gasUsed !== want.gasUsed) return `gas used ${got.gasUsed} != ${want.gasUsed}`;
  if (got.stack.length !== want.stack.length)
    return `stack height ${got.stack.length} != ${want.stack.length}`;
  for (let i = 0; i < got.stack.length; i++) {
    if (got.stack[i] !== want.stack[i])
      return `stack[${i}] 0x${got.stack[i].toString(16)} != 0x${want.stack[i].toString(16)}`;
  }
  return null;
}

// ---------------------------------------------------------------- differential self-test

function selfTest(engines) {
  const special = [
    0n,
    1n,
    2n,
    31n,
    32n,
    255n,
    256n,
    2n ** 32n - 1n,
    2n ** 32n,
    2n ** 64n - 1n,
    2n ** 64n,
    2n ** 255n,
    MASK - 1n,
    MASK,
  ];
  const pick = () => {
    const r = rand32() % 10;
    if (r < 3) return special[rand32() % special.length];
    if (r < 4) return BigInt(rand32() % 300);
    return randWord(1 + (rand32() % 256));
  };
  const binary = ['ADD', 'SUB', 'MUL', 'DIV', 'LT', 'GT', 'EQ', 'AND', 'OR', 'XOR', 'SHL', 'SHR'];
  const unary = ['ISZERO', 'NOT'];
  const programs = [];
  for (let c = 0; c < 400; c++) {
    for (const op of binary) programs.push([['PUSH', pick()], ['PUSH', pick()], op]);
    for (const op of unary) programs.push([['PUSH', pick()], op]);
    programs.push([['PUSH', pick()], ['PUSH', pick()], 'DIV']); // divisor often small
    const o1 = BigInt(rand32() % 200);
    const o2 = BigInt(rand32() % 240);
    programs.push([['PUSH', pick()], ['PUSH', o1], 'MSTORE', ['PUSH', o2], 'MLOAD', ['PUSH', o1], 'MLOAD']);
    // a divisor < 2^32 against full-width dividends
    programs.push([['PUSH', BigInt(1 + (rand32() % 0xffffffff))], ['PUSH', randWord()], 'DIV']);
  }
  // error paths
  programs.push(
    ['ADD'],
    [['PUSH', 5n], 'JUMP'],
    [['PUSH', 1n], ['PUSH', 2n ** 40n], 'JUMPI'],
    [['PUSH', MASK], 'MLOAD'],
  );
  programs.push([['PUSH', 0n], ['PUSH', 0n], 'REVERT'], [['PUSH', 0n], ['PUSH', 3n], 'JUMPI', 'DUP1']);
  let cases = 0;
  for (const items of programs) {
    const prog = assemble(items);
    const want = refRun(prog, GAS_LIMIT);
    for (const e of engines) {
      const status = e.run(prog, GAS_LIMIT);
      const why = sameOutcome(status, e.result(GAS_LIMIT), want);
      if (why)
        fail(
          `self-test ${e.id} on ${JSON.stringify(items, (_, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v))}: ${why}`,
        );
      cases++;
    }
  }
  return cases;
}

// ---------------------------------------------------------------- timing helpers

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeOnce(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = fn();
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  return { out, wallNs: Number(t1 - t0), cpuNs: (c1.user + c1.system) * 1000 };
}

/**
 * Runs `variants` (objects with id and runOnce() -> {wallNs, cpuNs}) for `reps` repetitions,
 * rotating their order; returns per-variant median ns/unit and median ratio to variants[0].
 * On a shared machine a repetition in which any run got less than `opts.starved` of a CPU
 * (process CPU time / wall time) is discarded and repeated, at most `reps` extra times; after
 * that, starved repetitions are kept and counted in `starvedKept`.
 */
function interleave(variants, units, reps, cpuRatios) {
  const times = variants.map(() => []);
  const ratios = variants.map(() => []);
  let discarded = 0;
  let starvedKept = 0;
  for (let r = 0, attempt = 0; r < reps; attempt++) {
    const rep = new Array(variants.length);
    let starved = false;
    const cpu = [];
    for (let k = 0; k < variants.length; k++) {
      const i = (k + attempt) % variants.length;
      const t = variants[i].runOnce();
      rep[i] = t.wallNs;
      cpu.push(t.cpuNs / t.wallNs);
      if (t.cpuNs / t.wallNs < opts.starved) starved = true;
    }
    if (starved && discarded < reps) {
      discarded++;
      continue;
    }
    if (starved) starvedKept++;
    cpuRatios.push(...cpu);
    for (let i = 0; i < variants.length; i++) {
      times[i].push(rep[i] / units);
      ratios[i].push(rep[i] / rep[0]);
    }
    r++;
  }
  return variants.map((v, i) => ({
    id: v.id,
    median: median(times[i]),
    min: Math.min(...times[i]),
    max: Math.max(...times[i]),
    ratio: median(ratios[i]),
    ratioMin: Math.min(...ratios[i]),
    ratioMax: Math.max(...ratios[i]),
    discarded,
    starvedKept,
  }));
}

// ---------------------------------------------------------------- interpreter benchmark

function benchInterpreters(engines, workloads, cpuRatios) {
  // reference check at reduced size
  const built = [];
  for (const w of workloads) {
    const small = w.build(Math.max(3, Math.floor(w.iters / 40)));
    const want = refRun(small, GAS_LIMIT);
    if (want.status < 0) fail(`${w.id}: reference run failed with status ${want.status}`);
    if (countInstructions(small) !== want.steps)
      fail(`${w.id}: instruction count differs from the reference`);
    for (const e of engines) {
      const why = sameOutcome(e.run(small, GAS_LIMIT), e.result(GAS_LIMIT), want);
      if (why) fail(`${w.id} (reduced) ${e.id} vs reference: ${why}`);
    }
    const prog = w.build(Math.max(3, Math.round(w.iters * opts.scale)));
    // expected full-size outcome: first run of the first engine, cross-checked by all others
    const status0 = engines[0].run(prog, GAS_LIMIT);
    if (status0 < 0) fail(`${w.id}: ${engines[0].id} failed with status ${status0}`);
    const want0 = { status: status0, ...engines[0].result(GAS_LIMIT) };
    built.push({ w, prog, want: want0, instr: countInstructions(prog) });
  }
  // warm-up over everything (one interpreter function serves every program)
  for (let k = 0; k < opts.warmup; k++) {
    for (const b of built) {
      for (const e of engines) {
        const why = sameOutcome(e.run(b.prog, GAS_LIMIT), e.result(GAS_LIMIT), b.want);
        if (why) fail(`${b.w.id} warm-up ${e.id}: ${why}`);
      }
    }
  }
  const rows = [];
  for (const b of built) {
    const variants = engines.map((e) => ({
      id: e.id,
      runOnce() {
        const t = timeOnce(() => e.run(b.prog, GAS_LIMIT));
        const why = sameOutcome(t.out, e.result(GAS_LIMIT), b.want);
        if (why) fail(`${b.w.id} ${e.id}: ${why}`);
        return t;
      },
    }));
    const res = interleave(variants, b.instr, opts.reps, cpuRatios);
    rows.push({ id: b.w.id, what: b.w.what, instr: b.instr, res });
  }
  return rows;
}

/** Executed-instruction count, from a separate copy of engine A that counts steps. */
let countingFn = null;
function countInstructions(prog) {
  if (!countingFn) countingFn = makeBigInterp({ norm: 'mask', gas: 'number', count: true });
  const stack = new Array(STACK_LIMIT).fill(0n);
  const dv = new DataView(new ArrayBuffer(MEM_CAP));
  const res = new Float64Array(2);
  const sp = countingFn(prog.code, prog.consts, prog.jumpdest, stack, dv, GAS_LIMIT, res);
  if (sp < 0) fail(`instruction count run failed with status ${sp}`);
  return res[1];
}

// ---------------------------------------------------------------- pitfalls (isolated operations)

function pitfallGroups() {
  const N = Math.max(1000, Math.round(1_000_000 * opts.scale));
  const KADD = MOD - 13n;
  const KMUL = randWord() | 1n;
  const POOL = Array.from({ length: 1024 }, () => randWord());
  const OFFS = Array.from({ length: 1024 }, () => BigInt(rand32() % (MEM_CAP - 64)));
  const OFF_MAX = BigInt(OFF_LIMIT);
  const offL = new Uint32Array(1024 * 8);
  OFFS.forEach((o, i) => {
    offL[8 * i] = Number(o);
  });
  const mem = new Uint8Array(MEM_CAP);
  for (let i = 0; i < MEM_CAP; i++) mem[i] = rand32() & 0xff;
  const dv = new DataView(mem.buffer);
  const SMALL = Array.from({ length: 1024 }, (_, i) => BigInt(i));
  const out = new Array(256).fill(0n);
  const outL = new Uint32Array(256 * 8);
  const foldBig = () => out.reduce((a, v) => a ^ v, 0n);
  const foldL = () => {
    let acc = 0n;
    for (let i = 0; i < 256; i++) {
      let v = 0n;
      for (let k = 7; k >= 0; k--) v = (v << 32n) | BigInt(outL[8 * i + k]);
      acc ^= v;
    }
    return acc;
  };
  const memHash = (m) => {
    let h = 0;
    for (let i = 0; i < m.length; i++) h = (Math.imul(h, 31) + m[i]) | 0;
    return h;
  };
  const memA = new Uint8Array(MEM_CAP);
  const dvA = new DataView(memA.buffer);
  const x0 = POOL[7];
  return [
    {
      id: 'ADD 256-bit, full carry (x = wrap(x + 2^256-13))',
      n: N,
      variants: {
        'asUintN(256, x)': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = BigInt.asUintN(256, x + KADD);
          return x;
        },
        'x & MASK': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = (x + KADD) & MASK;
          return x;
        },
        'r > MASK ? r - MOD : r': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) {
            const r = x + KADD;
            x = r > MASK ? r - MOD : r;
          }
          return x;
        },
        'r > MASK ? r & MASK : r': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) {
            const r = x + KADD;
            x = r > MASK ? r & MASK : r;
          }
          return x;
        },
      },
    },
    {
      id: 'ADD small values (x = wrap(x + 3))',
      n: N,
      variants: {
        'asUintN(256, x)': (n) => {
          let x = 0n;
          for (let i = 0; i < n; i++) x = BigInt.asUintN(256, x + 3n);
          return x;
        },
        'x & MASK': (n) => {
          let x = 0n;
          for (let i = 0; i < n; i++) x = (x + 3n) & MASK;
          return x;
        },
        'r > MASK ? r - MOD : r': (n) => {
          let x = 0n;
          for (let i = 0; i < n; i++) {
            const r = x + 3n;
            x = r > MASK ? r - MOD : r;
          }
          return x;
        },
        'r > MASK ? r & MASK : r': (n) => {
          let x = 0n;
          for (let i = 0; i < n; i++) {
            const r = x + 3n;
            x = r > MASK ? r & MASK : r;
          }
          return x;
        },
      },
    },
    {
      id: 'SUB with borrow out (x = wrap(x - k), k > x half the time)',
      n: N,
      variants: {
        'asUintN(256, x)': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = BigInt.asUintN(256, x - POOL[i & 1023]);
          return x;
        },
        'x & MASK': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = (x - POOL[i & 1023]) & MASK;
          return x;
        },
        'r < 0n ? r + MOD : r': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) {
            const r = x - POOL[i & 1023];
            x = r < 0n ? r + MOD : r;
          }
          return x;
        },
        'r < 0n ? r & MASK : r': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) {
            const r = x - POOL[i & 1023];
            x = r < 0n ? r & MASK : r;
          }
          return x;
        },
      },
    },
    {
      id: 'MUL 256×256 (x = wrap(x * k))',
      n: N >> 1,
      variants: {
        'asUintN(256, x)': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = BigInt.asUintN(256, x * KMUL);
          return x;
        },
        'x & MASK': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = (x * KMUL) & MASK;
          return x;
        },
      },
    },
    {
      id: 'NOT (x = NOT(x ^ pool[i]))',
      n: N,
      variants: {
        'x ^ MASK': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = x ^ POOL[i & 1023] ^ MASK;
          return x;
        },
        'asUintN(256, ~x)': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = BigInt.asUintN(256, ~(x ^ POOL[i & 1023]));
          return x;
        },
        'MASK - x': (n) => {
          let x = x0;
          for (let i = 0; i < n; i++) x = MASK - (x ^ POOL[i & 1023]);
          return x;
        },
      },
    },
    {
      id: 'memory offset word -> number, with range check (MLOAD/MSTORE/JUMP operand)',
      n: N * 4,
      variants: {
        'off > OFF_MAX (hoisted 0x..n), Number(off)': (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const off = OFFS[i & 1023];
            s += off > OFF_MAX ? -1 : Number(off);
          }
          return s;
        },
        'Number(off), then number compare': (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const o = Number(OFFS[i & 1023]);
            s += o > OFF_LIMIT ? -1 : o;
          }
          return s;
        },
        'off > BigInt(limit) per use': (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const off = OFFS[i & 1023];
            s += off > BigInt(OFF_LIMIT) ? -1 : Number(off);
          }
          return s;
        },
        'mixed compare off > limit (bigint vs number)': (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const off = OFFS[i & 1023];
            s += off > OFF_LIMIT ? -1 : Number(off);
          }
          return s;
        },
        'limbs: high 7 limbs zero, limb 0': (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const a = (i & 1023) << 3;
            s += high7(offL, a) !== 0 || offL[a] > OFF_LIMIT ? -1 : offL[a];
          }
          return s;
        },
      },
    },
    {
      id: 'number -> word push (PC, MSIZE, GAS, CALLDATASIZE...)',
      n: N * 2,
      variants: {
        'BigInt(n)': (n) => {
          for (let i = 0; i < n; i++) out[i & 255] = BigInt(i & 1023);
          return foldBig();
        },
        'cached table for n < 1024': (n) => {
          for (let i = 0; i < n; i++) {
            const v = i & 1023;
            out[i & 255] = v < 1024 ? SMALL[v] : BigInt(v);
          }
          return foldBig();
        },
        'limbs: limb 0 = n, 7 zero limbs': (n) => {
          for (let i = 0; i < n; i++) setSmall(outL, (i & 255) << 3, i & 1023);
          return foldL();
        },
      },
    },
    {
      id: 'MLOAD: 32 big-endian bytes -> word',
      n: N,
      variants: {
        '4× getBigUint64, shift/or': (n) => {
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            out[i & 255] =
              (dv.getBigUint64(o) << 192n) |
              (dv.getBigUint64(o + 8) << 128n) |
              (dv.getBigUint64(o + 16) << 64n) |
              dv.getBigUint64(o + 24);
          }
          return foldBig();
        },
        '8× BigInt(getUint32), shift/or': (n) => {
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            let v = 0n;
            for (let k = 0; k < 32; k += 4) v = (v << 32n) | BigInt(dv.getUint32(o + k));
            out[i & 255] = v;
          }
          return foldBig();
        },
        'limbs: 8× getUint32': (n) => {
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            const a = (i & 255) << 3;
            outL[a] = dv.getUint32(o + 28);
            outL[a + 1] = dv.getUint32(o + 24);
            outL[a + 2] = dv.getUint32(o + 20);
            outL[a + 3] = dv.getUint32(o + 16);
            outL[a + 4] = dv.getUint32(o + 12);
            outL[a + 5] = dv.getUint32(o + 8);
            outL[a + 6] = dv.getUint32(o + 4);
            outL[a + 7] = dv.getUint32(o);
          }
          return foldL();
        },
      },
    },
    {
      id: 'MSTORE: word -> 32 big-endian bytes',
      n: N,
      prepare: () => {
        POOL.forEach((v, i) => {
          for (let k = 0; k < 8; k++) offL[8 * i + k] = Number((v >> BigInt(32 * k)) & 0xffffffffn);
        });
      },
      variants: {
        '4× setBigUint64 (value >> 192n/128n/64n)': (n) => {
          memA.fill(0);
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            const v = POOL[i & 1023];
            dvA.setBigUint64(o, v >> 192n);
            dvA.setBigUint64(o + 8, v >> 128n);
            dvA.setBigUint64(o + 16, v >> 64n);
            dvA.setBigUint64(o + 24, v);
          }
          return memHash(memA);
        },
        '8× Number(v & 0xffffffffn), v >>= 32n (primitives writeWord)': (n) => {
          memA.fill(0);
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            let v = POOL[i & 1023];
            for (let k = 28; k >= 0; k -= 4) {
              const chunk = Number(v & 0xffffffffn);
              memA[o + k] = chunk >>> 24;
              memA[o + k + 1] = (chunk >>> 16) & 0xff;
              memA[o + k + 2] = (chunk >>> 8) & 0xff;
              memA[o + k + 3] = chunk & 0xff;
              v >>= 32n;
            }
          }
          return memHash(memA);
        },
        'limbs: 8× setUint32': (n) => {
          memA.fill(0);
          for (let i = 0; i < n; i++) {
            const o = (i * 97) & 0x7fff;
            const a = (i & 1023) << 3;
            dvA.setUint32(o + 28, offL[a]);
            dvA.setUint32(o + 24, offL[a + 1]);
            dvA.setUint32(o + 20, offL[a + 2]);
            dvA.setUint32(o + 16, offL[a + 3]);
            dvA.setUint32(o + 12, offL[a + 4]);
            dvA.setUint32(o + 8, offL[a + 5]);
            dvA.setUint32(o + 4, offL[a + 6]);
            dvA.setUint32(o, offL[a + 7]);
          }
          return memHash(memA);
        },
      },
    },
  ];
}

function benchPitfalls(cpuRatios) {
  const rows = [];
  for (const g of pitfallGroups()) {
    if (g.prepare) g.prepare();
    const entries = Object.entries(g.variants);
    let want;
    const check = (id, v) => {
      if (want === undefined) want = v;
      else if (v !== want) fail(`pitfall "${g.id}" variant "${id}" computed ${v}, expected ${want}`);
    };
    for (let k = 0; k < opts.warmup; k++) for (const [id, f] of entries) check(id, f(g.n));
    const variants = entries.map(([id, f]) => ({
      id,
      runOnce() {
        const t = timeOnce(() => f(g.n));
        check(id, t.out);
        return t;
      },
    }));
    rows.push({ id: g.id, n: g.n, res: interleave(variants, g.n, opts.reps, cpuRatios) });
  }
  return rows;
}

// ---------------------------------------------------------------- main

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const started = Date.now();
console.log(
  `word-representation: node ${process.version}, V8 ${process.versions.v8}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ` +
    `reps ${opts.reps}, warm-up ${opts.warmup}, scale ${opts.scale}, load avg ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);

const engines = [
  bigEngine('A', 'BigInt, JS Array stack, asUintN(256)', 'asUintN'),
  bigEngine('A-mask', 'BigInt, JS Array stack, & MASK', 'mask'),
  bigEngine('A-cmp', 'BigInt, JS Array stack, ADD/SUB wrap only after a compare, MUL/SHL & MASK', 'cond'),
  limbEngine('B', '8×32 limbs, Uint32Array stack, 32-bit stack moves', 32),
  limbEngine('B-mv64', 'the same, PUSH/DUP/SWAP move 4×64 bits through a BigUint64Array view', 64),
];
const cases = selfTest(engines);
console.log(`self-test: ${cases} engine runs of random single-opcode programs agree with the reference`);

const cpuRatios = [];
let workloads = makeWorkloads();
if (opts.only) workloads = workloads.filter((w) => opts.only.has(w.id));
const rows = benchInterpreters(engines, workloads, cpuRatios);

console.log(
  '\nInterpreter: ns per executed EVM instruction, median (ratio to A, median of per-repetition ratios)\n',
);
console.log(`| workload | instr/run | ${engines.map((e) => e.id).join(' | ')} |`);
console.log(`|---|---:|${engines.map(() => '---:|').join('')}`);
for (const r of rows) {
  console.log(
    `| ${r.id} | ${(r.instr / 1e6).toFixed(2)}M | ${r.res.map((x) => `${fmt(x.median)} (${x.ratio.toFixed(2)})`).join(' | ')} |`,
  );
}
const geo = engines.map((_, i) =>
  Math.exp(rows.reduce((a, r) => a + Math.log(r.res[i].ratio), 0) / rows.length),
);
console.log(`| geometric mean of ratios | | ${geo.map((g) => g.toFixed(2)).join(' | ')} |`);
console.log('\nSpread (min–max ns/instr over repetitions):');
for (const r of rows)
  console.log(`  ${r.id.padEnd(9)} ${r.res.map((x) => `${x.id} ${fmt(x.min)}–${fmt(x.max)}`).join('   ')}`);
console.log('\nEngines:');
for (const e of engines) console.log(`  ${e.id.padEnd(7)} ${e.label}`);
console.log('Workloads:');
for (const r of rows) console.log(`  ${r.id.padEnd(9)} ${r.what}`);

const gasRows = [];
let pitRows = [];
if (opts.pitfalls) {
  // gas counter: same BigInt interpreter (asUintN), fresh instances. 'local' is `let gas = gasLimit`,
  // '+local' is `let gas = +gasLimit`, 'field' is `cell.gas -= cost` on an object; 2^53-1 is what
  // decision 0002 leaves in gasLeft when a call is given 2^63-1 gas (evm-benchmarks, tandem run)
  const gasEngines = [
    { e: bigEngine('local, int32 value', '', 'asUintN'), gas: GAS_LIMIT },
    { e: bigEngine('local, 2^53-1', '', 'asUintN'), gas: 2 ** 53 - 1 },
    { e: bigEngine('+local, int32 value', '', 'asUintN', 'coerce'), gas: GAS_LIMIT },
    { e: bigEngine('+local, 2^53-1', '', 'asUintN', 'coerce'), gas: 2 ** 53 - 1 },
    { e: bigEngine('field, int32 value', '', 'asUintN', 'field'), gas: GAS_LIMIT },
    { e: bigEngine('field, 2^53-1', '', 'asUintN', 'field'), gas: 2 ** 53 - 1 },
    { e: bigEngine('BigInt local', '', 'asUintN', 'bigint'), gas: GAS_LIMIT },
  ];
  const all = makeWorkloads().filter((w) => w.id === 'P1' || w.id === 'P2-token');
  for (const w of all) {
    const prog = w.build(Math.max(3, Math.round(w.iters * opts.scale)));
    const instr = countInstructions(prog);
    const want = refRun(w.build(Math.max(3, Math.floor(w.iters / 40))), GAS_LIMIT);
    const small = w.build(Math.max(3, Math.floor(w.iters / 40)));
    let full;
    for (const { e, gas } of gasEngines) {
      const why = sameOutcome(e.run(small, gas), e.result(gas), want);
      if (why) fail(`gas variant ${e.id} on ${w.id}: ${why}`);
      const st = e.run(prog, gas);
      const got = { status: st, ...e.result(gas) };
      if (!full) full = got;
      const why2 = sameOutcome(st, got, full);
      if (why2) fail(`gas variant ${e.id} on ${w.id} (full): ${why2}`);
    }
    for (let k = 0; k < opts.warmup; k++) for (const { e, gas } of gasEngines) e.run(prog, gas);
    const variants = gasEngines.map(({ e, gas }) => ({
      id: e.id,
      runOnce() {
        const t = timeOnce(() => e.run(prog, gas));
        const why = sameOutcome(t.out, e.result(gas), full);
        if (why) fail(`gas variant ${e.id} on ${w.id}: ${why}`);
        return t;
      },
    }));
    gasRows.push({ id: w.id, instr, res: interleave(variants, instr, opts.reps, cpuRatios) });
  }
  console.log(
    '\nPitfall: gas counter representation in the BigInt interpreter (A), ns/instr (ratio to "local, int32 value")\n',
  );
  console.log(`| workload | ${gasEngines.map(({ e }) => e.id).join(' | ')} |`);
  console.log(`|---|${gasEngines.map(() => '---:|').join('')}`);
  for (const r of gasRows)
    console.log(`| ${r.id} | ${r.res.map((x) => `${fmt(x.median)} (${x.ratio.toFixed(2)})`).join(' | ')} |`);

  pitRows = benchPitfalls(cpuRatios);
  console.log(
    '\nPitfalls: isolated operations, ns per operation, median (ratio to the first row of the group)\n',
  );
  console.log('| operation | variant | ns/op | ratio |');
  console.log('|---|---|---:|---:|');
  for (const g of pitRows) {
    g.res.forEach((x, i) => {
      console.log(`| ${i === 0 ? g.id : ''} | ${x.id} | ${fmt(x.median)} | ${x.ratio.toFixed(2)} |`);
    });
  }
}

const allRes = [...rows, ...gasRows, ...pitRows].map((r) => r.res[0]);
const discarded = allRes.reduce((a, x) => a + x.discarded, 0);
const starvedKept = allRes.reduce((a, x) => a + x.starvedKept, 0);
console.log(
  `\nStarved repetitions (a run got < ${opts.starved} CPU/wall): ${discarded} discarded and repeated, ` +
    `${starvedKept} kept after the retry budget ran out (of ${allRes.length * opts.reps} kept repetitions)`,
);
const cpuMedian = median(cpuRatios);
console.log(
  `CPU/wall time over kept runs: median ${cpuMedian.toFixed(3)}, min ${Math.min(...cpuRatios).toFixed(3)} ` +
    '(above 1 in BigInt runs: parallel scavenger threads)',
);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (opts.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    opts.json,
    JSON.stringify(
      {
        node: process.version,
        v8: process.versions.v8,
        opts: { ...opts, only: opts.only && [...opts.only] },
        rows,
        gasRows,
        pitRows,
        cpuMedian,
      },
      null,
      2,
    ),
  );
}
