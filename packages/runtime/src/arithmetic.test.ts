// Word arithmetic both engines share; results are words in [0, 2^256), signed
// operations read them as two's complement (yellow paper, appendix H).
import { MAX_WORD, SIGN_BIT, toSigned } from '@tandem-evm/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, byte, clz, exp, sar, sdiv, signExtend, slt, smod, sub } from './index.js';

const MODULUS = MAX_WORD + 1n;
/** The word holding -n. */
const neg = (n: bigint): bigint => MODULUS - n;
const word = fc.bigInt({ min: 0n, max: MAX_WORD });

describe('add and sub', () => {
  it('wrap modulo 2^256', () => {
    expect(add(MAX_WORD, 1n)).toBe(0n);
    expect(add(MAX_WORD, MAX_WORD)).toBe(MAX_WORD - 1n);
    expect(sub(0n, 1n)).toBe(MAX_WORD);
    expect(sub(5n, 7n)).toBe(neg(2n));
  });

  it('agree with arithmetic modulo 2^256 and undo each other', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(add(a, b)).toBe((a + b) % MODULUS);
        expect(sub(add(a, b), b)).toBe(a);
      }),
    );
  });
});

describe('exp', () => {
  it('computes powers modulo 2^256', () => {
    expect(exp(2n, 255n)).toBe(SIGN_BIT);
    expect(exp(2n, 256n)).toBe(0n);
    expect(exp(3n, 0n)).toBe(1n);
    expect(exp(0n, 0n)).toBe(1n);
    expect(exp(0n, 5n)).toBe(0n);
    expect(exp(MAX_WORD, 2n)).toBe(1n); // (-1)² = 1
    expect(exp(MAX_WORD, 3n)).toBe(MAX_WORD);
    expect(exp(10n, 18n)).toBe(10n ** 18n);
  });

  it('agrees with modular exponentiation for any base and small exponent', () => {
    fc.assert(
      fc.property(word, fc.bigInt({ min: 0n, max: 300n }), (base, exponent) => {
        expect(exp(base, exponent)).toBe(base ** exponent % MODULUS);
      }),
      { numRuns: 50 },
    );
  });
});

describe('signed division', () => {
  it('sdiv rounds toward zero and gives 0 for a zero divisor', () => {
    expect(sdiv(neg(7n), 2n)).toBe(neg(3n));
    expect(sdiv(7n, neg(2n))).toBe(neg(3n));
    expect(sdiv(neg(7n), neg(2n))).toBe(3n);
    expect(sdiv(neg(7n), 0n)).toBe(0n);
  });

  it('sdiv of -2^255 by -1 overflows back to -2^255', () => {
    expect(sdiv(SIGN_BIT, MAX_WORD)).toBe(SIGN_BIT);
  });

  it('smod takes the sign of the dividend and gives 0 for a zero modulus', () => {
    expect(smod(neg(7n), 3n)).toBe(neg(1n));
    expect(smod(7n, neg(3n))).toBe(1n);
    expect(smod(neg(7n), neg(3n))).toBe(neg(1n));
    expect(smod(SIGN_BIT, MAX_WORD)).toBe(0n);
    expect(smod(5n, 0n)).toBe(0n);
  });

  it('sdiv and smod equal signed division truncated toward zero, for every mix of signs', () => {
    // Words near the sign bit and 2^64, where a shortcut for non-negative operands could go wrong.
    const edge = fc.constantFrom(0n, 1n, 2n, SIGN_BIT - 1n, SIGN_BIT, SIGN_BIT + 1n, MAX_WORD, 1n << 64n);
    const operand = fc.oneof(edge, word, fc.bigInt({ min: 0n, max: 1n << 70n }));
    const wrap = (value: bigint): bigint => ((value % MODULUS) + MODULUS) % MODULUS;
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const [x, y] = [toSigned(a), toSigned(b)];
        expect(sdiv(a, b)).toBe(y === 0n ? 0n : wrap(x / y));
        expect(smod(a, b)).toBe(y === 0n ? 0n : wrap(x % y));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('comparisons and signs', () => {
  it('slt reads words as two’s complement', () => {
    expect(slt(MAX_WORD, 0n)).toBe(true); // -1 < 0
    expect(slt(0n, MAX_WORD)).toBe(false);
    expect(slt(SIGN_BIT, SIGN_BIT - 1n)).toBe(true); // most negative < most positive
    expect(slt(neg(2n), neg(1n))).toBe(true);
    expect(slt(3n, 3n)).toBe(false);
  });

  it('slt agrees with comparing the signed values', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(slt(a, b)).toBe(toSigned(a) < toSigned(b));
      }),
    );
  });

  it('toSigned maps the upper half to negatives', () => {
    expect(toSigned(MAX_WORD)).toBe(-1n);
    expect(toSigned(SIGN_BIT)).toBe(-SIGN_BIT);
    expect(toSigned(SIGN_BIT - 1n)).toBe(SIGN_BIT - 1n);
  });
});

