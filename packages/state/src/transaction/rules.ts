import { type Address, type MessageExecutor, Revision } from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';

/**
 * What an executor changes in its revision's transaction rules (an `Evm`'s
 * `eips` and `dev` options; see `MessageExecutor`).
 */
export interface TransactionRules {
  /** EIP-3860: init code limited to 49,152 bytes and charged 2 gas per word. */
  readonly initcodeRules: boolean;
  /** EIP-3651: the coinbase starts warm. */
  readonly warmCoinbase: boolean;
  /** The precompiles that start warm (EIP-2929). */
  readonly precompiles: readonly Address[];
  readonly skipBalanceCheck: boolean;
  readonly skipNonceCheck: boolean;
  readonly unlimitedCodeSize: boolean;
}

/** The transaction rules of a revision, as mainnet has them. */
export function defaultTransactionRules(revision: Revision): TransactionRules {
  return {
    initcodeRules: revision >= Revision.Shanghai,
    warmCoinbase: revision >= Revision.Shanghai,
    precompiles: precompileAddresses(revision),
    skipBalanceCheck: false,
    skipNonceCheck: false,
    unlimitedCodeSize: false,
  };
}

/** The transaction rules `executor` runs by: its revision's, with what it switches. */
export function transactionRules(executor: MessageExecutor): TransactionRules {
  const rules = defaultTransactionRules(executor.revision);
  const dev = executor.dev ?? {};
  const isEipActive = executor.isEipActive?.bind(executor);
  return {
    initcodeRules: isEipActive?.(3860) ?? rules.initcodeRules,
    warmCoinbase: isEipActive?.(3651) ?? rules.warmCoinbase,
    precompiles: executor.precompileAddresses ?? rules.precompiles,
    skipBalanceCheck: dev.skipBalanceCheck === true,
    skipNonceCheck: dev.skipNonceCheck === true,
    unlimitedCodeSize: dev.unlimitedCodeSize === true,
  };
}
