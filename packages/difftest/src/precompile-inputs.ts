/**
 * Inputs for precompile calls: valid ones (known vectors, points on the
 * curves, well-formed headers) and their near misses, so that generated
 * programs reach both the success and the failure paths of every precompile.
 */
import { concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import fc from 'fast-check';

const word = (value: bigint) => wordToBytes(value);
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

const modexp = fc.oneof(
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

/** Precompile address and input: every precompile up to Cancun, plus later or unused addresses. */
export const precompileCallInput: fc.Arbitrary<{ address: bigint; input: Uint8Array }> = fc.oneof(
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
    .record({ address: fc.constantFrom(0n, 0x0bn, 0x0fn, 0x11n, 0x100n), input: bytesArb(64) })
    .map(({ address, input }) => ({ address, input })),
);
