// SSTORE, LOG and SELFDESTRUCT: the instructions that write state, with their host calls.
import { type Host, type Log, Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { log, selfDestruct, sstore } from './index.js';
import { frame, gasUsed, SELF, stubHost } from './test/frame.js';

const R = Revision;
const BENEFICIARY = 0xbe4en;

/** A host with one account's storage, `committed` being its value at the start of the transaction. */
function storageHost(committed: bigint, current = committed, warm = true) {
  const writes: bigint[] = [];
  const host = stubHost({
    accessStorage: () => warm,
    getStorage: () => current,
    getCommittedStorage: () => committed,
    setStorage: (_address, _key, value) => void writes.push(value),
  });
  return { host, writes };
}

describe('sstore', () => {
  it('refuses to write in a static frame before touching the host', () => {
    expect(sstore(frame({ message: { isStatic: true } }), 0n, 1n)).toBe('static-mode-violation');
  });

  it('charges the cold set price and writes the new value (Berlin: 20000 + 2100)', () => {
    const { host, writes } = storageHost(0n, 0n, false);
    const context = frame({ host, revision: R.Berlin });
    expect(sstore(context, 1n, 7n)).toBeUndefined();
    expect(gasUsed(context)).toBe(22100n);
    expect(writes).toEqual([7n]);
  });

  it('adds the refund for clearing a slot to the frame’s counter (London: 4800)', () => {
    const context = frame({ host: storageHost(5n).host, revision: R.London });
    expect(sstore(context, 1n, 0n)).toBeUndefined();
    expect(gasUsed(context)).toBe(2900n);
    expect(context.gasRefund).toBe(4800);
  });

  it('lets the refund counter go negative when a clear is undone', () => {
    const context = frame({ host: storageHost(5n, 0n).host, revision: R.London });
    expect(sstore(context, 1n, 6n)).toBeUndefined();
    expect(context.gasRefund).toBe(-4800);
  });

  it('does not write when the value stays the same (the stub host would throw)', () => {
    const context = frame({
      host: stubHost({ accessStorage: () => true, getStorage: () => 3n, getCommittedStorage: () => 3n }),
    });
    expect(sstore(context, 1n, 3n)).toBeUndefined();
    expect(gasUsed(context)).toBe(100n);
  });

  it('needs more than the 2300 sentry from Istanbul (EIP-2200), whatever the price', () => {
    expect(sstore(frame({ host: storageHost(1n).host, revision: R.Istanbul, gas: 2300n }), 1n, 1n)).toBe(
      'out-of-gas',
    );
    const context = frame({ host: storageHost(1n).host, revision: R.Istanbul, gas: 2301n });
    expect(sstore(context, 1n, 1n)).toBeUndefined();
    expect(context.gasLeft).toBe(2301n - 800n);
  });

  it('has no sentry in Constantinople (EIP-1283)', () => {
    const context = frame({ host: storageHost(1n).host, revision: R.Constantinople, gas: 2300n });
    expect(sstore(context, 1n, 1n)).toBeUndefined();
    expect(gasUsed(context)).toBe(200n);
  });

  it('asks neither the committed value nor the warm set where metering uses neither (Petersburg)', () => {
    const writes: bigint[] = [];
    const host = stubHost({ getStorage: () => 0n, setStorage: (_a, _k, value) => void writes.push(value) });
    const context = frame({ host, revision: R.Petersburg });
    expect(sstore(context, 1n, 9n)).toBeUndefined();
    expect(gasUsed(context)).toBe(20000n);
    expect(writes).toEqual([9n]);
  });

  it('is out of gas when the price does not fit', () => {
    expect(sstore(frame({ host: storageHost(0n).host, gas: 19999n }), 1n, 1n)).toBe('out-of-gas');
  });
});

describe('log', () => {
  function logHost() {
    const logs: Log[] = [];
    return { host: stubHost({ emitLog: (entry) => void logs.push(entry) }), logs };
  }

  it('emits the memory region as data under the frame’s address, at 8 gas a byte plus memory', () => {
    const { host, logs } = logHost();
    const context = frame({ host });
    context.memory.grow(32);
    context.memory.writable(0, 3).set([1, 2, 3]);
    expect(log(context, 1n, 2n, [0xaan, 0xbbn])).toBeUndefined();
    expect(logs).toEqual([{ address: SELF, topics: [0xaan, 0xbbn], data: Uint8Array.of(2, 3) }]);
    expect(gasUsed(context)).toBe(16n);
  });

  it('emits empty data for a zero size at any offset, free of memory cost', () => {
    const { host, logs } = logHost();
    const context = frame({ host });
    expect(log(context, 1n << 100n, 0n, [])).toBeUndefined();
    expect(logs[0]!.data).toHaveLength(0);
    expect(gasUsed(context)).toBe(0n);
  });

  it('refuses in a static frame and is out of gas before emitting', () => {
    expect(log(frame({ message: { isStatic: true } }), 0n, 0n, [])).toBe('static-mode-violation');
    expect(log(frame({ host: logHost().host, gas: 10n }), 0n, 1n, [])).toBe('out-of-gas'); // 3 + 8
  });
});

describe('selfDestruct', () => {
  interface Accounts {
    balance: bigint;
    beneficiaryExists?: boolean;
    createdInTx?: boolean;
    warm?: boolean;
  }
  function destructHost(accounts: Accounts) {
    const balances = new Map<bigint, bigint>([[SELF, accounts.balance]]);
    const destroyed: bigint[] = [];
    const exists = accounts.beneficiaryExists ?? true;
    const host: Host = stubHost({
      accessAccount: () => accounts.warm ?? true,
      getBalance: (address) => balances.get(address) ?? 0n,
      setBalance: (address, balance) => void balances.set(address, balance),
      accountExists: (address) => address === SELF || exists,
      isEmpty: (address) => address !== SELF && !exists,
      isCreatedInTx: () => accounts.createdInTx ?? false,
      selfDestruct: (address) => destroyed.push(address) === 1,
    });
    return { host, balances, destroyed };
  }

  it('moves the balance to the beneficiary and destroys the account (Shanghai)', () => {
    const { host, balances, destroyed } = destructHost({ balance: 50n });
    const context = frame({ host, revision: R.Shanghai });
    expect(selfDestruct(context, BENEFICIARY)).toBe('success');
    expect([balances.get(SELF), balances.get(BENEFICIARY)]).toEqual([0n, 50n]);
    expect(destroyed).toEqual([SELF]);
    expect(context.gasRefund).toBe(0); // EIP-3529 removed the refund
  });

  it('refunds 24000 the first time before London', () => {
    const context = frame({ host: destructHost({ balance: 0n }).host, revision: R.Berlin });
    selfDestruct(context, BENEFICIARY);
    expect(context.gasRefund).toBe(24000);
  });

  it('only moves the balance from Cancun unless the account was created in this transaction (EIP-6780)', () => {
    const kept = destructHost({ balance: 50n });
    selfDestruct(frame({ host: kept.host, revision: R.Cancun }), BENEFICIARY);
    expect(kept.destroyed).toEqual([]);
    expect(kept.balances.get(BENEFICIARY)).toBe(50n);
    const fresh = destructHost({ balance: 50n, createdInTx: true });
    selfDestruct(frame({ host: fresh.host, revision: R.Cancun }), BENEFICIARY);
    expect(fresh.destroyed).toEqual([SELF]);
  });

  it('burns the balance when the beneficiary is the account itself and it is destroyed', () => {
    const { host, balances } = destructHost({ balance: 50n, createdInTx: true });
    selfDestruct(frame({ host, revision: R.Cancun }), SELF);
    expect(balances.get(SELF)).toBe(0n);
    const kept = destructHost({ balance: 50n });
    selfDestruct(frame({ host: kept.host, revision: R.Cancun }), SELF);
    expect(kept.balances.get(SELF)).toBe(50n);
  });

  it('charges 2600 for a cold beneficiary from Berlin', () => {
    const context = frame({ host: destructHost({ balance: 0n, warm: false }).host, revision: R.Berlin });
    selfDestruct(context, BENEFICIARY);
    expect(gasUsed(context)).toBe(2600n);
  });

  it('charges 25000 for a missing beneficiary in Tangerine Whistle, even with no balance', () => {
    const context = frame({
      host: destructHost({ balance: 0n, beneficiaryExists: false }).host,
      revision: R.TangerineWhistle,
    });
    selfDestruct(context, BENEFICIARY);
    expect(gasUsed(context)).toBe(25000n);
  });

  it('charges 25000 for an empty beneficiary from Spurious Dragon only when value moves (EIP-161)', () => {
    const still = frame({
      host: destructHost({ balance: 0n, beneficiaryExists: false }).host,
      revision: R.SpuriousDragon,
    });
    selfDestruct(still, BENEFICIARY);
    expect(gasUsed(still)).toBe(0n);
    const paying = frame({
      host: destructHost({ balance: 1n, beneficiaryExists: false }).host,
      revision: R.SpuriousDragon,
    });
    selfDestruct(paying, BENEFICIARY);
    expect(gasUsed(paying)).toBe(25000n);
  });

  it('charges no new-account cost in Frontier and Homestead', () => {
    const context = frame({
      host: destructHost({ balance: 1n, beneficiaryExists: false }).host,
      revision: R.Homestead,
    });
    selfDestruct(context, BENEFICIARY);
    expect(gasUsed(context)).toBe(0n);
  });

  it('refuses in a static frame and is out of gas when the new-account cost does not fit', () => {
    expect(selfDestruct(frame({ message: { isStatic: true } }), BENEFICIARY)).toBe('static-mode-violation');
    const context = frame({
      host: destructHost({ balance: 1n, beneficiaryExists: false }).host,
      gas: 24999n,
    });
    expect(selfDestruct(context, BENEFICIARY)).toBe('out-of-gas');
  });
});
