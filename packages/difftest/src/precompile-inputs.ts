/**
 * Inputs for precompile calls: valid ones (known vectors, points on the
 * curves, well-formed headers) and their near misses, so that generated
 * programs reach both the success and the failure paths of every precompile.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { p256 } from '@noble/curves/nist.js';
import { bytesToWord, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import fc from 'fast-check';

const MAX_WORD = (1n << 256n) - 1n;
const word = (value: bigint) => wordToBytes(value & MAX_WORD);
const bytesArb = (maxLength: number) => fc.uint8Array({ maxLength });

// go-ethereum ecRecover.json "ValidKey".
const ECRECOVER = {
  hash: hexToBytes('18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c'),
  r: 0x73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75fn,
  s: 0xeeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549n,
};
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const ecrecover = fc.oneof(
  fc
    .record({
      v: fc.constantFrom(27n, 28n, 28n, 29n, 0n, 1n),
      r: fc.constantFrom(ECRECOVER.r, 0n, 1n, SECP256K1_N),
      s: fc.constantFrom(ECRECOVER.s, SECP256K1_N - ECRECOVER.s, 0n, SECP256K1_N),
      cut: fc.constantFrom(128, 128, 128, 100, 0),
    })
    .map(({ v, r, s, cut }) => concatBytes(ECRECOVER.hash, word(v), word(r), word(s)).subarray(0, cut)),
  bytesArb(140),
);

const hashInput = bytesArb(100);

/** Lengths around EIP-7883's 32-byte price step and EIP-7823's 1024-byte bound (Osaka). */
const modexpLength = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 1, 31, 32, 33, 64) },
  { weight: 1, arbitrary: fc.constantFrom(1024, 1025) },
);

/**
 * A whole modexp input with lengths at the Osaka edges: a filled base, an
 * exponent whose first byte sets the iteration count (longer than 32 bytes,
 * EIP-7883 counts 16 per extra byte), an odd modulus. Past the bound only the
 * header is sent: the call must fail without reading further.
 */
const modexpAtBounds = fc
  .record({
    lengths: fc.tuple(modexpLength, modexpLength, modexpLength),
    head: fc.constantFrom(0, 1, 2, 0x80, 0xff),
    fill: fc.integer({ min: 1, max: 255 }),
  })
  .map(({ lengths: [baseLength, exponentLength, modulusLength], head, fill }) => {
    const header = concatBytes(...[baseLength, exponentLength, modulusLength].map((n) => word(BigInt(n))));
    if (Math.max(baseLength, exponentLength, modulusLength) > 1024) return header;
    const exponent = new Uint8Array(exponentLength);
    if (exponentLength > 0) exponent[0] = head;
    const modulus = new Uint8Array(modulusLength).fill(fill);
    if (modulusLength > 0) modulus[modulusLength - 1]! |= 1;
    return concatBytes(header, new Uint8Array(baseLength).fill(fill ^ 0x5a), exponent, modulus);
  });

const modexp = fc.oneof(
  modexpAtBounds,
  fc
    .record({
      baseLength: fc.integer({ min: 0, max: 40 }),
      exponentLength: fc.integer({ min: 0, max: 40 }),
      modulusLength: fc.integer({ min: 0, max: 40 }),
      body: bytesArb(120),
    })
    .map(({ baseLength, exponentLength, modulusLength, body }) =>
      concatBytes(word(BigInt(baseLength)), word(BigInt(exponentLength)), word(BigInt(modulusLength)), body),
    ),
  // Lengths too large to pay for (or to allocate): must fail cheaply as out of gas.
  fc
    .record({
      huge: fc.constantFrom(1n << 32n, 1n << 64n, (1n << 256n) - 1n, 1025n),
      which: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ huge, which }) =>
      concatBytes(
        word(which === 0 ? huge : 1n),
        word(which === 1 ? huge : 1n),
        word(which === 2 ? huge : 1n),
        Uint8Array.of(3, 5, 7),
      ),
    ),
  bytesArb(100),
);

const BN_P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47n;
const G1 = [1n, 2n] as const;
// 2·G1
const G1_DOUBLE = [
  0x030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3n,
  0x15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4n,
] as const;
const bnPoint = fc.constantFrom<readonly (readonly [bigint, bigint])[]>(
  [G1],
  [G1_DOUBLE],
  [[0n, 0n]],
  [[1n, 3n]],
  [[BN_P, 2n]],
  [[G1[0], BN_P - G1[1]]],
);
const pointBytes = (point: readonly (readonly [bigint, bigint])[]) =>
  concatBytes(word(point[0]![0]), word(point[0]![1]));

