import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { ecrecoverGas, runEcrecover } from './01-ecrecover.js';

const SECP256K1_ORDER = secp256k1.Point.CURVE().n;

// go-ethereum core/vm/testdata/precompiles/ecRecover.json "ValidKey": signed by the
// well-known test key of address 0xa94f…bf0b; its s is above n/2.
const HASH = '18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c';
const R = 0x73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75fn;
const S = 0xeeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549n;
const SIGNER = '0x000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b';

function ecrecoverInput(v: bigint, r: bigint, s: bigint, hash = HASH): Uint8Array {
  return concatBytes(hexToBytes(hash), wordToBytes(v), wordToBytes(r), wordToBytes(s));
}

describe('ecrecover (0x01)', () => {
  it('costs 3000 gas whatever the input', () => {
    expect(ecrecoverGas()).toBe(3000n);
  });

  it('recovers the signer as a left-padded address, accepting a high s', () => {
    expect(bytesToHex(runEcrecover(ecrecoverInput(28n, R, S)))).toBe(SIGNER);
  });

  it('recovers the same signer from the low-s twin of the signature', () => {
    expect(bytesToHex(runEcrecover(ecrecoverInput(27n, R, SECP256K1_ORDER - S)))).toBe(SIGNER);
  });

  it('ignores bytes past 128', () => {
    const input = concatBytes(ecrecoverInput(28n, R, S), hexToBytes('ffff'));
    expect(bytesToHex(runEcrecover(input))).toBe(SIGNER);
  });

  it('recovers a signature made here', () => {
    const secretKey = hexToBytes('45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8');
    const hash = hexToBytes(`${'00'.repeat(31)}2a`);
    const signature = secp256k1.Signature.fromBytes(
      secp256k1.sign(hash, secretKey, { prehash: false, format: 'recovered' }),
      'recovered',
    );
    const input = ecrecoverInput(
      27n + BigInt(signature.recovery!),
      signature.r,
      signature.s,
      bytesToHex(hash),
    );
    expect(bytesToHex(runEcrecover(input))).toBe(SIGNER);
  });

  it('returns empty output (not a failure) when v is not exactly 27 or 28', () => {
    for (const v of [0n, 1n, 26n, 29n, (1n << 255n) | 28n, 28n << 8n]) {
      expect(runEcrecover(ecrecoverInput(v, R, S)).length).toBe(0);
    }
  });

  it('returns empty output when r or s is zero or not below the curve order', () => {
    for (const [r, s] of [
      [0n, S],
      [R, 0n],
      [SECP256K1_ORDER, S],
      [R, SECP256K1_ORDER],
      [R + SECP256K1_ORDER, S],
    ] as const) {
      expect(runEcrecover(ecrecoverInput(28n, r, s)).length).toBe(0);
    }
  });

  it('returns empty output when r is not the x of a curve point (UnrecoverableKey)', () => {
    // go-ethereum ecRecover.json "CallEcrecoverUnrecoverableKey".
    const input = hexToBytes(
      'a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281000000000000000000000000000000000000000000000000000000000000001b307835653165303366353363653138623737326363623030393366663731663366353366356337356237346463623331613835616138623838393262346538621122334455667788991011121314151617181920212223242526272829303132',
    );
    expect(runEcrecover(input).length).toBe(0);
  });

  it('zero-pads short input, which then has v = 0 and recovers nothing', () => {
    expect(runEcrecover(new Uint8Array(0)).length).toBe(0);
    expect(runEcrecover(hexToBytes(HASH)).length).toBe(0);
  });
});
