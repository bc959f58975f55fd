import { type Address, Revision } from '@tandem-evm/host';
import type { WorldState } from './world-state.js';

/**
 * Ends a block: pays `reward` to the coinbase (state tests pay zero) and,
 * from Spurious Dragon, deletes it if it is empty, since paying touches it.
 * The state's logs are cleared.
 */
export function applyBlockReward(
  state: WorldState,
  coinbase: Address,
  reward: bigint,
  revision: Revision,
): void {
  state.beginTransaction(state.getTxContext());
  state.setBalance(coinbase, state.getBalance(coinbase) + reward);
  state.finalizeTransaction({ deleteEmptyTouched: revision >= Revision.SpuriousDragon });
}
