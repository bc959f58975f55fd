import { bytesToHex, hexToBytes, keccak256Word } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT, hexPrefix, trieRoot } from './trie.js';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const rootOf = (pairs: [string, string][]): bigint =>
  trieRoot(pairs.map(([key, value]) => [ascii(key), ascii(value)]));

describe('hexPrefix', () => {
  // The examples of the Yellow Paper, appendix C.
  it('flags even and odd extension paths', () => {
    expect(bytesToHex(hexPrefix(new Uint8Array([1, 2, 3, 4, 5]), 0, 5, false))).toBe('0x112345');
    expect(bytesToHex(hexPrefix(new Uint8Array([0, 1, 2, 3, 4, 5]), 0, 6, false))).toBe('0x00012345');
  });

  it('flags even and odd leaf paths', () => {
    expect(bytesToHex(hexPrefix(new Uint8Array([0, 15, 1, 12, 11, 8]), 0, 6, true))).toBe('0x200f1cb8');
    expect(bytesToHex(hexPrefix(new Uint8Array([15, 1, 12, 11, 8]), 0, 5, true))).toBe('0x3f1cb8');
  });

  it('encodes a slice of the path', () => {
    expect(bytesToHex(hexPrefix(new Uint8Array([9, 9, 1, 2]), 2, 4, true))).toBe('0x2012');
    expect(bytesToHex(hexPrefix(new Uint8Array([9, 9]), 2, 2, false))).toBe('0x00');
  });
});

// Roots from ethereum/tests TrieTests (trieanyorder.json, trietest.json).
describe('trieRoot', () => {
  it('is keccak256(rlp("")) for no entries', () => {
    expect(EMPTY_TRIE_ROOT).toBe(keccak256Word(new Uint8Array([0x80])));
    expect(trieRoot([])).toBe(EMPTY_TRIE_ROOT);
  });

  it('hashes a single leaf', () => {
    expect(rootOf([['A', 'a'.repeat(50)]])).toBe(
      0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28abn,
    );
  });

  it('puts a key that is a prefix of another in the branch value (dogs)', () => {
    const root = rootOf([
      ['doe', 'reindeer'],
      ['dog', 'puppy'],
      ['dogglesworth', 'cat'],
    ]);
    expect(root).toBe(0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3n);
  });

  it('mixes extensions, branches and inlined nodes (puppy)', () => {
    const root = rootOf([
      ['do', 'verb'],
      ['horse', 'stallion'],
      ['doge', 'coin'],
      ['dog', 'puppy'],
    ]);
    expect(root).toBe(0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84n);
  });

  it('does not depend on the order of entries', () => {
    const root = rootOf([
      ['dog', 'puppy'],
      ['doge', 'coin'],
      ['horse', 'stallion'],
      ['do', 'verb'],
    ]);
    expect(root).toBe(0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84n);
  });

  it('matches the foo, smallValues and testy vectors', () => {
    expect(
      rootOf([
        ['foo', 'bar'],
        ['food', 'bass'],
      ]),
    ).toBe(0x17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3n);
    expect(
      rootOf([
        ['be', 'e'],
        ['dog', 'puppy'],
        ['bed', 'd'],
      ]),
    ).toBe(0x3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68bn);
    expect(
      rootOf([
        ['test', 'test'],
        ['te', 'testy'],
      ]),
    ).toBe(0x8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928n);
  });

  it('matches the hex vector with binary keys', () => {
    const root = trieRoot([
      [hexToBytes('0x0045'), hexToBytes('0x0123456789')],
      [hexToBytes('0x4500'), hexToBytes('0x9876543210')],
    ]);
    expect(root).toBe(0x285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503n);
  });

  it('treats an empty value as an absent key', () => {
    const root = rootOf([
      ['do', 'verb'],
      ['ether', ''],
      ['horse', 'stallion'],
      ['doge', 'coin'],
      ['dog', 'puppy'],
    ]);
    expect(root).toBe(0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84n);
    expect(rootOf([['only', '']])).toBe(EMPTY_TRIE_ROOT);
  });

  it('refuses a key given twice', () => {
    expect(() =>
      rootOf([
        ['dog', 'puppy'],
        ['dog', 'hound'],
      ]),
    ).toThrow(/key 0x646f67 occurs twice/);
  });
});
