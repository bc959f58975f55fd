// Methods that read one account of a block's state, and the wallet's accounts.
import { addressToHex, bytesToHex } from '@tandem-evm/primitives';
import { requireBlock } from './blocks.js';
import type { Method, ProviderContext } from './context.js';
import { hash, param, quantity, readAddress, readSlot } from './params.js';

function stateAt(context: ProviderContext, params: readonly unknown[], index: number) {
  const { chain } = context;
  return chain.stateAt(requireBlock(chain, params[index], `params[${index}]`));
}

const eth_getBalance: Method = (context, params) =>
  quantity(stateAt(context, params, 1).getBalance(readAddress(param(params, 0), 'params[0]')));

const eth_getTransactionCount: Method = (context, params) =>
  quantity(stateAt(context, params, 1).getNonce(readAddress(param(params, 0), 'params[0]')));

const eth_getCode: Method = (context, params) =>
  bytesToHex(stateAt(context, params, 1).getCode(readAddress(param(params, 0), 'params[0]')));

const eth_getStorageAt: Method = (context, params) => {
  const address = readAddress(param(params, 0), 'params[0]');
  const slot = readSlot(param(params, 1), 'params[1]');
  return hash(stateAt(context, params, 2).getStorage(address, slot));
};

const eth_accounts: Method = ({ wallet }) => wallet.addresses.map(addressToHex);

export const accountMethods: Record<string, Method> = {
  eth_getBalance,
  eth_getTransactionCount,
  eth_getCode,
  eth_getStorageAt,
  eth_accounts,
  eth_requestAccounts: eth_accounts,
};
