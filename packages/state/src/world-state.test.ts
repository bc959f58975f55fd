import { emptyTxContext, type Log } from '@tandem-evm/host';
import { EMPTY_CODE_HASH, keccak256Word } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { stateTestBlockHash, WorldState } from './world-state.js';

const ALICE = 0xa11cen;
const BOB = 0xb0bn;
const CODE = new Uint8Array([0x60, 0x01, 0x00]);

function stateWithAlice(): WorldState {
  return WorldState.fromAccounts([
    [ALICE, { nonce: 1n, balance: 100n, code: CODE, storage: new Map([[1n, 10n]]) }],
  ]);
}

describe('reads', () => {
  it('reads a missing account as empty', () => {
    const state = new WorldState();
    expect(state.accountExists(BOB)).toBe(false);
    expect(state.isEmpty(BOB)).toBe(true);
    expect(state.getBalance(BOB)).toBe(0n);
    expect(state.getNonce(BOB)).toBe(0n);
    expect(state.getCode(BOB).length).toBe(0);
    expect(state.getCodeHash(BOB)).toBe(0n);
    expect(state.getStorage(BOB, 1n)).toBe(0n);
    expect(state.getCommittedStorage(BOB, 1n)).toBe(0n);
    expect(state.getTransientStorage(BOB, 1n)).toBe(0n);
    expect(state.hasStorage(BOB)).toBe(false);
  });

  it('reads a loaded account', () => {
    const state = stateWithAlice();
    expect(state.accountExists(ALICE)).toBe(true);
    expect(state.isEmpty(ALICE)).toBe(false);
    expect(state.getNonce(ALICE)).toBe(1n);
    expect(state.getBalance(ALICE)).toBe(100n);
    expect(state.getCode(ALICE)).toBe(CODE);
    expect(state.getCodeHash(ALICE)).toBe(keccak256Word(CODE));
    expect(state.getStorage(ALICE, 1n)).toBe(10n);
    expect(state.hasStorage(ALICE)).toBe(true);
  });

  it('gives an existing account without code the empty code hash', () => {
    const state = WorldState.fromAccounts([[BOB, {}]]);
    expect(state.accountExists(BOB)).toBe(true);
    expect(state.isEmpty(BOB)).toBe(true);
    expect(state.getCodeHash(BOB)).toBe(EMPTY_CODE_HASH);
  });
});

describe('loading and dumping', () => {
  it('drops zero storage values', () => {
    const state = WorldState.fromAccounts([
      [
        ALICE,
        {
          storage: [
            [1n, 0n],
            [2n, 3n],
          ],
        },
      ],
    ]);
    expect([...state.getAccount(ALICE)!.storage]).toEqual([[2n, 3n]]);
  });

  it('iterates over every account', () => {
    const state = stateWithAlice();
    state.setAccount(BOB, { balance: 5n });
    expect([...state].map(([address]) => address)).toEqual([ALICE, BOB]);
    expect(state.accounts.size).toBe(2);
    expect(state.getAccount(BOB)?.balance).toBe(5n);
    expect(state.getAccount(0x999n)).toBeUndefined();
  });

  it('refuses values out of range, naming the field', () => {
    const state = new WorldState();
    expect(() => state.setAccount(1n << 160n, {})).toThrow(/address is out of range/);
    expect(() => state.setAccount(ALICE, { nonce: 1n << 64n })).toThrow(/nonce is out of range/);
    expect(() => state.setAccount(ALICE, { balance: -1n })).toThrow(RangeError);
    expect(() => state.setAccount(ALICE, { storage: [[1n << 256n, 1n]] })).toThrow(/storage key/);
    expect(() => state.setAccount(ALICE, { storage: [[1n, 1n << 256n]] })).toThrow(/storage value/);
  });
});