const bnAdd = fc
  .record({ a: bnPoint, b: bnPoint, cut: fc.constantFrom(128, 128, 64, 0, 127, 150) })
  .map(({ a, b, cut }) => concatBytes(pointBytes(a), pointBytes(b)).subarray(0, cut));
const bnMul = fc
  .record({
    p: bnPoint,
    scalar: fc.constantFrom(0n, 1n, 2n, 3n, BN_P, (1n << 256n) - 1n),
    cut: fc.constantFrom(96, 96, 64, 0, 95),
  })
  .map(({ p, scalar, cut }) => concatBytes(pointBytes(p), word(scalar)).subarray(0, cut));

// go-ethereum bn256Pairing.json "jeff1" (true).
const JEFF1 = hexToBytes(
  '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa',
);
const pairing = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.constant(JEFF1),
  fc.constant(JEFF1.subarray(0, 192)),
  fc.integer({ min: 0, max: JEFF1.length - 1 }).map((at) => {
    const copy = JEFF1.slice();
    copy[at] = copy[at]! ^ 1;
    return copy;
  }),
  fc.integer({ min: 1, max: 383 }).map((cut) => JEFF1.subarray(0, cut)),
);

const blake2f = fc
  .record({
    rounds: fc.constantFrom(0, 1, 2, 12),
    body: fc.uint8Array({ minLength: 208, maxLength: 208 }),
    final: fc.constantFrom(0, 1, 1, 2),
    length: fc.constantFrom(213, 213, 213, 212, 214),
  })
  .map(({ rounds, body, final, length }) => {
    const input = new Uint8Array(length);
    input.set([(rounds >>> 24) & 0xff, (rounds >>> 16) & 0xff, (rounds >>> 8) & 0xff, rounds & 0xff]);
    input.set(body.subarray(0, Math.max(0, Math.min(208, length - 4))), 4);
    if (length >= 213) input[212] = final;
    return input;
  });

// go-ethereum pointEvaluation.json "pointEvaluation1".
const POINT_EVALUATION = hexToBytes(
  '01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b' +
    '564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306' +
    '24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1' +
    '8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7' +
    '873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a',
);
const pointEvaluation = fc.oneof(
  fc.constant(POINT_EVALUATION),
  fc.integer({ min: 0, max: 191 }).map((at) => {
    const copy = POINT_EVALUATION.slice();
    copy[at] = copy[at]! ^ 0x10;
    return copy;
  }),
  fc.constant(POINT_EVALUATION.subarray(0, 191)),
);

// BLS12-381 (EIP-2537, Prague). A base-field element is 64 bytes, the top 16
// zero; a G1 point is x ‖ y, a G2 point x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1, all zero
// for infinity; a scalar is 32 bytes. Points come from @noble/curves.

const { Fp, Fr } = bls12_381.fields;
const BLS_G1 = bls12_381.G1.Point;
const BLS_G2 = bls12_381.G2.Point;
type G1Point = typeof BLS_G1.BASE;
type G2Point = typeof BLS_G2.BASE;

const fp = (value: bigint) => concatBytes(word(value >> 256n), word(value));

function g1Bytes(point: G1Point): Uint8Array {
  if (point.is0()) return new Uint8Array(128);
  const { x, y } = point.toAffine();
  return concatBytes(fp(x), fp(y));
}

function g2Bytes(point: G2Point): Uint8Array {
  if (point.is0()) return new Uint8Array(256);
  const { x, y } = point.toAffine();
  return concatBytes(fp(x.c0), fp(x.c1), fp(y.c0), fp(y.c1));
}

/**
 * The first point of y² = x³ + b over `field`, with x = x(k) for k = 1, 2, …,
 * that lies outside the prime-order subgroup (nearly every point does: the
 * cofactors are large). The field's `sqrt` throws on a non-residue.
 */
function offSubgroup<F, P extends { isTorsionFree(): boolean }>(
  field: { add(a: F, b: F): F; mul(a: F, b: F): F; sqr(a: F): F; sqrt(a: F): F; ONE: F },
  point: new (x: F, y: F, z: F) => P,
  b: F,
  x: (k: bigint) => F,
): P {
  for (let k = 1n; ; k++) {
    let y: F;
    try {
      y = field.sqrt(field.add(field.mul(field.sqr(x(k)), x(k)), b));
    } catch {
      continue;
    }
    const candidate = new point(x(k), y, field.ONE);
    if (!candidate.isTorsionFree()) return candidate;
  }
}

