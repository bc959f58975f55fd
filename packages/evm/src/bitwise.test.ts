// Bitwise opcodes: AND, OR, XOR, NOT, BYTE (Yellow Paper) and the EIP-145 shifts
// SHL, SHR, SAR (Constantinople), with the EIP's own test vectors.
import { describe, expect, it } from 'vitest';
import { run } from './test/harness.js';

const MAX = (1n << 256n) - 1n;
const SIGN = 1n << 255n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function top(code: string, revision = 'cancun'): bigint {
  const { result } = run({ code: `${code} PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`, revision });
  expect(result.status).toBe('success');
  return toWord(result.output);
}

/** `OP(a, b)` with `a` on top of the stack. */
const binary = (op: string, a: bigint, b: bigint): string => `PUSH32 ${b} PUSH32 ${a} ${op}`;

describe('AND, OR, XOR, NOT', () => {
  const a = 0xf0f0n | (1n << 200n);
  const b = 0xff00n | SIGN;
  it('AND', () => expect(top(binary('AND', a, b))).toBe(0xf000n));
  it('OR', () => expect(top(binary('OR', a, b))).toBe(0xfff0n | (1n << 200n) | SIGN));
  it('XOR', () => expect(top(binary('XOR', a, b))).toBe(0x0ff0n | (1n << 200n) | SIGN));
  it('NOT', () => {
    expect(top('PUSH1 0 NOT')).toBe(MAX);
    expect(top(`PUSH32 ${MAX} NOT`)).toBe(0n);
    expect(top('PUSH1 0x0f NOT')).toBe(MAX - 0x0fn);
  });
});

describe('BYTE', () => {
  const x = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fa0n;
  it.each(Array.from({ length: 32 }, (_, i) => i))(
    'BYTE(%s, x) is the byte at that index from the most significant',
    (i) => {
      expect(top(binary('BYTE', BigInt(i), x))).toBe(i === 31 ? 0xa0n : BigInt(i + 1));
    },
  );
  it.each([32n, 33n, 255n, 256n, 1n << 64n, (1n << 64n) + 31n, SIGN, MAX])(
    'an index %s ≥ 32 gives 0',
    (i) => {
      expect(top(binary('BYTE', i, MAX))).toBe(0n);
    },
  );
  it('BYTE(0, 2^255) is 0x80', () => {
    expect(top(binary('BYTE', 0n, SIGN))).toBe(0x80n);
  });
});

// EIP-145 "Test Cases", verbatim: value, shift, expected.
const V1 = 0x0000000000000000000000000000000000000000000000000000000000000001n;
const VF = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn;
const V8 = 0x8000000000000000000000000000000000000000000000000000000000000000n;
const V0 = 0n;
const V7 = 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn;
const V4 = 0x4000000000000000000000000000000000000000000000000000000000000000n;

