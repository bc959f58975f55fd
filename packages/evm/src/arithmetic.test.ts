// Arithmetic and comparison opcodes: semantics (Yellow Paper, appendix H) and gas
// (Gverylow 3, Glow 5, Gmid 8, Gexp 10 + Gexpbyte per exponent byte; EIP-160 raised
// Gexpbyte from 10 to 50 in Spurious Dragon).
import { describe, expect, it } from 'vitest';
import { run } from './test/harness.js';

const MAX = (1n << 256n) - 1n;
const MIN_SIGNED = 1n << 255n; // -2^255
const neg = (n: bigint): bigint => (1n << 256n) - n; // two's complement of -n

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** Runs `code` (which leaves one word on the stack) and returns that word; works in every revision. */
function top(code: string, revision = 'cancun'): bigint {
  const { result } = run({ code: `${code} PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`, revision });
  expect(result.status).toBe('success');
  return toWord(result.output);
}

/** `OP(a, b)` where `a` is the top of the stack (μs[0]). */
const binary = (op: string, a: bigint, b: bigint): string => `PUSH32 ${b} PUSH32 ${a} ${op}`;
const ternary = (op: string, a: bigint, b: bigint, n: bigint): string =>
  `PUSH32 ${n} PUSH32 ${b} PUSH32 ${a} ${op}`;

describe('ADD, SUB, MUL wrap modulo 2^256', () => {
  it.each([
    ['ADD', MAX, 1n, 0n],
    ['ADD', MAX, MAX, MAX - 1n],
    ['SUB', 0n, 1n, MAX],
    ['SUB', 5n, 3n, 2n],
    ['MUL', MIN_SIGNED, 2n, 0n],
    ['MUL', MAX, MAX, 1n],
    ['MUL', 1n << 128n, 1n << 127n, MIN_SIGNED],
  ])('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(top(binary(op, a, b))).toBe(expected);
  });
});

describe('DIV, SDIV, MOD, SMOD', () => {
  it.each([
    ['DIV', 7n, 2n, 3n],
    ['DIV', 7n, 0n, 0n],
    ['DIV', MAX, MAX, 1n],
    ['MOD', 7n, 0n, 0n],
    ['MOD', MAX, 10n, MAX % 10n],
    // SDIV rounds toward zero; the sign of SMOD follows the dividend.
    ['SDIV', neg(7n), 2n, neg(3n)],
    ['SDIV', 7n, neg(2n), neg(3n)],
    ['SDIV', neg(1n), 2n, 0n],
    ['SDIV', neg(7n), neg(2n), 3n],
    ['SDIV', 5n, 0n, 0n],
    ['SMOD', neg(7n), 2n, neg(1n)],
    ['SMOD', 7n, neg(2n), 1n],
    ['SMOD', neg(7n), neg(2n), neg(1n)],
    ['SMOD', neg(5n), 0n, 0n],
  ])('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(top(binary(op, a, b))).toBe(expected);
  });

  it('SDIV(-2^255, -1) overflows to -2^255 (Yellow Paper: the one case that does not fit)', () => {
    expect(top(binary('SDIV', MIN_SIGNED, MAX))).toBe(MIN_SIGNED);
    expect(top(binary('SDIV', MIN_SIGNED, MAX), 'frontier')).toBe(MIN_SIGNED);
  });

  it('SMOD(-2^255, -1) is 0', () => {
    expect(top(binary('SMOD', MIN_SIGNED, MAX))).toBe(0n);
  });

  it('SDIV(-2^255, 1) is -2^255 and SDIV(-2^255, -2^255) is 1', () => {
    expect(top(binary('SDIV', MIN_SIGNED, 1n))).toBe(MIN_SIGNED);
    expect(top(binary('SDIV', MIN_SIGNED, MIN_SIGNED))).toBe(1n);
  });
});