/** Per group: infinity, the generator, its negation, 2·G, k·G, and a point outside the subgroup (last). */
const BLS_POINTS = 6;
let blsPoints: { g1: Uint8Array[]; g2: Uint8Array[] } | undefined;

/** Built on first use, so that importing the generators costs no curve arithmetic. */
function bls(): { g1: Uint8Array[]; g2: Uint8Array[] } {
  const k = 0x5eed_c0ffee_1234_5678_9abcn;
  blsPoints ??= {
    g1: [
      ...[BLS_G1.ZERO, BLS_G1.BASE, BLS_G1.BASE.negate(), BLS_G1.BASE.double(), BLS_G1.BASE.multiply(k)].map(
        g1Bytes,
      ),
      g1Bytes(offSubgroup(Fp, BLS_G1, BLS_G1.CURVE().b, (x) => x)),
    ],
    g2: [
      ...[BLS_G2.ZERO, BLS_G2.BASE, BLS_G2.BASE.negate(), BLS_G2.BASE.double(), BLS_G2.BASE.multiply(k)].map(
        g2Bytes,
      ),
      g2Bytes(
        offSubgroup(bls12_381.fields.Fp2, BLS_G2, BLS_G2.CURVE().b, (x) =>
          bls12_381.fields.Fp2.fromBigTuple([x, 1n]),
        ),
      ),
    ],
  };
  return blsPoints;
}

const pointIndex = fc.integer({ min: 0, max: BLS_POINTS - 1 });
const g1Point = pointIndex.map((i) => bls().g1[i]!);
const g2Point = pointIndex.map((i) => bls().g2[i]!);
const blsScalar = fc
  .oneof(
    fc.constantFrom(0n, 1n, 2n, Fr.ORDER - 1n, Fr.ORDER, Fr.ORDER + 1n, MAX_WORD),
    fc.bigInt({ min: 0n, max: MAX_WORD }),
  )
  .map(word);
const fieldElement = fc
  .oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: Fp.ORDER - 1n }) },
    // The edges: 0, p − 1, and the invalid p and 2^384 (a non-zero top byte).
    { weight: 1, arbitrary: fc.constantFrom(0n, Fp.ORDER - 1n, Fp.ORDER, 1n << 384n) },
  )
  .map(fp);

/**
 * The input as built, or with one 64-byte field broken: its low bit flipped
 * (off the curve), a padding byte set, or the modulus added (not in the field).
 */
function sometimesBroken(input: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      input,
      field: fc.nat(),
      how: fc.oneof(
        { weight: 6, arbitrary: fc.constant('none') },
        { weight: 1, arbitrary: fc.constantFrom('low-bit', 'padding', 'modulus') },
      ),
    })
    .map(({ input, field, how }) => {
      const fields = Math.floor(input.length / 64);
      if (how === 'none' || fields === 0) return input;
      const at = 64 * (field % fields);
      const copy = input.slice();
      if (how === 'low-bit') copy[at + 63]! ^= 1;
      else if (how === 'padding') copy[at + (field % 16)] = 1;
      else copy.set(fp(bytesToWord(copy, at, 64) + Fp.ORDER), at);
      return copy;
    });
}

const joined = (parts: fc.Arbitrary<Uint8Array>[], maxLength?: number) =>
  maxLength === undefined
    ? fc.tuple(...parts).map((bytes) => concatBytes(...bytes))
    : fc.array(fc.tuple(...parts), { maxLength }).map((items) => concatBytes(...items.flat()));

/** Extra MSM pairs: any number to past the end of the discount tables, often right at it. */
const msmMore = fc.oneof(fc.integer({ min: 1, max: 140 }), fc.constantFrom(127, 128));

/**
 * Per precompile: the input, and for the MSMs and the pairing the size of a
 * pair and how many more pairs a call may read from memory past the input
 * (zero unless written: infinity, with scalar 0; cheap to run, and the MSMs'
 * gas then goes through the whole EIP-2537 discount table).
 */
const blsInputs: {
  address: bigint;
  input: fc.Arbitrary<Uint8Array>;
  pairs?: { size: number; more: fc.Arbitrary<number> };
}[] = [
  { address: 0x0bn, input: joined([g1Point, g1Point]) },
  { address: 0x0cn, input: joined([g1Point, blsScalar], 3), pairs: { size: 160, more: msmMore } },
  { address: 0x0dn, input: joined([g2Point, g2Point]) },
  { address: 0x0en, input: joined([g2Point, blsScalar], 2), pairs: { size: 288, more: msmMore } },
  {
    address: 0x0fn,
    pairs: { size: 384, more: fc.integer({ min: 1, max: 8 }) },
    input: fc.oneof(
      joined([g1Point, g2Point], 2),
      // e(G, Q) · e(−G, Q) = 1: a pairing that checks out.
      fc.constant(undefined).map(() => concatBytes(bls().g1[1]!, bls().g2[1]!, bls().g1[2]!, bls().g2[1]!)),
    ),
  },
  { address: 0x10n, input: fieldElement },
  { address: 0x11n, input: joined([fieldElement, fieldElement]) },
];

