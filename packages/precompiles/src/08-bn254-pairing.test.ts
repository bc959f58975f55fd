import { bn254 } from '@noble/curves/bn254.js';
import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { bn254PairingGas, runBn254Pairing } from './08-bn254-pairing.js';
import { BN254_FIELD_MODULUS } from './bn254.js';

const TRUE_WORD = `0x${'00'.repeat(31)}01`;
const FALSE_WORD = `0x${'00'.repeat(32)}`;

const G1_GENERATOR = `0000000000000000000000000000000000000000000000000000000000000001${'00'.repeat(31)}02`;
const G2_GENERATOR =
  '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';
const G2_GENERATOR_NEGATED =
  '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d';

// go-ethereum core/vm/testdata/precompiles/bn256Pairing.json "jeff1" (true) and "jeff6" (false),
// two pairs each; they differ only in the y of the second G1 point.
const JEFF1 =
  '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';
const JEFF6 =
  '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';

/**
 * A point on the twist y² = x³ + 3/(9+u) with x = 1 that is outside the prime-order
 * subgroup: the twist's cofactor is not 1, so a curve check alone would accept it.
 */
const G2_OUTSIDE_SUBGROUP = {
  x: { c0: 1n, c1: 0n },
  y: {
    c0: 0x07fb3d558dafafb6bf6dd326a5fefe0beca3f9ac3bd999a390d504fad34b0b8cn,
    c1: 0x2351dcdda257b62181cbd745dfee16d5fdf4eb185bbcf33c20a0fe6eaa9cb4a3n,
  },
};

function encodeG2(point: typeof G2_OUTSIDE_SUBGROUP): string {
  return bytesToHex(
    concatBytes(
      wordToBytes(point.x.c1),
      wordToBytes(point.x.c0),
      wordToBytes(point.y.c1),
      wordToBytes(point.y.c0),
    ),
  ).slice(2);
}

function pairing(inputHex: string): string | undefined {
  const result = runBn254Pairing(hexToBytes(inputHex));
  return result === undefined ? undefined : bytesToHex(result);
}

describe('bn254 pairing (0x08)', () => {
  it('checks pairing products (EIP-197 vectors from go-ethereum bn256Pairing.json)', () => {
    expect(pairing(JEFF1)).toBe(TRUE_WORD);
    expect(pairing(JEFF6)).toBe(FALSE_WORD);
    // two_point_match_2: e(G1, G2) · e(G1, -G2) = 1
    expect(pairing(G1_GENERATOR + G2_GENERATOR + G1_GENERATOR + G2_GENERATOR_NEGATED)).toBe(TRUE_WORD);
    // one_point: e(G1, G2) ≠ 1
    expect(pairing(G1_GENERATOR + G2_GENERATOR)).toBe(FALSE_WORD);
  });

  it('returns true for empty input and for pairs with a point at infinity', () => {
    expect(pairing('')).toBe(TRUE_WORD);
    expect(pairing('00'.repeat(64) + G2_GENERATOR)).toBe(TRUE_WORD);
    expect(pairing(G1_GENERATOR + '00'.repeat(128))).toBe(TRUE_WORD);
    expect(pairing('00'.repeat(64) + G2_GENERATOR + G1_GENERATOR + G2_GENERATOR)).toBe(FALSE_WORD);
  });

  it('fails when the length is not a multiple of 192', () => {
    expect(pairing(JEFF1.slice(0, -2))).toBeUndefined();
    expect(pairing(`${JEFF1}00`)).toBeUndefined();
    expect(pairing('00')).toBeUndefined();
  });

  it('fails for a G1 point not on the curve or a coordinate not below the field modulus', () => {
    const offCurve = bytesToHex(concatBytes(wordToBytes(1n), wordToBytes(3n))).slice(2);
    expect(pairing(offCurve + G2_GENERATOR)).toBeUndefined();
    const wrapped = bytesToHex(concatBytes(wordToBytes(1n), wordToBytes(2n + BN254_FIELD_MODULUS))).slice(2);
    expect(pairing(wrapped + G2_GENERATOR)).toBeUndefined();
  });

  it('fails for a G2 point not on the twist or a coefficient not below the field modulus', () => {
    const offTwist = `${G2_GENERATOR.slice(0, -2)}ab`;
    expect(pairing(G1_GENERATOR + offTwist)).toBeUndefined();
    const coefficientTooLarge =
      bytesToHex(wordToBytes(BN254_FIELD_MODULUS)).slice(2) + G2_GENERATOR.slice(64);
    expect(pairing(G1_GENERATOR + coefficientTooLarge)).toBeUndefined();
  });

  it('fails for a G2 point on the twist but outside the prime-order subgroup, even paired with infinity', () => {
    const { Fp2 } = bn254.fields;
    const { x, y } = G2_OUTSIDE_SUBGROUP;
    const onTwist = Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), bn254.G2.Point.CURVE().b));
    expect(onTwist).toBe(true);
    expect(pairing(G1_GENERATOR + encodeG2(G2_OUTSIDE_SUBGROUP))).toBeUndefined();
    expect(pairing('00'.repeat(64) + encodeG2(G2_OUTSIDE_SUBGROUP))).toBeUndefined();
  });

  it('costs 100000 + 80000 per pair before Istanbul (EIP-197), 45000 + 34000 from Istanbul (EIP-1108)', () => {
    const twoPairs = hexToBytes(JEFF1);
    expect(bn254PairingGas(new Uint8Array(0), Revision.Byzantium)).toBe(100000n);
    expect(bn254PairingGas(twoPairs, Revision.Byzantium)).toBe(260000n);
    expect(bn254PairingGas(new Uint8Array(0), Revision.Istanbul)).toBe(45000n);
    expect(bn254PairingGas(twoPairs, Revision.Istanbul)).toBe(113000n);
  });
});
