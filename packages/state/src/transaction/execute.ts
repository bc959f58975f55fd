// Phase 3: the top-level CALL or CREATE, with the gas left after the intrinsic gas.
import type { Message, MessageExecutor, Result } from '@tandem-evm/host';
import type { WorldState } from '../world-state.js';
import { intrinsicGas } from './intrinsic-gas.js';
import type { TransactionRules } from './rules.js';
import type { Transaction } from './types.js';

/** Runs the transaction's top-level frame with `executor`. */
export function executeTopFrame(
  state: WorldState,
  executor: MessageExecutor,
  tx: Transaction,
  rules: TransactionRules,
): Result {
  const message: Message = {
    kind: tx.to === null ? 'create' : 'call',
    depth: 0,
    gas: tx.gasLimit - intrinsicGas(tx, executor.revision, rules.initcodeRules),
    sender: tx.sender,
    recipient: tx.to ?? 0n,
    codeAddress: tx.to ?? 0n,
    value: tx.value,
    input: tx.data,
    isStatic: false,
  };
  return executor.execute(message, state);
}
