import type { MessageExecutor } from '@tandem-evm/host';
import type { WorldState } from '../world-state.js';
import { executeTopFrame } from './execute.js';
import { postExecute } from './post-execution.js';
import { preExecute } from './pre-execution.js';
import { transactionRules } from './rules.js';
import type { BlockEnv, Transaction, TransactionOutcome } from './types.js';
import { validateTransaction } from './validate.js';

/**
 * Runs one transaction against `state`, with `executor` (an `Evm` from
 * `@tandem-evm/evm`) running the top-level CALL or CREATE, in revm's phases:
 * validate (a rejected transaction leaves the state unchanged), pre-execution
 * (gas bought, nonce, warm set, EIP-7702 authorizations), execution (the
 * top-level frame) and post-execution (refund, EIP-7623 floor, fees, the end
 * of the transaction).
 */
export function executeTransaction(
  state: WorldState,
  executor: MessageExecutor,
  tx: Transaction,
  block: BlockEnv,
): TransactionOutcome {
  const revision = executor.revision;
  const rules = transactionRules(executor);
  const reason = validateTransaction(state, tx, block, revision, rules);
  if (reason !== undefined) return { kind: 'rejected', reason };
  const prepared = preExecute(state, tx, block, revision, rules);
  const result = executeTopFrame(state, executor, tx, rules);
  return postExecute(state, tx, block, revision, prepared, result);
}
