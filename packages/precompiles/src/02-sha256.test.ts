import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { runSha256, sha256Gas } from './02-sha256.js';

/** ASCII text as bytes (the type-checked libs have no TextEncoder). */
const ascii = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

describe('sha256 (0x02)', () => {
  it('hashes (FIPS 180-2 vectors)', () => {
    expect(bytesToHex(runSha256(new Uint8Array(0)))).toBe(
      '0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(bytesToHex(runSha256(ascii('abc')))).toBe(
      '0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('costs 60 plus 12 per started word', () => {
    expect(sha256Gas(new Uint8Array(0))).toBe(60n);
    expect(sha256Gas(new Uint8Array(1))).toBe(72n);
    expect(sha256Gas(new Uint8Array(32))).toBe(72n);
    expect(sha256Gas(new Uint8Array(33))).toBe(84n);
    expect(sha256Gas(hexToBytes('00'.repeat(1024)))).toBe(60n + 12n * 32n);
  });
});