describe('journal', () => {
  it('reverts balance, nonce and code, including the code hash', () => {
    const state = stateWithAlice();
    const hashBefore = state.getCodeHash(ALICE);
    const snapshot = state.snapshot();
    state.setBalance(ALICE, 7n);
    state.setNonce(ALICE, 9n);
    state.setCode(ALICE, new Uint8Array([0xfe]));
    expect(state.getCodeHash(ALICE)).toBe(keccak256Word(new Uint8Array([0xfe])));
    state.revert(snapshot);
    expect(state.getBalance(ALICE)).toBe(100n);
    expect(state.getNonce(ALICE)).toBe(1n);
    expect(state.getCode(ALICE)).toBe(CODE);
    expect(state.getCodeHash(ALICE)).toBe(hashBefore);
  });

  it('reverts storage writes, including deletions and new slots', () => {
    const state = stateWithAlice();
    const snapshot = state.snapshot();
    state.setStorage(ALICE, 1n, 0n);
    state.setStorage(ALICE, 2n, 20n);
    expect(state.hasStorage(ALICE)).toBe(true);
    expect(state.getAccount(ALICE)!.storage.has(1n)).toBe(false);
    state.revert(snapshot);
    expect(state.getStorage(ALICE, 1n)).toBe(10n);
    expect(state.getStorage(ALICE, 2n)).toBe(0n);
    expect([...state.getAccount(ALICE)!.storage]).toEqual([[1n, 10n]]);
  });

  it('reverts transient storage', () => {
    const state = new WorldState();
    state.setTransientStorage(ALICE, 1n, 5n);
    const snapshot = state.snapshot();
    state.setTransientStorage(ALICE, 1n, 6n);
    state.setTransientStorage(ALICE, 2n, 7n);
    state.revert(snapshot);
    expect(state.getTransientStorage(ALICE, 1n)).toBe(5n);
    expect(state.getTransientStorage(ALICE, 2n)).toBe(0n);
  });

  it('reverts the creation of an account by a write', () => {
    const state = new WorldState();
    const snapshot = state.snapshot();
    state.setBalance(BOB, 0n);
    expect(state.accountExists(BOB)).toBe(true);
    state.setStorage(BOB, 1n, 1n);
    state.revert(snapshot);
    expect(state.accountExists(BOB)).toBe(false);
    expect(state.getStorage(BOB, 1n)).toBe(0n);
  });

  it('reverts createContract', () => {
    const state = stateWithAlice();
    const snapshot = state.snapshot();
    state.createContract(ALICE);
    expect(state.getBalance(ALICE)).toBe(100n);
    expect(state.getNonce(ALICE)).toBe(0n);
    expect(state.getCode(ALICE).length).toBe(0);
    expect(state.getCodeHash(ALICE)).toBe(EMPTY_CODE_HASH);
    expect(state.getStorage(ALICE, 1n)).toBe(0n);
    expect(state.hasStorage(ALICE)).toBe(false);
    expect(state.isCreatedInTx(ALICE)).toBe(true);
    state.revert(snapshot);
    expect(state.getNonce(ALICE)).toBe(1n);
    expect(state.getCode(ALICE)).toBe(CODE);
    expect(state.getStorage(ALICE, 1n)).toBe(10n);
    expect(state.isCreatedInTx(ALICE)).toBe(false);
  });

  it('reverts createContract of a new account, removing it', () => {
    const state = new WorldState();
    const snapshot = state.snapshot();
    state.createContract(BOB);
    expect(state.accountExists(BOB)).toBe(true);
    state.revert(snapshot);
    expect(state.accountExists(BOB)).toBe(false);
    expect(state.isCreatedInTx(BOB)).toBe(false);
  });

  it('reverts self-destruct marks', () => {
    const state = stateWithAlice();
    const snapshot = state.snapshot();
    expect(state.selfDestruct(ALICE)).toBe(true);
    expect(state.selfDestruct(ALICE)).toBe(false);
    state.revert(snapshot);
    expect(state.selfDestruct(ALICE)).toBe(true);
    state.revert(snapshot);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(ALICE)).toBe(true);
  });

  it('reverts touch marks', () => {
    const state = WorldState.fromAccounts([[BOB, {}]]);
    const snapshot = state.snapshot();
    state.touch(BOB);
    state.revert(snapshot);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(BOB)).toBe(true);
  });

  it('never reverts the touch of 0x03 (the RIPEMD-160 quirk of mainnet block 2,675,119)', () => {
    const state = WorldState.fromAccounts([
      [0x03n, {}],
      [0x02n, {}],
    ]);
    const outer = state.snapshot();
    const inner = state.snapshot();
    state.touch(0x03n);
    state.touch(0x02n);
    state.revert(inner);
    state.revert(outer);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(0x03n)).toBe(false);
    expect(state.accountExists(0x02n)).toBe(true);
  });

  it('reverts logs', () => {
    const state = new WorldState();
    const first: Log = { address: ALICE, topics: [], data: new Uint8Array(0) };
    const second: Log = { address: BOB, topics: [1n], data: new Uint8Array([1]) };
    state.emitLog(first);
    const snapshot = state.snapshot();
    state.emitLog(second);
    expect(state.logs).toEqual([first, second]);
    state.revert(snapshot);
    expect(state.logs).toEqual([first]);
  });

  it('reverts the warm account and slot sets', () => {
    const state = new WorldState();
    expect(state.accessAccount(ALICE)).toBe(false);
    expect(state.accessStorage(ALICE, 1n)).toBe(false);
    const snapshot = state.snapshot();
    expect(state.accessAccount(ALICE)).toBe(true);
    expect(state.accessAccount(BOB)).toBe(false);
    expect(state.accessStorage(ALICE, 1n)).toBe(true);
    expect(state.accessStorage(ALICE, 2n)).toBe(false);
    expect(state.accessStorage(BOB, 1n)).toBe(false);
    state.revert(snapshot);
    expect(state.accessAccount(ALICE)).toBe(true);
    expect(state.accessAccount(BOB)).toBe(false);
    expect(state.accessStorage(ALICE, 1n)).toBe(true);
    expect(state.accessStorage(ALICE, 2n)).toBe(false);
    expect(state.accessStorage(BOB, 1n)).toBe(false);
  });

  it('reverts nested snapshots level by level', () => {
    const state = stateWithAlice();
    const outer = state.snapshot();
    state.setBalance(ALICE, 1n);
    state.setStorage(ALICE, 1n, 11n);
    const inner = state.snapshot();
    state.setBalance(ALICE, 2n);
    state.setStorage(ALICE, 1n, 12n);
    state.setBalance(BOB, 3n);
    state.revert(inner);
    expect(state.getBalance(ALICE)).toBe(1n);
    expect(state.getStorage(ALICE, 1n)).toBe(11n);
    expect(state.accountExists(BOB)).toBe(false);
    state.setNonce(ALICE, 5n);
    state.revert(outer);
    expect(state.getBalance(ALICE)).toBe(100n);
    expect(state.getStorage(ALICE, 1n)).toBe(10n);
    expect(state.getNonce(ALICE)).toBe(1n);
  });

  it('keeps a write whose value did not change out of the journal', () => {
    const state = stateWithAlice();
    const snapshot = state.snapshot();
    state.setStorage(ALICE, 1n, 10n);
    state.setTransientStorage(ALICE, 1n, 0n);
    expect(state.snapshot()).toBe(snapshot);
  });

  it('touches an account on any balance write, even one that changes nothing (EIP-161)', () => {
    const state = WorldState.fromAccounts([[BOB, { balance: 0n }]]);
    state.beginTransaction(emptyTxContext());
    const snapshot = state.snapshot();
    state.setBalance(BOB, 0n);
    expect(state.snapshot()).toBe(snapshot + 1);
    state.revert(snapshot);
    expect(state.snapshot()).toBe(snapshot);
    state.setBalance(BOB, 0n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(BOB)).toBe(false);
  });

  it('journals no touch of an account with a nonce or code, which cannot end the transaction empty', () => {
    const state = WorldState.fromAccounts([
      [ALICE, { nonce: 1n }],
      [BOB, { code: CODE }],
    ]);
    state.beginTransaction(emptyTxContext());
    const snapshot = state.snapshot();
    state.touch(ALICE);
    state.touch(BOB);
    expect(state.snapshot()).toBe(snapshot);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(ALICE) && state.accountExists(BOB)).toBe(true);
  });

  it('refuses a snapshot that is not a journal position', () => {
    const state = new WorldState();
    state.setBalance(ALICE, 1n);
    expect(() => state.revert(state.snapshot() + 1)).toThrow(RangeError);
    expect(() => state.revert(-1)).toThrow(/snapshot: -1/);
    expect(() => state.revert(0.5)).toThrow(RangeError);
  });
});

