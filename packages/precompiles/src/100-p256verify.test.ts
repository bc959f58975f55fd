// EIP-7951 P256VERIFY at 0x100 (Osaka): 160 bytes in, the word 1 or nothing out, 6900 gas,
// never a failure. The first vectors are from the EIP's assets/eip-7951/test-vectors.json
// (Wycheproof); the rest are signed here with @noble/curves' p256.
import { p256 } from '@noble/curves/nist.js';
import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { runP256Verify } from './100-p256verify.js';
import { isPrecompile, precompileAddresses, runPrecompile } from './index.js';

const VALID = `0x${'00'.repeat(31)}01`;
const HASH = 'bb5a52f42f9c9261ed4361f59422a1e30036e7c32b270c8807a419feca605023';
const KEY =
  '2927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e';
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const word = (value: bigint) => value.toString(16).padStart(64, '0');

function verify(inputHex: string): string {
  return bytesToHex(runP256Verify(hexToBytes(inputHex)));
}

/** A signature made here: hash, r, s, and the public key's x and y. */
function signed(message: string) {
  const secretKey = p256.utils.randomSecretKey();
  const hash = wordToBytes(BigInt(`0x${Buffer.from(message).toString('hex').padEnd(64, '0').slice(0, 64)}`));
  const signature = p256.Signature.fromBytes(p256.sign(hash, secretKey, { prehash: false }));
  const key = p256.Point.fromBytes(p256.getPublicKey(secretKey, false)).toAffine();
  return { hash: bytesToHex(hash).slice(2), r: signature.r, s: signature.s, x: key.x, y: key.y };
}

describe('P256VERIFY (0x100)', () => {
  it('exists from Osaka', () => {
    expect(isPrecompile(0x100n, Revision.Prague)).toBe(false);
    expect(isPrecompile(0x100n, Revision.Osaka)).toBe(true);
    expect(precompileAddresses(Revision.Osaka).at(-1)).toBe(0x100n);
    expect(isPrecompile(0x12n, Revision.Osaka)).toBe(false);
    expect(isPrecompile(0xffn, Revision.Osaka)).toBe(false);
  });

  it('accepts a valid signature, high s included (Wycheproof #1, signature malleability)', () => {
    const input = `${HASH}2ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e184cd60b855d442f5b3c7b11eb6c4e0ae7525fe710fab9aa7c77a67f79e6fadd76${KEY}`;
    expect(verify(input)).toBe(VALID);
    const result = runPrecompile(0x100n, hexToBytes(input), 10_000n, Revision.Osaka);
    expect(result).toMatchObject({ status: 'success', gasLeft: 3100n });
  });

  it('rejects modified r or s with empty output, not a failure (Wycheproof #3, #5)', () => {
    const modified = `${HASH}d45c5740946b2a147f59262ee6f5bc90bd01ed280528b62b3aed5fc93f06f739b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db${KEY}`;
    expect(verify(modified)).toBe('0x');
    const result = runPrecompile(0x100n, hexToBytes(modified), 10_000n, Revision.Osaka);
    expect(result).toEqual({ status: 'success', gasLeft: 3100n, gasRefund: 0n, output: new Uint8Array(0) });
  });

  it('verifies signatures made with p256, and rejects them after any change', () => {
    for (const message of ['tandem', 'osaka', 'prague']) {
      const { hash, r, s, x, y } = signed(message);
      expect(verify(hash + word(r) + word(s) + word(x) + word(y))).toBe(VALID);
      // Malleable: (r, n − s) verifies too.
      expect(verify(hash + word(r) + word(N - s) + word(x) + word(y))).toBe(VALID);
      expect(verify(hash + word(r + 1n) + word(s) + word(x) + word(y))).toBe('0x');
      expect(verify(`${hash.slice(0, 62)}ff${word(r)}${word(s)}${word(x)}${word(y)}`)).toBe('0x');
      expect(verify(hash + word(r) + word(s) + word(x) + word(P - y))).toBe('0x');
    }
  });

  it('rejects r or s outside (0, n), a key off the curve, at infinity or with a coordinate ≥ p', () => {
    const { hash, r, s, x, y } = signed('bounds');
    const input = (rr: bigint, ss: bigint, xx: bigint, yy: bigint) =>
      verify(hash + word(rr) + word(ss) + word(xx) + word(yy));
    expect(input(0n, s, x, y)).toBe('0x');
    expect(input(r, 0n, x, y)).toBe('0x');
    expect(input(N, s, x, y)).toBe('0x');
    expect(input(r, N, x, y)).toBe('0x');
    expect(input(r, (1n << 256n) - 1n, x, y)).toBe('0x');
    expect(input(r, s, 0n, 0n)).toBe('0x');
    expect(input(r, s, x, y + 1n)).toBe('0x');
    expect(input(r, s, P, y)).toBe('0x');
    expect(input(r, s, x, P)).toBe('0x');
  });

  it('rejects any length but 160', () => {
    const { hash, r, s, x, y } = signed('length');
    const input = hexToBytes(hash + word(r) + word(s) + word(x) + word(y));
    expect(bytesToHex(runP256Verify(input))).toBe(VALID);
    expect(runP256Verify(input.subarray(0, 159)).length).toBe(0);
    expect(runP256Verify(concatBytes(input, Uint8Array.of(0))).length).toBe(0);
    expect(runP256Verify(new Uint8Array(0)).length).toBe(0);
  });

  it('costs 6900 gas; less is out of gas', () => {
    expect(runPrecompile(0x100n, new Uint8Array(0), 6900n, Revision.Osaka).status).toBe('success');
    expect(runPrecompile(0x100n, new Uint8Array(0), 6899n, Revision.Osaka).status).toBe('out-of-gas');
  });
});
