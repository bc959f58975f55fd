import { bigintToMinimalBytes, bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { decodeRlp, encodeRlp, encodeRlpList, type RlpItem } from './rlp.js';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit';

// Vectors from the Ethereum RLP specification (Yellow Paper appendix B and the wiki examples).
const VECTORS: [string, RlpItem, string][] = [
  ['the string "dog"', ascii('dog'), '0x83646f67'],
  ['the list ["cat", "dog"]', [ascii('cat'), ascii('dog')], '0xc88363617483646f67'],
  ['the empty string', new Uint8Array(0), '0x80'],
  ['the empty list', [], '0xc0'],
  ['the integer 0', bigintToMinimalBytes(0n), '0x80'],
  ['the byte 0x00', new Uint8Array([0]), '0x00'],
  ['the integer 15', bigintToMinimalBytes(15n), '0x0f'],
  ['the integer 1024', bigintToMinimalBytes(1024n), '0x820400'],
  ['the byte 0x80', new Uint8Array([0x80]), '0x8180'],
  ['the set-theoretic three', [[], [[]], [[], [[]]]], '0xc7c0c1c0c3c0c1c0'],
  ['a 56-byte string (long form)', ascii(LOREM), `0xb838${bytesToHex(ascii(LOREM)).slice(2)}`],
];

describe('encodeRlp', () => {
  for (const [name, item, expected] of VECTORS) {
    it(`encodes ${name}`, () => {
      expect(bytesToHex(encodeRlp(item))).toBe(expected);
    });
  }

  it('encodes a list with a payload of 56 bytes or more in long form', () => {
    const items = Array.from({ length: 20 }, () => ascii('dog'));
    const encoded = encodeRlp(items);
    expect(encoded[0]).toBe(0xf8);
    expect(encoded[1]).toBe(80);
    expect(encoded.length).toBe(82);
  });

  it('writes multi-byte lengths big-endian', () => {
    const encoded = encodeRlp(new Uint8Array(0x1234));
    expect(bytesToHex(encoded.subarray(0, 3))).toBe('0xb91234');
    expect(encoded.length).toBe(3 + 0x1234);
  });

  it('embeds already-encoded items with encodeRlpList', () => {
    expect(bytesToHex(encodeRlpList([hexToBytes('0x83636174'), hexToBytes('0x83646f67')]))).toBe(
      '0xc88363617483646f67',
    );
  });
});

describe('decodeRlp', () => {
  for (const [name, item, encoded] of VECTORS) {
    it(`decodes ${name}`, () => {
      expect(decodeRlp(hexToBytes(encoded))).toEqual(item);
    });
  }

  it('round-trips a long nested value', () => {
    const item: RlpItem = [
      new Uint8Array(300).fill(7),
      [ascii(LOREM), [new Uint8Array(0)]],
      new Uint8Array([1]),
    ];
    expect(decodeRlp(encodeRlp(item))).toEqual(item);
  });

  it('refuses truncated input', () => {
    expect(() => decodeRlp(hexToBytes('0x83646f'))).toThrow(/runs past the input/);
    expect(() => decodeRlp(new Uint8Array(0))).toThrow(RangeError);
    expect(() => decodeRlp(hexToBytes('0xc483646f'))).toThrow(/runs past the input/);
  });

  it('refuses trailing bytes', () => {
    expect(() => decodeRlp(hexToBytes('0x83646f6700'))).toThrow(/1 trailing bytes/);
  });

  it('refuses non-canonical encodings', () => {
    expect(() => decodeRlp(hexToBytes('0x8100'))).toThrow(/must encode itself/);
    expect(() => decodeRlp(hexToBytes('0xb80161'))).toThrow(/long form/);
    expect(() => decodeRlp(hexToBytes(`0xb90038${'61'.repeat(56)}`))).toThrow(/leading zero/);
  });
});
