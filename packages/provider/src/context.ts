import type { Evm } from '@tandem-evm/evm';
import type { MessageExecutor } from '@tandem-evm/host';
import type { Chain } from './chain.js';
import type { Params } from './params.js';
import type { Wallet } from './wallet.js';

/** What every method works on. */
export interface ProviderContext {
  readonly chain: Chain;
  readonly wallet: Wallet;
  /** The EVM every transaction and call runs on; a trace sets its inspector while it runs. */
  readonly evm: Evm;
  /** eth_call's and eth_estimateGas's executor: the same EVM, with the sender's balance and nonce not checked. */
  readonly callExecutor: MessageExecutor;
}

/** One JSON-RPC method: takes the positional params, returns the JSON result (or a promise of it). */
export type Method = (context: ProviderContext, params: Params) => unknown;
