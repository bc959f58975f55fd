import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressToHex,
  bigintToMinimalBytes,
  bytesToHex,
  bytesToWord,
  EMPTY_CODE_HASH,
  fromSigned,
  hexToBytes,
  keccak256Word,
  low32,
  MAX_WORD,
  parseAddress,
  setUint64,
  toSigned,
  wordAt,
  wordToBytes,
} from './index.js';

describe('hex', () => {
  it('round-trips bytes', () => {
    expect(bytesToHex(hexToBytes('0x00ff10Ab'))).toBe('0x00ff10ab');
    expect(hexToBytes('').length).toBe(0);
  });
  it('refuses odd length and non-hex, naming the field', () => {
    expect(() => hexToBytes('0x123', 'code')).toThrow(/code has an odd number/);
    expect(() => hexToBytes('zz', 'input')).toThrow(TypeError);
  });
});

describe('words', () => {
  it('reads big-endian with zero padding past the end', () => {
    expect(bytesToWord(hexToBytes('0102'), 0, 32)).toBe(0x0102n << 240n);
    expect(bytesToWord(hexToBytes('010203040506'), 1, 3)).toBe(0x020304n);
  });
  it('round-trips through 32 bytes', () => {
    for (const w of [0n, 1n, MAX_WORD, 0x1234567890abcdefn << 100n]) {
      expect(bytesToWord(wordToBytes(w))).toBe(w);
    }
  });
  it('reads every shape of word at any offset the same as the hex says', () => {
    // Words of 0, 1..8 and 9..32 significant bytes, and small negatives (upper 192 bits ones).
    const word = fc.oneof(
      fc.constant(0n),
      fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
      fc.bigInt({ min: 0n, max: MAX_WORD }),
      fc.bigInt({ min: MAX_WORD - (1n << 64n), max: MAX_WORD }),
    );
    fc.assert(
      fc.property(word, fc.nat(40), (w, offset) => {
        const bytes = new Uint8Array(offset + 40).fill(0xa5);
        bytes.set(wordToBytes(w), offset);
        const expected = BigInt(bytesToHex(bytes.subarray(offset, offset + 32)));
        expect(wordAt(new DataView(bytes.buffer), offset)).toBe(expected);
        expect(bytesToWord(bytes, offset)).toBe(expected);
        expect(bytesToWord(bytes.subarray(offset + 1), 0, 31)).toBe(expected & ((1n << 248n) - 1n));
      }),
    );
  });
  it('low32 is the word mod 2^32 and setUint64 writes the word mod 2^64, at every width boundary', () => {
    const boundaries = [0n, 1n, 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n];
    const word = fc.oneof(
      fc.constantFrom(...boundaries, 2n ** 64n - 1n, 2n ** 64n, 2n ** 255n, MAX_WORD),
      fc.bigInt({ min: 0n, max: MAX_WORD }),
      fc.bigInt({ min: 0n, max: 2n ** 40n }),
    );
    fc.assert(
      fc.property(word, fc.nat(8), (w, offset) => {
        expect(low32(w)).toBe(Number(w % 2n ** 32n));
        const view = new DataView(new ArrayBuffer(16));
        setUint64(view, offset, w);
        expect(view.getBigUint64(offset)).toBe(w % 2n ** 64n);
      }),
    );
  });
  it('converts two-complement', () => {
    expect(toSigned(MAX_WORD)).toBe(-1n);
    expect(fromSigned(-1n)).toBe(MAX_WORD);
    expect(toSigned(1n << 255n)).toBe(-(1n << 255n));
  });
  it('gives minimal bytes', () => {
    expect(bigintToMinimalBytes(0n).length).toBe(0);
    expect(bytesToHex(bigintToMinimalBytes(0x1234n))).toBe('0x1234');
    expect(bytesToHex(bigintToMinimalBytes(0x123n))).toBe('0x0123');
  });
});

describe('keccak and addresses', () => {
  it('hashes empty input to the empty code hash', () => {
    expect(keccak256Word(new Uint8Array(0))).toBe(EMPTY_CODE_HASH);
  });
  it('parses and prints addresses', () => {
    const a = '0x00000000000000000000000000000000000000ff';
    expect(parseAddress(a)).toBe(255n);
    expect(addressToHex(255n)).toBe(a);
    expect(() => parseAddress('0x01', 'to')).toThrow(/to must be 20 bytes/);
  });
});
