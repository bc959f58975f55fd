import { bls12_381 } from '@noble/curves/bls12-381.js';
import { G1_POINT_SIZE, msmGas, multiScalarMultiply, readG1, SCALAR_SIZE, writeG1 } from './bls12-381.js';

const PAIR_SIZE = G1_POINT_SIZE + SCALAR_SIZE;
const G1_MULTIPLICATION_GAS = 12000n;

/** EIP-2537's discount for k = 1..128 pairs, in thousandths; 519 for more. */
const G1_DISCOUNTS: readonly number[] = [
  1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661, 658,
  654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611, 609, 608,
  606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577,
  576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559, 558, 557, 556, 555,
  554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540, 540, 539, 538, 537, 536,
  536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520,
  520, 519,
];

/** k · 12000 · discount(k) / 1000 for k = floor(length / 160) pairs; 0 for none (the call then fails). */
export function bls12G1MsmGas(input: Uint8Array): bigint {
  return msmGas(input, PAIR_SIZE, G1_MULTIPLICATION_GAS, G1_DISCOUNTS);
}

/**
 * BLS12_G1MSM (EIP-2537): Σ sᵢ·Pᵢ over 160-byte slices of a G1 point and a
 * 32-byte scalar (any value; it acts modulo the group order). Fails on an
 * empty input or one that is not whole slices, and on a point that is invalid
 * or outside the prime-order subgroup.
 */
export function runBls12G1Msm(input: Uint8Array): Uint8Array | undefined {
  const sum = multiScalarMultiply(input, PAIR_SIZE, readG1, bls12_381.G1.Point.ZERO);
  return sum === undefined ? undefined : writeG1(sum);
}
