import { bls12_381 } from '@noble/curves/bls12-381.js';
import { G2_POINT_SIZE, msmGas, multiScalarMultiply, readG2, SCALAR_SIZE, writeG2 } from './bls12-381.js';

const PAIR_SIZE = G2_POINT_SIZE + SCALAR_SIZE;
const G2_MULTIPLICATION_GAS = 22500n;

/** EIP-2537's discount for k = 1..128 pairs, in thousandths; 524 for more. */
const G2_DISCOUNTS: readonly number[] = [
  1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693, 688,
  683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624, 622, 620,
  618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583,
  582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562, 561, 560, 559, 558,
  557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544, 543, 542, 541, 541, 540,
  539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525,
  524, 524,
];

/** k · 22500 · discount(k) / 1000 for k = floor(length / 288) pairs; 0 for none (the call then fails). */
export function bls12G2MsmGas(input: Uint8Array): bigint {
  return msmGas(input, PAIR_SIZE, G2_MULTIPLICATION_GAS, G2_DISCOUNTS);
}

/** BLS12_G2MSM (EIP-2537): like G1MSM over 288-byte slices of a G2 point and a scalar. */
export function runBls12G2Msm(input: Uint8Array): Uint8Array | undefined {
  const sum = multiScalarMultiply(input, PAIR_SIZE, readG2, bls12_381.G2.Point.ZERO);
  return sum === undefined ? undefined : writeG2(sum);
}
