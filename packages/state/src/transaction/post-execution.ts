// Phase 4: the refund, capped at gasUsed/2 (gasUsed/5 from London, EIP-3529);
// from Prague, the EIP-7623 floor on the gas used; the sender's change and the
// coinbase's priority fee (the base fee and the blob fee are burned); then the
// end of the transaction (self-destructs, EIP-161 touched-empty deletion from
// Spurious Dragon).
import { type Result, Revision } from '@tandem-evm/host';
import type { WorldState } from '../world-state.js';
import { floorDataGas } from './intrinsic-gas.js';
import type { PreparedTransaction } from './pre-execution.js';
import type { BlockEnv, ExecutedTransaction, Transaction } from './types.js';

/** Gas used after the capped refund and the EIP-7623 floor, and the refund given. */
function settleGas(
  tx: Transaction,
  result: Result,
  revision: Revision,
  authorizationRefund: bigint,
): { gasUsed: bigint; gasRefund: bigint } {
  const used = tx.gasLimit - result.gasLeft;
  const refundCap = used / (revision >= Revision.London ? 5n : 2n);
  // The authorization refund stands even when the frame failed (its writes are not rolled back).
  const refund = result.gasRefund + authorizationRefund;
  const gasRefund = refund < refundCap ? refund : refundCap;
  const floor = floorDataGas(tx, revision);
  const refunded = used - gasRefund;
  // biome-ignore lint/complexity/useMathMinMax: bigints; Math.max takes numbers only.
  const gasUsed = refunded < floor ? floor : refunded;
  return { gasUsed, gasRefund };
}

/** Pays back unused gas, pays the coinbase and ends the transaction in `state`. */
export function postExecute(
  state: WorldState,
  tx: Transaction,
  block: BlockEnv,
  revision: Revision,
  prepared: PreparedTransaction,
  result: Result,
): ExecutedTransaction {
  const { gasUsed, gasRefund } = settleGas(tx, result, revision, prepared.authorizationRefund);
  const sender = tx.sender;
  state.setBalance(sender, state.getBalance(sender) + (tx.gasLimit - gasUsed) * prepared.effectiveGasPrice);
  // A balance write touches the coinbase even when the fee is zero (EIP-161).
  state.setBalance(block.coinbase, state.getBalance(block.coinbase) + gasUsed * prepared.priorityFee);

  const logs = state.logs;
  state.finalizeTransaction({ deleteEmptyTouched: revision >= Revision.SpuriousDragon });
  return {
    kind: 'executed',
    status: result.status,
    gasUsed,
    gasRefund,
    output: result.output,
    logs,
    ...(result.createdAddress !== undefined ? { createdAddress: result.createdAddress } : {}),
  };
}