// P256VERIFY (EIP-7951, Osaka): hash ‖ r ‖ s ‖ qx ‖ qy. Signatures from @noble/curves.

const P256_N = p256.Point.Fn.ORDER;
const P256_P = p256.Point.Fp.ORDER;
let p256Vectors: Uint8Array[] | undefined;

/** Valid inputs, built on first use: a few keys and hashes (one at or above n), each with its high-s twin. */
function p256Valid(): Uint8Array[] {
  p256Vectors ??= (
    [
      [1n, 0n],
      [0x7e57_ab1e_5ec2_e7n, 0x4a5b_c0de_0000_1111_2222_3333n << 64n],
      [P256_N - 1n, MAX_WORD],
    ] as const
  ).flatMap(([secret, hash]) => {
    const signature = p256.sign(word(hash), word(secret), { prehash: false });
    const key = p256.getPublicKey(word(secret), false).subarray(1);
    const [r, s] = [bytesToWord(signature, 0), bytesToWord(signature, 32)];
    return [s, P256_N - s].map((s) => concatBytes(word(hash), word(r), word(s), key));
  });
  return p256Vectors;
}

/** Field replacements that each make an input invalid: r or s at 0 or n, a coordinate at p, the key at infinity. */
const P256_BREAKS: readonly (readonly [number, bigint])[][] = [
  [[32, 0n]],
  [[32, P256_N]],
  [[64, 0n]],
  [[64, P256_N]],
  [[96, P256_P]],
  [[128, P256_P]],
  [
    [96, 0n],
    [128, 0n],
  ],
];

const p256Verify = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((i) => p256Valid()[i % p256Valid().length]!) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 159 * 8 + 7 })).map(([i, bit]) => {
      const copy = p256Valid()[i % p256Valid().length]!.slice();
      copy[bit >> 3]! ^= 1 << (bit & 7);
      return copy;
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...P256_BREAKS)).map(([i, replacements]) => {
      const copy = p256Valid()[i % p256Valid().length]!.slice();
      for (const [at, value] of replacements) copy.set(word(value), at);
      return copy;
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 160, maxLength: 160 }) },
);

/** The new precompiles: twice as often as the others, but for the slowest to run (G2 MSM, pairing, map to G2). */
const newPrecompiles = [
  ...blsInputs.map(({ address, input, pairs }) => ({
    weight: address === 0x0en || address === 0x0fn || address === 0x11n ? 1 : 2,
    arbitrary: fc
      .record({
        input: sometimesBroken(input),
        more:
          pairs === undefined
            ? fc.constant(0)
            : fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: pairs.more }),
      })
      .map(({ input, more }) => ({ address, input, extend: more * (pairs?.size ?? 0) })),
  })),
  { weight: 2, arbitrary: p256Verify.map((input) => ({ address: 0x100n, input })) },
];

/** A precompile call: the address, the input, and `extend` more bytes the call reads from memory past it. */
export interface PrecompileCall {
  readonly address: bigint;
  readonly input: Uint8Array;
  readonly extend?: number;
}

/** Precompile address and input: every precompile to Osaka, plus unused addresses. */
export const precompileCallInput: fc.Arbitrary<PrecompileCall> = fc.oneof(
  ...newPrecompiles,
  ecrecover.map((input) => ({ address: 1n, input })),
  hashInput.map((input) => ({ address: 2n, input })),
  hashInput.map((input) => ({ address: 3n, input })),
  hashInput.map((input) => ({ address: 4n, input })),
  modexp.map((input) => ({ address: 5n, input })),
  bnAdd.map((input) => ({ address: 6n, input })),
  bnMul.map((input) => ({ address: 7n, input })),
  pairing.map((input) => ({ address: 8n, input })),
  blake2f.map((input) => ({ address: 9n, input })),
  pointEvaluation.map((input) => ({ address: 10n, input })),
  fc
    .record({ address: fc.constantFrom(0n, 0x12n, 0xffn, 0x101n), input: bytesArb(64) })
    .map(({ address, input }) => ({ address, input })),
);
