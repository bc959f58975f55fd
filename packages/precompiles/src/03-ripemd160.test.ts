import { bytesToHex } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { ripemd160Gas, runRipemd160 } from './03-ripemd160.js';

/** ASCII text as bytes (the type-checked libs have no TextEncoder). */
const ascii = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe('ripemd160 (0x03)', () => {
  it('returns the digest left-padded to 32 bytes (RIPEMD-160 reference vectors)', () => {
    expect(bytesToHex(runRipemd160(new Uint8Array(0)))).toBe(
      '0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31',
    );
    expect(bytesToHex(runRipemd160(ascii('abc')))).toBe(
      '0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
    );
  });

  it('costs 600 plus 120 per started word', () => {
    expect(ripemd160Gas(new Uint8Array(0))).toBe(600n);
    expect(ripemd160Gas(new Uint8Array(32))).toBe(720n);
    expect(ripemd160Gas(new Uint8Array(33))).toBe(840n);
  });
});
