import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, MAX_WORD, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { bn254MulGas, runBn254Mul } from './07-bn254-mul.js';
import { BN254_FIELD_MODULUS, BN254_GROUP_ORDER } from './bn254.js';

const ZERO_POINT = `0x${'00'.repeat(64)}`;
const POINT =
  '1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6';

function multiply(pointHex: string, scalar: bigint): string | undefined {
  const result = runBn254Mul(concatBytes(hexToBytes(pointHex), wordToBytes(scalar)));
  return result === undefined ? undefined : bytesToHex(result);
}

describe('bn254 mul (0x07)', () => {
  it('multiplies (EIP-196 vectors from go-ethereum bn256ScalarMul.json)', () => {
    // chfast1
    expect(
      multiply(
        '2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204',
        0x11138ce750fa15c2n,
      ),
    ).toBe(
      '0x070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc',
    );
    // cdetrio1: the scalar 2^256 - 1 exceeds the group order.
    expect(multiply(POINT, MAX_WORD)).toBe(
      '0x2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11',
    );
    // cdetrio4
    expect(multiply(POINT, 9n)).toBe(
      '0x1dbad7d39dbc56379f78fac1bca147dc8e66de1b9d183c7b167351bfe0aeab742cd757d51289cd8dbd0acf9e673ad67d0f0a89f912af47ed1be53664f5692575',
    );
    expect(multiply(POINT, 1n)).toBe(`0x${POINT}`);
  });

  it('returns infinity for scalar 0, the group order, and the point at infinity', () => {
    expect(multiply(POINT, 0n)).toBe(ZERO_POINT);
    expect(multiply(POINT, BN254_GROUP_ORDER)).toBe(ZERO_POINT);
    expect(multiply('00'.repeat(64), 5n)).toBe(ZERO_POINT);
  });

  it('zero-pads short input: a missing scalar is zero', () => {
    expect(bytesToHex(runBn254Mul(hexToBytes(POINT))!)).toBe(ZERO_POINT);
    expect(bytesToHex(runBn254Mul(new Uint8Array(0))!)).toBe(ZERO_POINT);
  });

  it('fails for a point not on the curve or a coordinate not below the field modulus', () => {
    expect(runBn254Mul(concatBytes(wordToBytes(1n), wordToBytes(3n), wordToBytes(2n)))).toBeUndefined();
    expect(
      runBn254Mul(concatBytes(wordToBytes(1n), wordToBytes(2n + BN254_FIELD_MODULUS), wordToBytes(2n))),
    ).toBeUndefined();
    // Failure does not depend on the scalar.
    expect(runBn254Mul(concatBytes(wordToBytes(1n), wordToBytes(3n), wordToBytes(0n)))).toBeUndefined();
  });

  it('costs 40000 gas before Istanbul (EIP-196) and 6000 from Istanbul (EIP-1108)', () => {
    expect(bn254MulGas(new Uint8Array(0), Revision.Byzantium)).toBe(40000n);
    expect(bn254MulGas(new Uint8Array(0), Revision.Petersburg)).toBe(40000n);
    expect(bn254MulGas(new Uint8Array(0), Revision.Istanbul)).toBe(6000n);
  });
});