describe('ADDMOD and MULMOD compute without the 2^256 wrap', () => {
  it('ADDMOD(MAX, MAX, MAX-1) is 2, not (2^256-2) mod (MAX-1) = 0', () => {
    expect(top(ternary('ADDMOD', MAX, MAX, MAX - 1n))).toBe(2n);
  });
  it('ADDMOD(MAX, 2, 2) is 1', () => {
    expect(top(ternary('ADDMOD', MAX, 2n, 2n))).toBe(1n);
  });
  it('MULMOD(MAX, MAX, 12) uses the 512-bit product', () => {
    expect(top(ternary('MULMOD', MAX, MAX, 12n))).toBe((MAX * MAX) % 12n);
  });
  it('MULMOD(2^255, 2^255, 2^256-1) uses the 512-bit product', () => {
    expect(top(ternary('MULMOD', MIN_SIGNED, MIN_SIGNED, MAX))).toBe((MIN_SIGNED * MIN_SIGNED) % MAX);
  });
  it('a zero modulus gives 0', () => {
    expect(top(ternary('ADDMOD', 5n, 6n, 0n))).toBe(0n);
    expect(top(ternary('MULMOD', 5n, 6n, 0n))).toBe(0n);
  });
});

describe('EXP', () => {
  it.each([
    [2n, 255n, MIN_SIGNED],
    [2n, 256n, 0n],
    [3n, 3n, 27n],
    [0n, 0n, 1n],
    [MAX, 0n, 1n],
    [MAX, 2n, 1n],
    [MAX, 3n, MAX],
    [0n, 5n, 0n],
    [3n, MAX, modPow(3n, MAX)],
    [2n, 1n << 64n, 0n],
    [3n, 1n << 64n, modPow(3n, 1n << 64n)],
    [1n << 64n, 4n, 0n],
    [(1n << 64n) + 1n, 2n, (1n << 128n) + (1n << 65n) + 1n],
  ])('EXP(%s, %s) = %s', (base, exponent, expected) => {
    expect(top(binary('EXP', base, exponent))).toBe(expected);
  });

  // Gas of `PUSH32 e PUSH32 2 EXP STOP`: 3 + 3 + 10 + Gexpbyte * (bytes of e).
  const cases: [bigint, number][] = [
    [0n, 0],
    [1n, 1],
    [0xffn, 1],
    [0x100n, 2],
    [0xffffffn, 3],
    [1n << 64n, 9],
    [MIN_SIGNED, 32],
    [MAX, 32],
  ];
  for (const [revision, perByte] of [
    ['frontier', 10],
    ['homestead', 10],
    ['tangerine-whistle', 10],
    ['spurious-dragon', 50],
    ['istanbul', 50],
    ['cancun', 50],
  ] as const) {
    it.each(cases)(
      `${revision}: gas of EXP with exponent %s is 10 + ${perByte} per byte (%s bytes)`,
      (e, bytes) => {
        const { result, gasUsed } = run({ code: `PUSH32 ${e} PUSH32 2 EXP STOP`, revision });
        expect(result.status).toBe('success');
        expect(gasUsed).toBe(BigInt(3 + 3 + 10 + perByte * bytes));
      },
    );
  }

  it('EXP runs out of gas exactly when the per-byte cost does not fit', () => {
    // 3 + 3 + 10 + 50 * 32 = 1616.
    expect(
      run({ code: `PUSH32 ${MAX} PUSH1 2 EXP STOP`, revision: 'cancun', gas: 1616n }).result.status,
    ).toBe('success');
    const short = run({ code: `PUSH32 ${MAX} PUSH1 2 EXP STOP`, revision: 'cancun', gas: 1615n });
    expect(short.result.status).toBe('out-of-gas');
    expect(short.gasUsed).toBe(1615n);
  });
});

