import { keccak_256 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex.js';
import { javascriptSponge, keccak256, keccak256Word, type Sponge, webAssemblySponge } from './keccak.js';
import { bytesToWord } from './word.js';

describe('keccak-256', () => {
  it('gives the known digests', () => {
    expect(bytesToHex(keccak256(new Uint8Array(0)))).toBe(
      '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
    expect(bytesToHex(keccak256(new TextEncoder().encode('abc')))).toBe(
      '0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
    );
  });

  it('agrees with @noble/hashes on random inputs, as bytes and as a word', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (data) => {
        const expected = keccak_256(data);
        expect(keccak256(data)).toEqual(expected);
        expect(keccak256Word(data)).toBe(bytesToWord(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a view into a larger buffer by the view only', () => {
    const buffer = Uint8Array.from({ length: 100 }, (_, i) => i);
    const view = buffer.subarray(10, 74);
    expect(keccak256(view)).toEqual(keccak_256(buffer.slice(10, 74)));
  });

  it('returns a digest of its own, not a view the next hash overwrites', () => {
    const first = keccak256(Uint8Array.of(1));
    keccak256(Uint8Array.of(2));
    expect(first).toEqual(keccak_256(Uint8Array.of(1)));
    expect(first.byteLength).toBe(first.buffer.byteLength);
  });
});

const webAssembly = webAssemblySponge();
const sponges: [string, Sponge][] = [['javascript', javascriptSponge()]];
if (webAssembly !== undefined) sponges.push(['webassembly', webAssembly]);

describe.each(sponges)('the %s sponge', (_name, sponge) => {
  const digest = (data: Uint8Array): Uint8Array => {
    const view = sponge(data);
    return new Uint8Array(view.buffer, view.byteOffset, 32).slice();
  };

  it('agrees with @noble/hashes on every length across block boundaries', () => {
    for (let length = 0; length <= 3 * 136 + 1; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(digest(data)).toEqual(keccak_256(data));
    }
  });

  it('hashes an input longer than its first buffer, and short ones after it', () => {
    const long = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) & 0xff);
    expect(digest(long)).toEqual(keccak_256(long));
    expect(digest(long.subarray(0, 5))).toEqual(keccak_256(long.subarray(0, 5)));
  });
});

it('compiles the WebAssembly sponge on Node', () => {
  // Node has always compiled WebAssembly; undefined here would mean the module is broken.
  expect(webAssembly).toBeDefined();
});
