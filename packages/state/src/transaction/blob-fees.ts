// EIP-4844 blob gas and its base fee, with EIP-7691's Prague schedule and
// EIP-7918's Osaka reserve price.
import { Revision } from '@tandem-evm/host';
import type { BlockEnv, Transaction } from './types.js';

/** Blob gas per blob, 2^17. */
export const GAS_PER_BLOB = 1n << 17n;
const MIN_BLOB_BASE_FEE = 1n;
/** EIP-7918 (Osaka): the blob base fee is held at or above this many units of execution gas per blob. */
const BLOB_BASE_COST = 1n << 13n;

/** A revision's blob parameters (EIP-4844; EIP-7691 from Prague), in blob gas. */
export interface BlobSchedule {
  readonly targetBlobGasPerBlock: bigint;
  readonly maxBlobGasPerBlock: bigint;
  readonly baseFeeUpdateFraction: bigint;
}

const CANCUN_BLOBS: BlobSchedule = {
  targetBlobGasPerBlock: 3n * GAS_PER_BLOB,
  maxBlobGasPerBlock: 6n * GAS_PER_BLOB,
  baseFeeUpdateFraction: 3338477n,
};
/** EIP-7691: target 6 and max 9 blobs, a new update fraction. Osaka keeps them. */
const PRAGUE_BLOBS: BlobSchedule = {
  targetBlobGasPerBlock: 6n * GAS_PER_BLOB,
  maxBlobGasPerBlock: 9n * GAS_PER_BLOB,
  baseFeeUpdateFraction: 5007716n,
};

/** The blob schedule of `revision` (Cancun's before Cancun, where blobs do not exist). */
export function blobSchedule(revision: Revision): BlobSchedule {
  return revision >= Revision.Prague ? PRAGUE_BLOBS : CANCUN_BLOBS;
}

/** `factor * e^(numerator / denominator)`, approximated as EIP-4844 specifies. */
function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let output = 0n;
  let accumulator = factor * denominator;
  for (let i = 1n; accumulator > 0n; i++) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
  }
  return output / denominator;
}

/** The EIP-4844 blob base fee for a block's excess blob gas, with the update fraction of `revision`. */
export function blobBaseFee(excessBlobGas: bigint, revision: Revision = Revision.Cancun): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, blobSchedule(revision).baseFeeUpdateFraction);
}

/** The blob base fee a block charges: 0 before Cancun. */
export function blockBlobBaseFee(block: BlockEnv, revision: Revision): bigint {
  return revision >= Revision.Cancun ? blobBaseFee(block.excessBlobGas, revision) : 0n;
}

/** What the next block's excess blob gas depends on. */
export interface ParentBlobGas {
  readonly excessBlobGas: bigint;
  readonly blobGasUsed: bigint;
  readonly baseFee: bigint;
}

/**
 * A block's excess blob gas from its parent's (EIP-4844 `calc_excess_blob_gas`,
 * with the schedule of `revision`). From Osaka (EIP-7918), while a blob's base
 * fee is below the price of 2^13 execution gas, the target is not subtracted:
 * the excess grows by the blob gas used times (max − target) / max.
 */
export function nextExcessBlobGas(parent: ParentBlobGas, revision: Revision): bigint {
  const schedule = blobSchedule(revision);
  const target = schedule.targetBlobGasPerBlock;
  if (parent.excessBlobGas + parent.blobGasUsed < target) return 0n;
  if (
    revision >= Revision.Osaka &&
    BLOB_BASE_COST * parent.baseFee > GAS_PER_BLOB * blobBaseFee(parent.excessBlobGas, revision)
  ) {
    const max = schedule.maxBlobGasPerBlock;
    return parent.excessBlobGas + (parent.blobGasUsed * (max - target)) / max;
  }
  return parent.excessBlobGas + parent.blobGasUsed - target;
}

/** Blob gas a transaction uses: 2^17 per blob. */
export function blobGasUsed(tx: Transaction): bigint {
  return BigInt(tx.blobVersionedHashes?.length ?? 0) * GAS_PER_BLOB;
}
