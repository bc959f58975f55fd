import { emptyTxContext } from '@tandem-evm/host';
import { hexToBytes, keccak256Word, parseAddress, parseBigInt } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_LOGS_HASH, logsHash, stateRoot, storageRoot } from './state-root.js';
import {
  type FixtureAccount,
  invalidTr,
  logCases,
  lowGasLimit,
  lowGasLimitExecuted,
  type RejectedTxCase,
  transactionCollidingWithNonEmptyAccount_init,
} from './test-data/state-test-fixtures.js';
import { EMPTY_TRIE_ROOT } from './trie.js';
import { WorldState } from './world-state.js';

function loadPre(pre: Readonly<Record<string, FixtureAccount>>): WorldState {
  return WorldState.fromAccounts(
    Object.entries(pre).map(([address, account]) => [
      parseAddress(address),
      {
        nonce: parseBigInt(account.nonce),
        balance: parseBigInt(account.balance),
        code: hexToBytes(account.code),
        storage: Object.entries(account.storage).map(([key, value]) => [
          parseBigInt(key),
          parseBigInt(value),
        ]),
      },
    ]),
  );
}

describe('stateRoot', () => {
  it('is the empty trie root for an empty state', () => {
    expect(stateRoot(new WorldState())).toBe(EMPTY_TRIE_ROOT);
    expect(storageRoot(new Map())).toBe(EMPTY_TRIE_ROOT);
  });

  it('omits zero storage values', () => {
    expect(storageRoot(new Map([[1n, 0n]]))).toBe(EMPTY_TRIE_ROOT);
    expect(storageRoot(new Map([[1n, 5n]]))).toBe(
      storageRoot(
        new Map([
          [1n, 5n],
          [2n, 0n],
        ]),
      ),
    );
  });

  const rejected: RejectedTxCase[] = [lowGasLimit, invalidTr, transactionCollidingWithNonEmptyAccount_init];
  for (const fixture of rejected) {
    it(`matches the post hash of a rejected transaction in ${fixture.source}`, () => {
      const state = loadPre(fixture.pre);
      const coinbase = parseAddress(fixture.coinbase);
      // A rejected transaction leaves the state as it was, then the coinbase is touched.
      state.beginTransaction(emptyTxContext({ coinbase }));
      state.touch(coinbase);
      state.finalizeTransaction({ deleteEmptyTouched: true });
      expect(stateRoot(state)).toBe(parseBigInt(fixture.rejectedPostHash));
    });
  }

  // Applies the lowGasLimit transaction by hand: intrinsic gas 21,004 (one zero data byte);
  // the code costs 3 + 3 + 5,000 (cold SSTORE resetting a non-zero slot); no refund; the
  // priority fee is zero, so the coinbase gets nothing and, being absent, stays absent.
  for (const [gasLimitHex, postHash] of Object.entries(lowGasLimitExecuted.postHashByGasLimit)) {
    it(`matches the post hash of lowGasLimit executed with gas limit ${gasLimitHex}`, () => {
      const state = loadPre(lowGasLimit.pre);
      const sender = parseAddress(lowGasLimitExecuted.sender);
      const to = parseAddress(lowGasLimitExecuted.to);
      const coinbase = parseAddress(lowGasLimit.coinbase);
      const gasPrice = parseBigInt(lowGasLimitExecuted.maxFeePerGas);
      const gasLimit = parseBigInt(gasLimitHex);
      const gasNeeded = 21_004n + 5_006n;

      state.beginTransaction(emptyTxContext({ origin: sender, gasPrice, coinbase, baseFee: gasPrice }));
      state.setNonce(sender, state.getNonce(sender) + 1n);
      state.setBalance(sender, state.getBalance(sender) - gasLimit * gasPrice);
      const frame = state.snapshot();
      state.accessStorage(to, 0n);
      state.setStorage(to, 0n, 2n);
      const gasUsed = gasLimit >= gasNeeded ? gasNeeded : gasLimit;
      if (gasLimit < gasNeeded) state.revert(frame);
      state.setBalance(sender, state.getBalance(sender) + (gasLimit - gasUsed) * gasPrice);
      state.touch(coinbase);
      state.finalizeTransaction({ deleteEmptyTouched: true });

      expect(state.getStorage(to, 0n)).toBe(gasLimit >= gasNeeded ? 2n : 0x60a7n);
      expect(stateRoot(state)).toBe(parseBigInt(postHash));
    });
  }

  it('accepts any address-to-account entries', () => {
    const state = loadPre(invalidTr.pre);
    expect(stateRoot(new Map(state.accounts))).toBe(stateRoot(state));
  });
});

describe('logsHash', () => {
  it('is keccak256(rlp([])) for no logs', () => {
    expect(EMPTY_LOGS_HASH).toBe(keccak256Word(new Uint8Array([0xc0])));
    expect(logsHash([])).toBe(EMPTY_LOGS_HASH);
  });

  for (const fixture of logCases) {
    it(`matches the logs hash of ${fixture.source}`, () => {
      const log = {
        address: parseAddress(fixture.address),
        topics: fixture.topics.map((topic) => parseBigInt(topic)),
        data: hexToBytes(fixture.data),
      };
      expect(logsHash([log])).toBe(parseBigInt(fixture.logsHash));
    });
  }

  it('encodes [address, [topics], data] per log', () => {
    const log = { address: 0x11n, topics: [1n], data: new Uint8Array([0xff]) };
    const address = `94${'00'.repeat(19)}11`;
    const topics = `e1a0${'00'.repeat(31)}01`;
    const expected = hexToBytes(`0xf83bf839${address}${topics}81ff`);
    expect(logsHash([log])).toBe(keccak256Word(expected));
  });
});