function modPow(base: bigint, exponent: bigint): bigint {
  const modulus = 1n << 256n;
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

describe('SIGNEXTEND', () => {
  it.each([
    [0n, 0xffn, MAX],
    [0n, 0x7fn, 0x7fn],
    [0n, 0x17fn, 0x7fn],
    [0n, 0x180n, MAX - 0x7fn],
    [1n, 0x8000n, MAX - 0x7fffn],
    [1n, 0x12347fffn, 0x7fffn],
    [30n, 1n << 247n, MAX ^ ((1n << 247n) - 1n)],
    [30n, (1n << 247n) - 1n, (1n << 247n) - 1n],
    [30n, MIN_SIGNED | 5n, 5n],
  ])('SIGNEXTEND(%s, %s) = %s', (b, x, expected) => {
    expect(top(binary('SIGNEXTEND', b, x))).toBe(expected);
  });

  it.each([31n, 32n, 33n, 255n, 256n, 1n << 64n, (1n << 64n) + 1n, MIN_SIGNED, MAX])(
    'byte index %s ≥ 31 leaves the value unchanged',
    (b) => {
      for (const x of [0x80n, 0xffn, MIN_SIGNED | 0x80n, MAX, 0n]) {
        expect(top(binary('SIGNEXTEND', b, x))).toBe(x);
      }
    },
  );
});

describe('comparisons', () => {
  it.each([
    ['LT', 1n, 2n, 1n],
    ['LT', 2n, 1n, 0n],
    ['LT', 2n, 2n, 0n],
    ['LT', 0n, MAX, 1n],
    ['GT', MAX, 0n, 1n],
    ['GT', 1n, 1n, 0n],
    ['SLT', MAX, 0n, 1n],
    ['SLT', 0n, MAX, 0n],
    ['SLT', MIN_SIGNED, MIN_SIGNED - 1n, 1n],
    ['SGT', 0n, MAX, 1n],
    ['SGT', MIN_SIGNED - 1n, MIN_SIGNED, 1n],
    ['SGT', MAX, MAX, 0n],
    ['EQ', MAX, MAX, 1n],
    ['EQ', MAX, MAX - 1n, 0n],
  ])('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(top(binary(op, a, b))).toBe(expected);
  });

  it('ISZERO', () => {
    expect(top('PUSH1 0 ISZERO')).toBe(1n);
    expect(top(`PUSH32 ${MIN_SIGNED} ISZERO`)).toBe(0n);
  });
  it.each([64n, 128n, 192n])('values whose low 64 bits are zero (2^%s) compare by all 256 bits', (bit) => {
    const x = 1n << bit;
    expect(top(`PUSH32 ${x} ISZERO`)).toBe(0n);
    expect(top(binary('EQ', x, 0n))).toBe(0n);
    expect(top(binary('LT', x, 1n))).toBe(0n);
    expect(top(binary('GT', x, (1n << 64n) - 1n))).toBe(1n);
    expect(top(binary('SLT', x, 1n))).toBe(0n);
  });
});

describe('static gas of arithmetic and comparison opcodes', () => {
  const table: [string, number, number][] = [
    ['ADD', 2, 3],
    ['MUL', 2, 5],
    ['SUB', 2, 3],
    ['DIV', 2, 5],
    ['SDIV', 2, 5],
    ['MOD', 2, 5],
    ['SMOD', 2, 5],
    ['ADDMOD', 3, 8],
    ['MULMOD', 3, 8],
    ['SIGNEXTEND', 2, 5],
    ['LT', 2, 3],
    ['GT', 2, 3],
    ['SLT', 2, 3],
    ['SGT', 2, 3],
    ['EQ', 2, 3],
    ['ISZERO', 1, 3],
  ];
  for (const revision of ['frontier', 'berlin', 'cancun']) {
    it.each(table)(`${revision}: %s with %s operands costs %s`, (op, operands, gas) => {
      const { result, gasUsed } = run({ code: `${'PUSH1 7 '.repeat(operands)}${op} STOP`, revision });
      expect(result.status).toBe('success');
      expect(gasUsed).toBe(BigInt(3 * operands + gas));
    });
  }

  it('an instruction that cannot pay its static gas is out of gas and uses all gas', () => {
    const { result, gasUsed } = run({ code: 'PUSH1 1 PUSH1 2 PUSH1 3 ADDMOD', revision: 'cancun', gas: 16n });
    expect(result.status).toBe('out-of-gas');
    expect(gasUsed).toBe(16n);
    expect(run({ code: 'PUSH1 1 PUSH1 2 PUSH1 3 ADDMOD', revision: 'cancun', gas: 17n }).result.status).toBe(
      'success',
    );
  });
});
