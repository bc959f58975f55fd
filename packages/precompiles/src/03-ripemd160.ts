import { ripemd160 } from '@noble/hashes/legacy.js';
import { wordCount } from './input.js';

export function ripemd160Gas(input: Uint8Array): bigint {
  return 600n + 120n * wordCount(input.length);
}

/** The 20-byte digest, left-padded to a 32-byte word. */
export function runRipemd160(input: Uint8Array): Uint8Array {
  const output = new Uint8Array(32);
  output.set(ripemd160(input), 12);
  return output;
}
