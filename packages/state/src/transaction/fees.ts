// The gas price a transaction pays and the most it can cost (EIP-1559 fee caps).
import { Revision } from '@tandem-evm/host';
import { blobGasUsed } from './blob-fees.js';
import { type BlockEnv, type Transaction, transactionType } from './types.js';

/** The fee cap per gas: the legacy gas price, or EIP-1559's max fee. */
export function maxFeePerGas(tx: Transaction): bigint {
  return tx.gasPrice ?? tx.maxFeePerGas ?? 0n;
}

/** The tip cap per gas: the legacy gas price, or EIP-1559's max priority fee. */
export function maxPriorityFeePerGas(tx: Transaction): bigint {
  return tx.gasPrice ?? tx.maxPriorityFeePerGas ?? 0n;
}

/** The base fee a block charges: 0 before London. */
export function blockBaseFee(block: BlockEnv, revision: Revision): bigint {
  return revision >= Revision.London ? block.baseFee : 0n;
}

/** What the coinbase earns per gas: the tip, within what the fee cap leaves above the base fee. */
export function priorityFeePerGas(tx: Transaction, baseFee: bigint): bigint {
  const tip = maxPriorityFeePerGas(tx);
  const headroom = maxFeePerGas(tx) - baseFee;
  // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers only.
  return tip < headroom ? tip : headroom;
}

/** The most a transaction can cost its sender: all its gas at the fee cap, its value and its blob gas. */
export function maxCost(tx: Transaction): bigint {
  let cost = tx.gasLimit * maxFeePerGas(tx) + tx.value;
  if (transactionType(tx) === 3) cost += blobGasUsed(tx) * (tx.maxFeePerBlobGas ?? 0n);
  return cost;
}
