import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToWord, keccak256 } from '@tandem-evm/primitives';
import { EMPTY_OUTPUT, fixedLengthInput } from './input.js';

const SECP256K1_ORDER = secp256k1.Point.CURVE().n;

export function ecrecoverGas(): bigint {
  return 3000n;
}

/**
 * Recovers the signer of `hash ‖ v ‖ r ‖ s` (128 bytes, zero-padded) as a 32-byte
 * left-padded address. A signature that does not recover is not a failure: the
 * call succeeds with empty output.
 */
export function runEcrecover(input: Uint8Array): Uint8Array {
  const padded = fixedLengthInput(input, 128);
  const v = bytesToWord(padded, 32, 32);
  const r = bytesToWord(padded, 64, 32);
  const s = bytesToWord(padded, 96, 32);
  if (v !== 27n && v !== 28n) return EMPTY_OUTPUT;
  // Unlike transactions (EIP-2), the precompile accepts any s below the order.
  if (r === 0n || r >= SECP256K1_ORDER || s === 0n || s >= SECP256K1_ORDER) return EMPTY_OUTPUT;
  let publicKey: Uint8Array;
  try {
    const signature = new secp256k1.Signature(r, s, Number(v - 27n));
    publicKey = signature.recoverPublicKey(padded.subarray(0, 32)).toBytes(false);
  } catch {
    // r is not the x of a curve point, or the recovered key is the point at infinity.
    return EMPTY_OUTPUT;
  }
  const output = new Uint8Array(32);
  // Drop the 0x04 prefix of the uncompressed key; the address is the last 20 bytes of its hash.
  output.set(keccak256(publicKey.subarray(1)).subarray(12), 12);
  return output;
}
