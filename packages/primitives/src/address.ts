import { bytesToHex, hexToBytes } from './hex.js';
import { bytesToWord, writeWord } from './word.js';

/** Parses a 20-byte hex address into its bigint form. */
export function parseAddress(hex: string, field = 'address'): bigint {
  const bytes = hexToBytes(hex, field);
  if (bytes.length !== 20) throw new TypeError(`${field} must be 20 bytes, got ${bytes.length}`);
  return bytesToWord(bytes, 0, 20);
}

/** An address as 20 bytes. */
export function addressToBytes(address: bigint): Uint8Array {
  const word = new Uint8Array(32);
  writeWord(word, 0, address);
  return word.subarray(12);
}

/** An address as lower-case `0x` hex of 40 digits. */
export function addressToHex(address: bigint): string {
  return bytesToHex(addressToBytes(address));
}
