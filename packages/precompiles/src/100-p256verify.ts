import { p256 } from '@noble/curves/nist.js';
import { bytesToWord } from '@tandem-evm/primitives';
import { EMPTY_OUTPUT } from './input.js';

/** hash ‖ r ‖ s ‖ qx ‖ qy, 32 bytes each (EIP-7951). */
const INPUT_SIZE = 160;
const { Fp, Fn } = p256.Point;
const { a: A, b: B } = p256.Point.CURVE();
const VALID = (() => {
  const output = new Uint8Array(32);
  output[31] = 1;
  return output;
})();

export function p256VerifyGas(): bigint {
  return 6900n;
}

/**
 * P256VERIFY (EIP-7951, Osaka): verifies an ECDSA signature over secp256r1
 * and returns the word 1 if it is valid. Never fails: a wrong length, r or s
 * outside (0, n), a public key coordinate not below p, a key off the curve or
 * at infinity, and a signature that does not verify all give empty output
 * (the gas is charged all the same). Malleable (high) s is accepted.
 */
export function runP256Verify(input: Uint8Array): Uint8Array {
  if (input.length !== INPUT_SIZE) return EMPTY_OUTPUT;
  const hash = bytesToWord(input, 0, 32);
  const r = bytesToWord(input, 32, 32);
  const s = bytesToWord(input, 64, 32);
  const qx = bytesToWord(input, 96, 32);
  const qy = bytesToWord(input, 128, 32);
  const n = Fn.ORDER;
  if (r === 0n || r >= n || s === 0n || s >= n) return EMPTY_OUTPUT;
  if (qx >= Fp.ORDER || qy >= Fp.ORDER || (qx === 0n && qy === 0n)) return EMPTY_OUTPUT;
  if (!Fp.eql(Fp.sqr(qy), Fp.add(Fp.add(Fp.mul(Fp.sqr(qx), qx), Fp.mul(A, qx)), B))) return EMPTY_OUTPUT;
  // R' = (h·s⁻¹)·G + (r·s⁻¹)·Q; valid when R' is not infinity and R'.x ≡ r (mod n).
  const sInverse = Fn.inv(s);
  const u1 = Fn.mul(Fn.create(hash), sInverse);
  const u2 = Fn.mul(r, sInverse);
  const key = new p256.Point(qx, qy, Fp.ONE);
  const point = p256.Point.BASE.multiplyUnsafe(u1).add(key.multiplyUnsafe(u2));
  if (point.is0()) return EMPTY_OUTPUT;
  return Fn.create(point.toAffine().x) === r ? VALID : EMPTY_OUTPUT;
}
