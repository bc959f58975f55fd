// anvil's and hardhat's development methods: set an account's fields, snapshot and revert, mine, impersonate.
import type { AccountInit } from '@tandem-evm/state';
import type { Chain } from './chain.js';
import type { Method } from './context.js';
import { invalidParams } from './errors.js';
import { param, quantity, readAddress, readData, readQuantity, readSlot } from './params.js';

const MAX_UINT64 = (1n << 64n) - 1n;

/** Changes fields of one account in the latest state (not journaled, no block mined), as anvil does. */
function updateAccount(chain: Chain, address: bigint, change: AccountInit): void {
  chain.changeState((state) => {
    const account = state.getAccount(address);
    state.setAccount(address, {
      nonce: change.nonce ?? account?.nonce ?? 0n,
      balance: change.balance ?? account?.balance ?? 0n,
      code: change.code ?? account?.code ?? new Uint8Array(0),
      storage: change.storage ?? account?.storage ?? [],
    });
  });
}

const setBalance: Method = ({ chain }, params) => {
  const address = readAddress(param(params, 0), 'params[0]');
  updateAccount(chain, address, { balance: readQuantity(param(params, 1), 'params[1]') });
  return true;
};

const setCode: Method = ({ chain }, params) => {
  const address = readAddress(param(params, 0), 'params[0]');
  updateAccount(chain, address, { code: readData(param(params, 1), 'params[1]') });
  return true;
};

const setNonce: Method = ({ chain }, params) => {
  const address = readAddress(param(params, 0), 'params[0]');
  updateAccount(chain, address, { nonce: readQuantity(param(params, 1), 'params[1]', MAX_UINT64) });
  return true;
};

const setStorageAt: Method = ({ chain }, params) => {
  const address = readAddress(param(params, 0), 'params[0]');
  const slot = readSlot(param(params, 1), 'params[1]');
  const value = readSlot(param(params, 2), 'params[2]');
  const storage = new Map(chain.state.getAccount(address)?.storage ?? []);
  storage.set(slot, value);
  updateAccount(chain, address, { storage });
  return true;
};

const evm_snapshot: Method = ({ chain }) => quantity(chain.snapshot());

const evm_revert: Method = ({ chain }, params) => {
  const id = readQuantity(param(params, 0), 'params[0]', BigInt(Number.MAX_SAFE_INTEGER));
  return chain.revert(Number(id));
};

/** evm_mine: one empty block, at `params[0]` (seconds) when given. */
const evm_mine: Method = ({ chain }, params) => {
  const timestamp = params[0] === undefined ? undefined : readQuantity(params[0], 'params[0]', MAX_UINT64);
  chain.mine(undefined, timestamp);
  return '0x0';
};

/** anvil_mine / hardhat_mine: `params[0]` empty blocks (default 1), `params[1]` seconds apart (default 1). */
const mineBlocks: Method = ({ chain }, params) => {
  const count = params[0] === undefined ? 1n : readQuantity(params[0], 'params[0]', 100_000n);
  const interval = params[1] === undefined ? 1n : readQuantity(params[1], 'params[1]', MAX_UINT64);
  if (interval === 0n) throw invalidParams('params[1]', 'must be at least 1 second');
  for (let i = 0n; i < count; i++) chain.mine(undefined, chain.latest.header.timestamp + interval);
  return null;
};

const impersonateAccount: Method = ({ wallet }, params) => {
  wallet.impersonate(readAddress(param(params, 0), 'params[0]'));
  return null;
};

const stopImpersonatingAccount: Method = ({ wallet }, params) => {
  wallet.stopImpersonating(readAddress(param(params, 0), 'params[0]'));
  return null;
};

export const devMethods: Record<string, Method> = {
  evm_snapshot,
  evm_revert,
  evm_mine,
};
for (const prefix of ['anvil', 'hardhat']) {
  Object.assign(devMethods, {
    [`${prefix}_setBalance`]: setBalance,
    [`${prefix}_setCode`]: setCode,
    [`${prefix}_setNonce`]: setNonce,
    [`${prefix}_setStorageAt`]: setStorageAt,
    [`${prefix}_mine`]: mineBlocks,
    [`${prefix}_impersonateAccount`]: impersonateAccount,
    [`${prefix}_stopImpersonatingAccount`]: stopImpersonatingAccount,
  });
}