const SHL_VECTORS: [bigint, bigint, bigint][] = [
  [V1, 0x00n, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V1, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000002n],
  [V1, 0xffn, 0x8000000000000000000000000000000000000000000000000000000000000000n],
  [V1, 0x0100n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V1, 0x0101n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [VF, 0x00n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0x01n, 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffen],
  [VF, 0xffn, 0x8000000000000000000000000000000000000000000000000000000000000000n],
  [VF, 0x0100n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V0, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V7, 0x01n, 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffen],
];
const SHR_VECTORS: [bigint, bigint, bigint][] = [
  [V1, 0x00n, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V1, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V8, 0x01n, 0x4000000000000000000000000000000000000000000000000000000000000000n],
  [V8, 0xffn, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V8, 0x0100n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V8, 0x0101n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [VF, 0x00n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0x01n, 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0xffn, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [VF, 0x0100n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V0, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
];
const SAR_VECTORS: [bigint, bigint, bigint][] = [
  [V1, 0x00n, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V1, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V8, 0x01n, 0xc000000000000000000000000000000000000000000000000000000000000000n],
  [V8, 0xffn, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [V8, 0x0100n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [V8, 0x0101n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0x00n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0x01n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0xffn, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [VF, 0x0100n, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn],
  [V0, 0x01n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V4, 0xfen, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V7, 0xf8n, 0x000000000000000000000000000000000000000000000000000000000000007fn],
  [V7, 0xfen, 0x0000000000000000000000000000000000000000000000000000000000000001n],
  [V7, 0xffn, 0x0000000000000000000000000000000000000000000000000000000000000000n],
  [V7, 0x0100n, 0x0000000000000000000000000000000000000000000000000000000000000000n],
];

describe.each(['constantinople', 'cancun'])('EIP-145 test vectors (%s)', (revision) => {
  // EIP-145: PUSH value, PUSH shift, SHx — the shift is on top.
  it.each(SHL_VECTORS)('SHL: value %s shifted by %s is %s', (value, shift, expected) => {
    expect(top(`PUSH32 ${value} PUSH32 ${shift} SHL`, revision)).toBe(expected);
  });
  it.each(SHR_VECTORS)('SHR: value %s shifted by %s is %s', (value, shift, expected) => {
    expect(top(`PUSH32 ${value} PUSH32 ${shift} SHR`, revision)).toBe(expected);
  });
  it.each(SAR_VECTORS)('SAR: value %s shifted by %s is %s', (value, shift, expected) => {
    expect(top(`PUSH32 ${value} PUSH32 ${shift} SAR`, revision)).toBe(expected);
  });
});

describe('shifts by 256 or more (EIP-145: 0, or -1 for SAR of a negative value)', () => {
  const huge = [256n, 257n, 1000n, 1n << 64n, (1n << 64n) + 1n, (1n << 128n) + 1n, SIGN, MAX];
  it.each(huge)('SHL by %s is 0', (shift) => {
    expect(top(`PUSH32 ${VF} PUSH32 ${shift} SHL`)).toBe(0n);
  });
  it.each(huge)('SHR by %s is 0', (shift) => {
    expect(top(`PUSH32 ${VF} PUSH32 ${shift} SHR`)).toBe(0n);
  });
  it.each(huge)('SAR of a negative value by %s is -1, of a positive one 0', (shift) => {
    expect(top(`PUSH32 ${SIGN | 1n} PUSH32 ${shift} SAR`)).toBe(MAX);
    expect(top(`PUSH32 ${V7} PUSH32 ${shift} SAR`)).toBe(0n);
  });
  it('SAR of negatives rounds toward minus infinity: SAR(1, -1) = -1, SAR(1, -3) = -2, SAR(4, -17) = -2', () => {
    expect(top(`PUSH32 ${MAX} PUSH1 1 SAR`)).toBe(MAX);
    expect(top(`PUSH32 ${MAX - 2n} PUSH1 1 SAR`)).toBe(MAX - 1n);
    expect(top(`PUSH32 ${(1n << 256n) - 17n} PUSH1 4 SAR`)).toBe(MAX - 1n);
  });
  it('SHL/SHR by 255 and 1 at the word boundary', () => {
    expect(top(`PUSH32 ${VF} PUSH1 255 SHR`)).toBe(1n);
    expect(top(`PUSH1 3 PUSH1 255 SHL`)).toBe(SIGN);
  });
});

describe('gas', () => {
  it.each([
    ['AND', 2],
    ['OR', 2],
    ['XOR', 2],
    ['NOT', 1],
    ['BYTE', 2],
  ])('%s costs 3 in frontier and cancun', (op, operands) => {
    for (const revision of ['frontier', 'cancun']) {
      const { result, gasUsed } = run({ code: `${'PUSH1 1 '.repeat(operands)}${op} STOP`, revision });
      expect(result.status).toBe('success');
      expect(gasUsed).toBe(BigInt(3 * operands + 3));
    }
  });
  it.each(['SHL', 'SHR', 'SAR'])('%s costs 3 (EIP-145 verylow), whatever the shift', (op) => {
    for (const revision of ['constantinople', 'cancun']) {
      const { result, gasUsed } = run({ code: `PUSH32 ${MAX} PUSH32 ${MAX} ${op} STOP`, revision });
      expect(result.status).toBe('success');
      expect(gasUsed).toBe(9n);
    }
  });
  it.each(['SHL', 'SHR', 'SAR'])('%s is undefined before Constantinople', (op) => {
    const { result, gasUsed } = run({
      code: `PUSH1 1 PUSH1 1 ${op} STOP`,
      revision: 'byzantium',
      gas: 5000n,
    });
    expect(result.status).toBe('undefined-instruction');
    expect(gasUsed).toBe(5000n);
  });
});