describe('signExtend', () => {
  it('extends the sign bit of byte i (0 = least significant)', () => {
    expect(signExtend(0n, 0xffn)).toBe(MAX_WORD);
    expect(signExtend(0n, 0x7fn)).toBe(0x7fn);
    expect(signExtend(1n, 0x8000n)).toBe(neg(0x8000n));
    expect(signExtend(0n, 0x1280n)).toBe(neg(0x80n)); // bits above byte 0 are dropped
    expect(signExtend(1n, 0xab7fffn)).toBe(0x7fffn);
  });

  it('equals the definition for values in, just out of and far from the byte’s signed range', () => {
    // The shortcut returns values already in the byte's signed range as they are; its edges are
    // 2^(8i+7) - 1 / 2^(8i+7) and the already-extended negatives just above or below.
    const index = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(index, word, fc.integer({ min: -2, max: 2 }), (i, random, step) => {
        const bits = BigInt(8 * i + 8);
        const sign = 1n << (bits - 1n);
        for (const value of [
          random,
          sign + BigInt(step),
          MODULUS - sign + BigInt(step),
          BigInt(step) & MAX_WORD,
        ]) {
          const v = value & MAX_WORD;
          const low = v & ((1n << bits) - 1n);
          const expected = low >= sign ? (MAX_WORD ^ ((1n << bits) - 1n)) | low : low;
          expect(signExtend(BigInt(i), v)).toBe(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves the value alone for byte 31 and beyond', () => {
    expect(signExtend(31n, SIGN_BIT)).toBe(SIGN_BIT);
    expect(signExtend(MAX_WORD, 0x80n)).toBe(0x80n);
  });
});

describe('byte', () => {
  it('takes byte i counted from the most significant, 0 past 31', () => {
    const value = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n;
    expect(byte(0n, value)).toBe(0x01n);
    expect(byte(31n, value)).toBe(0x20n);
    expect(byte(32n, value)).toBe(0n);
    expect(byte(MAX_WORD, value)).toBe(0n);
  });
});

describe('sar', () => {
  it('shifts in the sign bit (EIP-145)', () => {
    expect(sar(1n, neg(2n))).toBe(MAX_WORD);
    expect(sar(4n, 0xf0n)).toBe(0x0fn);
    expect(sar(255n, SIGN_BIT)).toBe(MAX_WORD);
    expect(sar(254n, SIGN_BIT)).toBe(neg(2n));
  });

  it('gives all ones or zero for shifts of 256 and more', () => {
    expect(sar(256n, SIGN_BIT)).toBe(MAX_WORD);
    expect(sar(MAX_WORD, neg(1n))).toBe(MAX_WORD);
    expect(sar(256n, SIGN_BIT - 1n)).toBe(0n);
  });
});

describe('clz (EIP-7939)', () => {
  it('counts leading zero bits, 256 for zero', () => {
    expect(clz(0n)).toBe(256n);
    expect(clz(1n)).toBe(255n);
    expect(clz(SIGN_BIT)).toBe(0n);
    expect(clz(MAX_WORD)).toBe(0n);
    expect(clz(0xffn)).toBe(248n);
    expect(clz(1n << 128n)).toBe(127n);
  });

  it('agrees with 256 minus the bit length', () => {
    const bitLength = (value: bigint): number => (value === 0n ? 0 : value.toString(2).length);
    fc.assert(
      fc.property(word, (value) => {
        expect(clz(value)).toBe(BigInt(256 - bitLength(value)));
      }),
    );
  });
});
