// Arithmetic, comparison and bitwise edges, run as bytecode through the
// interpreter. Operands are pushed right to left: `PUSH b PUSH a OP` computes `a OP b`.
import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { top } from './test/run.js';

const MAX = (1n << 256n) - 1n;
const MIN_SIGNED = 1n << 255n;
const hex = (value: bigint): string => `0x${value.toString(16)}`;
/** `a OP b` as assembly. */
const binary = (op: string, a: bigint, b: bigint): string => `PUSH32 ${hex(b)} PUSH32 ${hex(a)} ${op}`;

describe('arithmetic', () => {
  it.each([
    ['ADD', MAX, 1n, 0n],
    ['ADD', MAX, MAX, MAX - 1n],
    ['SUB', 0n, 1n, MAX],
    ['MUL', MAX, MAX, 1n],
    ['MUL', MIN_SIGNED, 2n, 0n],
    ['DIV', 7n, 2n, 3n],
    ['DIV', 7n, 0n, 0n],
    ['SDIV', MAX - 6n, 2n, MAX - 2n], // -7 / 2 = -3
    ['SDIV', MIN_SIGNED, MAX, MIN_SIGNED], // -2^255 / -1 overflows
    ['SDIV', 1n, 0n, 0n],
    ['MOD', 7n, 0n, 0n],
    ['MOD', 7n, 3n, 1n],
    ['SMOD', MAX - 6n, 3n, MAX], // -7 mod 3 = -1
    ['SMOD', 7n, 0n, 0n],
    ['EXP', 2n, 255n, MIN_SIGNED],
    ['EXP', 2n, 256n, 0n],
    ['EXP', 0n, 0n, 1n],
    ['SIGNEXTEND', 0n, 0x80n, MAX - 0x7fn],
    ['SIGNEXTEND', 31n, 0x80n, 0x80n],
  ] as const)('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(top(binary(op, a, b))).toBe(expected);
  });

  it('ADDMOD and MULMOD work on the full 512-bit intermediate', () => {
    expect(top(`PUSH1 7 PUSH32 ${hex(MAX)} PUSH32 ${hex(MAX)} ADDMOD`)).toBe((MAX + MAX) % 7n);
    expect(top(`PUSH1 7 PUSH32 ${hex(MAX)} PUSH32 ${hex(MAX)} MULMOD`)).toBe((MAX * MAX) % 7n);
    expect(top(`PUSH1 0 PUSH1 5 PUSH1 5 ADDMOD`)).toBe(0n);
    expect(top(`PUSH1 0 PUSH1 5 PUSH1 5 MULMOD`)).toBe(0n);
  });
});

describe('comparison and bitwise', () => {
  it.each([
    ['LT', 1n, 2n, 1n],
    ['GT', 1n, 2n, 0n],
    ['SLT', MAX, 0n, 1n], // -1 < 0
    ['SGT', MAX, 0n, 0n],
    ['SGT', 0n, MIN_SIGNED, 1n],
    ['EQ', MAX, MAX, 1n],
    ['AND', 0xf0n, 0x3cn, 0x30n],
    ['OR', 0xf0n, 0x0fn, 0xffn],
    ['XOR', MAX, 1n, MAX - 1n],
    ['BYTE', 31n, 0xabn, 0xabn],
    ['BYTE', 32n, MAX, 0n],
  ] as const)('%s(%s, %s) = %s', (op, a, b, expected) => {
    expect(top(binary(op, a, b))).toBe(expected);
  });

  it('shifts take the shift amount on top (EIP-145), and 256 or more clears or fills', () => {
    expect(top(binary('SHL', 4n, 1n))).toBe(16n);
    expect(top(binary('SHL', 256n, 1n))).toBe(0n);
    expect(top(binary('SHL', 1n, MIN_SIGNED))).toBe(0n);
    expect(top(binary('SHR', 4n, 0xf0n))).toBe(0x0fn);
    expect(top(binary('SHR', 256n, MAX))).toBe(0n);
    expect(top(binary('SAR', 4n, MAX - 0xfn))).toBe(MAX);
    expect(top(binary('SAR', 300n, MIN_SIGNED))).toBe(MAX);
    expect(top(binary('SAR', 300n, 1n))).toBe(0n);
  });

  it('NOT and ISZERO', () => {
    expect(top('PUSH0 NOT')).toBe(MAX);
    expect(top('PUSH0 ISZERO')).toBe(1n);
    expect(top(`PUSH32 ${hex(MAX)} ISZERO`)).toBe(0n);
  });

  it('CLZ counts leading zeros from Osaka (EIP-7939)', () => {
    const osaka = { revision: Revision.Osaka };
    expect(top('PUSH0 CLZ', osaka)).toBe(256n);
    expect(top('PUSH1 1 CLZ', osaka)).toBe(255n);
    expect(top(`PUSH32 ${hex(MIN_SIGNED)} CLZ`, osaka)).toBe(0n);
  });
});
