import { addressToBytes } from './address.js';
import { bytesToWord } from './word.js';

/**
 * EIP-7702 delegation indicator: the code of a delegated account is
 * `0xef0100 ‖ address`, 23 bytes, and code-executing operations run the code
 * of `address` instead.
 */
export const DELEGATION_CODE_SIZE = 23;

/** The address a delegation indicator points to, or undefined when `code` is not one. */
export function delegationTarget(code: Uint8Array): bigint | undefined {
  if (code.length !== DELEGATION_CODE_SIZE || code[0] !== 0xef || code[1] !== 0x01 || code[2] !== 0x00) {
    return undefined;
  }
  return bytesToWord(code, 3, 20);
}

/** The delegation indicator `0xef0100 ‖ address`. */
export function delegationCode(address: bigint): Uint8Array {
  const code = new Uint8Array(DELEGATION_CODE_SIZE);
  code.set([0xef, 0x01, 0x00]);
  code.set(addressToBytes(address), 3);
  return code;
}
