import { sha256 } from '@noble/hashes/sha2.js';
import { wordCount } from './input.js';

export function sha256Gas(input: Uint8Array): bigint {
  return 60n + 12n * wordCount(input.length);
}

export function runSha256(input: Uint8Array): Uint8Array {
  return sha256(input);
}
