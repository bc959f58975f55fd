// EIP-2935 (Prague): the block-start system call stores the parent's hash in the history
// contract (HISTORY_STORAGE_ADDRESS, the EIP's bytecode), at slot (number − 1) mod 8191; anyone
// can read the last 8191 hashes from it; BLOCKHASH is unchanged. On both engines.
import { emptyTxContext, type Message } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, wordToBytes } from '@tandem-evm/primitives';
import {
  applyBlockHashHistory,
  type BlockEnv,
  HISTORY_SERVE_WINDOW,
  HISTORY_STORAGE_ADDRESS,
  HISTORY_STORAGE_CODE,
  SYSTEM_ADDRESS,
  WorldState,
} from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createAddress, createEvm } from './index.js';
import { CALLER, ENGINES } from './test/engines.js';

const PARENT_HASH = 0x5ea1b10c4a5b00000000000000000000000000000000000000000000000000ffn;

function block(number: bigint): BlockEnv {
  return {
    coinbase: 0xc0b0n,
    number,
    timestamp: 12n * number,
    gasLimit: 30_000_000n,
    prevRandao: 0n,
    baseFee: 7n,
    excessBlobGas: 0n,
  };
}

function historyState(): WorldState {
  return WorldState.fromAccounts([[HISTORY_STORAGE_ADDRESS, { nonce: 1n, code: HISTORY_STORAGE_CODE }]]);
}

describe.each(ENGINES)('EIP-2935 block hash history on %s', (engine) => {
  it('deploys as the EIP’s deployment transaction does, to HISTORY_STORAGE_ADDRESS', () => {
    // The EIP's deployment input: a 9-byte constructor returning the 0x53 bytes after it.
    const deployer = 0x3462413af4609098e1e27a490f554f260213d685n;
    const initcode = concatBytes(hexToBytes('0x60538060095f395ff3'), HISTORY_STORAGE_CODE);
    expect(createAddress(deployer, 0n)).toBe(HISTORY_STORAGE_ADDRESS);
    const state = WorldState.fromAccounts([[deployer, { balance: 10n ** 18n }]]);
    state.beginTransaction(emptyTxContext({ origin: deployer }));
    const message: Message = {
      kind: 'create',
      depth: 0,
      gas: 250_000n,
      sender: deployer,
      recipient: 0n,
      codeAddress: 0n,
      value: 0n,
      input: initcode,
      isStatic: false,
    };
    const result = createEvm({ revision: 'prague', engine }).execute(message, state);
    expect(result.createdAddress).toBe(HISTORY_STORAGE_ADDRESS);
    expect(state.getCode(HISTORY_STORAGE_ADDRESS)).toEqual(HISTORY_STORAGE_CODE);
  });

  it('stores the parent hash at slot (number − 1) mod 8191, without touching the system address', () => {
    const evm = createEvm({ revision: 'prague', engine });
    const state = historyState();
    const result = applyBlockHashHistory(state, evm, block(10n), PARENT_HASH);
    expect(result?.status).toBe('success');
    expect(state.getStorage(HISTORY_STORAGE_ADDRESS, 9n)).toBe(PARENT_HASH);
    expect(state.accountExists(SYSTEM_ADDRESS)).toBe(false);
    const wrapped = historyState();
    applyBlockHashHistory(wrapped, evm, block(HISTORY_SERVE_WINDOW + 6n), PARENT_HASH);
    expect(wrapped.getStorage(HISTORY_STORAGE_ADDRESS, 5n)).toBe(PARENT_HASH);
  });

  it('does nothing before Prague, or where the contract has no code', () => {
    const cancun = historyState();
    expect(
      applyBlockHashHistory(cancun, createEvm({ revision: 'cancun', engine }), block(10n), PARENT_HASH),
    ).toBe(undefined);
    expect(cancun.getStorage(HISTORY_STORAGE_ADDRESS, 9n)).toBe(0n);
    const empty = new WorldState();
    expect(
      applyBlockHashHistory(empty, createEvm({ revision: 'osaka', engine }), block(10n), PARENT_HASH),
    ).toBe(undefined);
    expect(empty.accounts.size).toBe(0);
  });

  it('serves the hash of any of the last 8191 blocks to other callers, and reverts otherwise', () => {
    const evm = createEvm({ revision: 'prague', engine });
    const state = historyState();
    applyBlockHashHistory(state, evm, block(10n), PARENT_HASH);
    const get = (input: Uint8Array) => {
      state.beginTransaction(emptyTxContext({ origin: CALLER, number: 10n }));
      const message: Message = {
        kind: 'call',
        depth: 0,
        gas: 100_000n,
        sender: CALLER,
        recipient: HISTORY_STORAGE_ADDRESS,
        codeAddress: HISTORY_STORAGE_ADDRESS,
        value: 0n,
        input,
        isStatic: false,
      };
      return evm.execute(message, state);
    };
    const found = get(wordToBytes(9n));
    expect(found.status).toBe('success');
    expect(bytesToHex(found.output)).toBe(bytesToHex(wordToBytes(PARENT_HASH)));
    expect(get(wordToBytes(10n)).status).toBe('revert');
    expect(get(wordToBytes(8n)).output).toEqual(wordToBytes(0n));
    expect(get(new Uint8Array(31)).status).toBe('revert');
  });
});