describe('committed storage', () => {
  it('is the value at the start of the transaction', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    state.setStorage(ALICE, 1n, 11n);
    state.setStorage(ALICE, 1n, 12n);
    state.setStorage(ALICE, 2n, 5n);
    expect(state.getStorage(ALICE, 1n)).toBe(12n);
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(10n);
    expect(state.getCommittedStorage(ALICE, 2n)).toBe(0n);
    expect(state.getCommittedStorage(ALICE, 3n)).toBe(0n);
  });

  it('survives a revert of the writes', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    const snapshot = state.snapshot();
    state.setStorage(ALICE, 1n, 11n);
    state.revert(snapshot);
    state.setStorage(ALICE, 1n, 13n);
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(10n);
  });

  it('keeps the transaction-start value when createContract clears the storage', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    state.createContract(ALICE);
    expect(state.getStorage(ALICE, 1n)).toBe(0n);
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(10n);
  });

  it('becomes the current storage when the transaction is finalized', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    state.setStorage(ALICE, 1n, 11n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(11n);
    state.beginTransaction(emptyTxContext());
    state.setStorage(ALICE, 1n, 12n);
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(11n);
  });

  it('becomes the current storage when a transaction begins without finalizing the last', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    state.setStorage(ALICE, 1n, 11n);
    state.beginTransaction(emptyTxContext());
    expect(state.getCommittedStorage(ALICE, 1n)).toBe(11n);
  });
});

