import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToWord } from './word.js';

export function keccak256(data: Uint8Array): Uint8Array {
  return keccak_256(data);
}

/** keccak-256 of `data` as a word. */
export function keccak256Word(data: Uint8Array): bigint {
  return bytesToWord(keccak_256(data), 0, 32);
}

/** keccak-256 of empty input: the code hash of an account without code. */
export const EMPTY_CODE_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n;
