import type { Address } from '@tandem-evm/host';
import { addressToBytes, bigintToMinimalBytes } from '@tandem-evm/primitives';
import { encodeRlp } from './rlp.js';
import { orderedTrieRoot } from './trie.js';
import type { WorldState } from './world-state.js';

/** An EIP-4895 (Shanghai) withdrawal from the beacon chain: `amount` gwei credited to `address`. */
export interface Withdrawal {
  readonly index: bigint;
  readonly validatorIndex: bigint;
  readonly address: Address;
  /** In gwei. */
  readonly amount: bigint;
}

const WEI_PER_GWEI = 1_000_000_000n;

/**
 * Credits the block's withdrawals, after its transactions (EIP-4895): a plain
 * balance increase, no code runs and no gas is spent. A zero withdrawal to a
 * missing account leaves no account behind (EIP-161).
 */
export function applyWithdrawals(state: WorldState, withdrawals: readonly Withdrawal[]): void {
  state.beginTransaction(state.getTxContext());
  for (const { address, amount } of withdrawals) {
    state.setBalance(address, state.getBalance(address) + amount * WEI_PER_GWEI);
  }
  state.finalizeTransaction({ deleteEmptyTouched: true });
}

/** The header's `withdrawalsRoot`: the list trie of `rlp([index, validatorIndex, address, amount])`. */
export function withdrawalsRoot(withdrawals: readonly Withdrawal[]): bigint {
  return orderedTrieRoot(
    withdrawals.map((w) =>
      encodeRlp([
        bigintToMinimalBytes(w.index),
        bigintToMinimalBytes(w.validatorIndex),
        addressToBytes(w.address),
        bigintToMinimalBytes(w.amount),
      ]),
    ),
  );
}
