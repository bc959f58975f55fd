import { createEvm } from '@tandem-evm/evm';
import { type Address, emptyTxContext, type Message } from '@tandem-evm/host';
import { bytesToWord } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { type AsyncStateSource, executeWithAsyncState, type LoadedAccount, StateCache } from './index.js';

const CONTRACT = 0xc0den;
const hexCode = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((byte) => Number.parseInt(byte, 16)));

/** An async source over plain maps that counts what it is asked for. */
function source(accounts: Map<Address, LoadedAccount>, slots: Map<bigint, bigint>) {
  const asked = { accounts: 0, slots: 0, blockHashes: 0 };
  const remote: AsyncStateSource = {
    getAccount: async (address) => {
      asked.accounts++;
      return accounts.get(address);
    },
    getStorage: async (_address, slot) => {
      asked.slots++;
      return slots.get(slot) ?? 0n;
    },
    getBlockHash: async (number) => {
      asked.blockHashes++;
      return 0xb10c0000n + number;
    },
  };
  return { remote, asked };
}

/** Runs `code` as the contract's, its account loaded first (as the adapter loads the callee). */
async function call(
  code: Uint8Array,
  slots: Map<bigint, bigint>,
  { hasStorage = true, blockNumber = 0n } = {},
) {
  const { remote, asked } = source(
    new Map([[CONTRACT, { nonce: 1n, balance: 0n, code, hasStorage }]]),
    slots,
  );
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: 5_000_000n,
    sender: 0xca11e7n,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 0n,
    input: new Uint8Array(0),
    isStatic: false,
  };
  const cache = new StateCache(remote);
  await cache.loadAccount(CONTRACT);
  const run = await executeWithAsyncState(createEvm({ revision: 'cancun' }), message, cache, (state) =>
    state.beginTransaction(emptyTxContext({ number: blockNumber })),
  );
  return { run, asked, cache };
}

// PUSH1 1 SLOAD PUSH1 2 SLOAD ADD PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
const ADD_SLOTS_1_AND_2 = hexCode('600154600254015f5260205ff3');
// PUSH1 100 JUMPDEST DUP1 DUP1 SSTORE PUSH1 1 SWAP1 SUB DUP1 PUSH1 2 JUMPI STOP: slot i := i, i = 100…1
const STORE_100_SLOTS = hexCode('60645b80805560019003806002570000');
// PUSH1 7 BLOCKHASH PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
const BLOCKHASH_7 = hexCode('6007405f5260205ff3');

describe('executeWithAsyncState', () => {
  it('guesses what is not loaded, then runs again only when a guess was wrong', async () => {
    const { run, asked } = await call(
      ADD_SLOTS_1_AND_2,
      new Map([
        [1n, 40n],
        [2n, 2n],
      ]),
    );
    const { result, attempts } = run;
    expect(result.status).toBe('success');
    expect(result.output[31]).toBe(42);
    // Run 1 guessed both slots zero (both read in one run); run 2 read them loaded.
    expect(attempts).toBe(2);
    expect(asked.slots).toBe(2);
  });

  it('runs once when every guess holds, however many slots the message touches', async () => {
    const { run, asked, cache } = await call(STORE_100_SLOTS, new Map());
    const { result, attempts, state } = run;
    expect(result.status).toBe('success');
    expect(attempts).toBe(1);
    // Each guess was checked against the source.
    expect(asked.slots).toBe(100);
    expect(cache.storage.get(CONTRACT)?.size).toBe(100);
    expect(state.getStorage(CONTRACT, 37n)).toBe(37n);
  });

  it('runs again with the real value when a guessed-zero slot is not', async () => {
    // Slot 50 holds 50 already: writing the same value is cheaper, so the first run's gas was wrong.
    const once = (await call(STORE_100_SLOTS, new Map())).run;
    const { run } = await call(STORE_100_SLOTS, new Map([[50n, 50n]]));
    const { result, attempts } = run;
    expect(attempts).toBe(2);
    expect(result.gasLeft).toBeGreaterThan(once.result.gasLeft);
  });

  it('asks nothing for the slots of an account whose storage is empty', async () => {
    const { run, asked } = await call(ADD_SLOTS_1_AND_2, new Map([[1n, 40n]]), { hasStorage: false });
    const { result, attempts } = run;
    expect(result.output[31]).toBe(0);
    expect(attempts).toBe(1);
    expect(asked.slots).toBe(0);
  });

  it('loads a block hash on a miss and runs again', async () => {
    const { run, asked } = await call(BLOCKHASH_7, new Map(), { blockNumber: 10n });
    const { result, attempts } = run;
    expect(bytesToWord(result.output, 0, 32)).toBe(0xb10c0007n);
    expect(attempts).toBe(2);
    expect(asked.blockHashes).toBe(1);
  });
});
