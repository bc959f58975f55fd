import type { WorldState } from '@tandem-evm/state';
import { invalidParams } from './errors.js';
import { optional, readAddress, readData, readObject, readQuantity, readSlot } from './params.js';

const MAX_UINT64 = (1n << 64n) - 1n;

function readSlots(value: unknown, field: string): Map<bigint, bigint> {
  const object = readObject(value, field);
  const slots = new Map<bigint, bigint>();
  for (const [key, word] of Object.entries(object)) {
    slots.set(readSlot(key, `${field} key`), readSlot(word, `${field}[${key}]`));
  }
  return slots;
}

/**
 * Applies geth's state override set (eth_call's third parameter) to a forked
 * state: per address `balance`, `nonce`, `code`, and either `state` (the
 * whole storage replaced) or `stateDiff` (the slots given changed).
 */
export function applyStateOverrides(state: WorldState, value: unknown, field: string): void {
  for (const [key, entry] of Object.entries(readObject(value, field))) {
    const address = readAddress(key, `${field} key`);
    const where = `${field}[${key}]`;
    const override = readObject(entry, where);
    if (override.state !== undefined && override.stateDiff !== undefined) {
      throw invalidParams(where, 'cannot have both state and stateDiff');
    }
    const account = state.getAccount(address);
    const storage = new Map(account?.storage ?? []);
    const full = optional(override, 'state', where, readSlots);
    const diff = optional(override, 'stateDiff', where, readSlots);
    for (const [slot, word] of diff ?? []) storage.set(slot, word);
    state.setAccount(address, {
      nonce:
        optional(override, 'nonce', where, (v, f) => readQuantity(v, f, MAX_UINT64)) ?? account?.nonce ?? 0n,
      balance: optional(override, 'balance', where, readQuantity) ?? account?.balance ?? 0n,
      code: optional(override, 'code', where, readData) ?? account?.code ?? new Uint8Array(0),
      storage: full ?? storage,
    });
  }
}
