import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Address } from '@tandem-evm/host';
import { bytesToWord, keccak256 } from '@tandem-evm/primitives';

/** The order of secp256k1's group: r and s must be below it. */
export const SECP256K1_ORDER = secp256k1.Point.CURVE().n;

/** An address is the last 20 bytes of keccak-256 of the uncompressed public key without its 0x04 prefix. */
function addressOfPublicKey(uncompressed: Uint8Array): Address {
  return bytesToWord(keccak256(uncompressed.subarray(1)), 12, 20);
}

/** The address of a 32-byte secp256k1 private key. */
export function addressOfPrivateKey(privateKey: Uint8Array): Address {
  return addressOfPublicKey(secp256k1.getPublicKey(privateKey, false));
}

/**
 * The address whose key signed `digest` as (r, s) with recovery bit `yParity`,
 * or undefined when no key recovers (r or s out of range, a point off the curve).
 * Callers check their own rules on s (EIP-2's low s) and y parity first.
 */
export function recoverSigner(
  digest: Uint8Array,
  yParity: number,
  r: bigint,
  s: bigint,
): Address | undefined {
  try {
    const publicKey = new secp256k1.Signature(r, s, yParity).recoverPublicKey(digest).toBytes(false);
    return addressOfPublicKey(publicKey);
  } catch {
    return undefined;
  }
}

/** A deterministic (RFC 6979), low-s signature of `digest`. */
export function signDigest(
  digest: Uint8Array,
  privateKey: Uint8Array,
): { yParity: number; r: bigint; s: bigint } {
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(digest, privateKey, { prehash: false, format: 'recovered' }),
    'recovered',
  );
  return { yParity: signature.recovery!, r: signature.r, s: signature.s };
}
