import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { bn254AddGas, runBn254Add } from './06-bn254-add.js';
import { BN254_FIELD_MODULUS } from './bn254.js';

const ZERO_POINT = `0x${'00'.repeat(64)}`;
const GENERATOR = concatBytes(wordToBytes(1n), wordToBytes(2n));

function output(inputHex: string): string | undefined {
  const result = runBn254Add(hexToBytes(inputHex));
  return result === undefined ? undefined : bytesToHex(result);
}

describe('bn254 add (0x06)', () => {
  it('adds points (EIP-196 vectors from go-ethereum bn256Add.json)', () => {
    // chfast1
    expect(
      output(
        '18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f3726607c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7',
      ),
    ).toBe(
      '0x2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915',
    );
    // cdetrio11: G + G = 2G
    expect(bytesToHex(runBn254Add(concatBytes(GENERATOR, GENERATOR))!)).toBe(
      '0x030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4',
    );
  });

  it('treats (0, 0) as infinity, the identity', () => {
    expect(bytesToHex(runBn254Add(concatBytes(GENERATOR, new Uint8Array(64)))!)).toBe(bytesToHex(GENERATOR));
    expect(bytesToHex(runBn254Add(new Uint8Array(128))!)).toBe(ZERO_POINT);
  });

  it('returns infinity for P + (-P) (cdetrio14)', () => {
    expect(
      output(
        '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb',
      ),
    ).toBe(ZERO_POINT);
  });

  it('zero-pads short input and ignores bytes past 128', () => {
    expect(bytesToHex(runBn254Add(new Uint8Array(0))!)).toBe(ZERO_POINT);
    expect(bytesToHex(runBn254Add(GENERATOR)!)).toBe(bytesToHex(GENERATOR));
    const long = concatBytes(GENERATOR, new Uint8Array(64), Uint8Array.of(0xff));
    expect(bytesToHex(runBn254Add(long)!)).toBe(bytesToHex(GENERATOR));
  });

  it('fails for a point not on the curve', () => {
    expect(runBn254Add(concatBytes(wordToBytes(1n), wordToBytes(3n), GENERATOR))).toBeUndefined();
    expect(runBn254Add(concatBytes(GENERATOR, wordToBytes(0n), wordToBytes(1n)))).toBeUndefined();
  });

  it('fails for a coordinate not below the field modulus, even if it is on the curve modulo p', () => {
    const yPlusModulus = concatBytes(wordToBytes(1n), wordToBytes(2n + BN254_FIELD_MODULUS));
    expect(runBn254Add(concatBytes(yPlusModulus, GENERATOR))).toBeUndefined();
    const xIsModulus = concatBytes(wordToBytes(BN254_FIELD_MODULUS), wordToBytes(0n));
    expect(runBn254Add(concatBytes(GENERATOR, xIsModulus))).toBeUndefined();
  });

  it('costs 500 gas before Istanbul (EIP-196) and 150 from Istanbul (EIP-1108)', () => {
    expect(bn254AddGas(new Uint8Array(0), Revision.Byzantium)).toBe(500n);
    expect(bn254AddGas(new Uint8Array(0), Revision.Petersburg)).toBe(500n);
    expect(bn254AddGas(new Uint8Array(0), Revision.Istanbul)).toBe(150n);
    expect(bn254AddGas(new Uint8Array(0), Revision.Cancun)).toBe(150n);
  });
});

describe('bn254 add: a zero y coordinate', () => {
  it('fails for (1, 0), a point off the curve that the curve library refuses to construct', () => {
    const input = new Uint8Array(128);
    input[31] = 1;
    expect(runBn254Add(input)).toBeUndefined();
  });
});
