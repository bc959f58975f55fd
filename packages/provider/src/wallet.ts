import type { Address } from '@tandem-evm/host';
import { keccak256 } from '@tandem-evm/primitives';
import {
  addressOfPrivateKey,
  type SignedTransaction,
  signTransaction,
  transactionHash,
  type UnsignedTransaction,
} from '@tandem-evm/state';

/**
 * The default dev accounts' private keys: keccak-256 of `tandem dev account N`.
 * Public on purpose, like anvil's and hardhat's: never send real ether to them.
 */
export function devAccountKey(index: number): Uint8Array {
  return keccak256(new TextEncoder().encode(`tandem dev account ${index}`));
}

/** The accounts eth_sendTransaction may send from: unlocked ones (with a key) and impersonated ones (without). */
export class Wallet {
  readonly #keys = new Map<Address, Uint8Array>();
  readonly #impersonated = new Set<Address>();

  constructor(privateKeys: readonly Uint8Array[]) {
    for (const key of privateKeys) this.#keys.set(addressOfPrivateKey(key), key);
  }

  /** The unlocked accounts, in the order their keys were given (eth_accounts). */
  get addresses(): Address[] {
    return [...this.#keys.keys()];
  }

  canSend(address: Address): boolean {
    return this.#keys.has(address) || this.#impersonated.has(address);
  }

  impersonate(address: Address): void {
    this.#impersonated.add(address);
  }

  stopImpersonating(address: Address): void {
    this.#impersonated.delete(address);
  }

  /**
   * Signs `tx` as `sender`. An impersonated sender has no key: its transaction
   * carries a marker instead of a signature (r is the sender's address, v and s
   * zero), so its hash, keccak-256 of that encoding, is still deterministic
   * and differs between senders.
   */
  sign(tx: UnsignedTransaction, sender: Address): { signed: SignedTransaction; hash: bigint } {
    const key = this.#keys.get(sender);
    const signed = key === undefined ? { ...tx, v: 0n, r: sender, s: 0n } : signTransaction(tx, key);
    return { signed, hash: transactionHash(signed) };
  }
}