describe('transaction lifecycle', () => {
  it('starts each transaction with a fresh context, access sets, transient storage and logs', () => {
    const state = stateWithAlice();
    const context = emptyTxContext({ origin: ALICE, number: 7n });
    state.beginTransaction(emptyTxContext());
    state.accessAccount(ALICE);
    state.accessStorage(ALICE, 1n);
    state.setTransientStorage(ALICE, 1n, 1n);
    state.emitLog({ address: ALICE, topics: [], data: new Uint8Array(0) });
    state.createContract(BOB);
    state.finalizeTransaction({ deleteEmptyTouched: false });
    expect(state.logs.length).toBe(1);
    expect(state.isCreatedInTx(BOB)).toBe(false);

    state.beginTransaction(context);
    expect(state.getTxContext()).toBe(context);
    expect(state.accessAccount(ALICE)).toBe(false);
    expect(state.accessStorage(ALICE, 1n)).toBe(false);
    expect(state.getTransientStorage(ALICE, 1n)).toBe(0n);
    expect(state.logs.length).toBe(0);
    expect(state.snapshot()).toBe(2);
  });

  it('deletes self-destructed accounts, empty or not', () => {
    const state = stateWithAlice();
    state.beginTransaction(emptyTxContext());
    state.selfDestruct(ALICE);
    state.finalizeTransaction({ deleteEmptyTouched: false });
    expect(state.accountExists(ALICE)).toBe(false);
  });

  it('deletes touched empty accounts only when asked', () => {
    for (const deleteEmptyTouched of [true, false]) {
      const state = WorldState.fromAccounts([
        [ALICE, {}],
        [BOB, {}],
        [0xcafen, { balance: 1n }],
      ]);
      state.beginTransaction(emptyTxContext());
      state.touch(ALICE);
      state.touch(0xcafen);
      state.touch(0xdeadn);
      state.finalizeTransaction({ deleteEmptyTouched });
      expect(state.accountExists(ALICE)).toBe(!deleteEmptyTouched);
      expect(state.accountExists(BOB)).toBe(true);
      expect(state.accountExists(0xcafen)).toBe(true);
      // Touching a missing account creates it, as a pre-EIP-161 CALL does.
      expect(state.accountExists(0xdeadn)).toBe(!deleteEmptyTouched);
    }
  });

  it('judges emptiness at the end of the transaction', () => {
    const state = WorldState.fromAccounts([[ALICE, { balance: 1n }]]);
    state.beginTransaction(emptyTxContext());
    state.touch(ALICE);
    state.setBalance(ALICE, 0n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(ALICE)).toBe(false);
  });

  it('forgets the marks of a finalized transaction', () => {
    const state = WorldState.fromAccounts([[ALICE, {}]]);
    state.beginTransaction(emptyTxContext());
    state.createContract(BOB);
    state.setNonce(BOB, 1n);
    state.finalizeTransaction({ deleteEmptyTouched: true });
    state.touch(ALICE);
    state.selfDestruct(BOB);
    state.beginTransaction(emptyTxContext());
    state.finalizeTransaction({ deleteEmptyTouched: true });
    expect(state.accountExists(ALICE)).toBe(true);
    expect(state.accountExists(BOB)).toBe(true);
  });
});

describe('block hashes', () => {
  it('defaults to keccak256 of the decimal block number', () => {
    const state = new WorldState();
    const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
    expect(state.getBlockHash(256n)).toBe(keccak256Word(ascii('256')));
    expect(stateTestBlockHash(0n)).toBe(keccak256Word(ascii('0')));
  });

  it('takes a source from the options or the setter', () => {
    const state = new WorldState({ blockHashes: (number) => number + 1n });
    expect(state.getBlockHash(5n)).toBe(6n);
    state.blockHashes = (number) => number * 2n;
    expect(state.getBlockHash(5n)).toBe(10n);
  });
});
