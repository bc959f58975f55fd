// Transaction-level rules the fixtures here do not pin down, checked through
// the real EVM and world state (each one a spec rule, with its source).
import { createAddress, createEvm } from '@tandem-evm/evm';
import { Revision } from '@tandem-evm/host';
import { hexToBytes } from '@tandem-evm/primitives';
import {
  type AccountInit,
  applyBlockReward,
  type BlockEnv,
  executeTransaction,
  type Transaction,
  WorldState,
} from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';

const SENDER = 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn;
const CONTRACT = 0xc0de00000000000000000000000000000000c0den;
const EMPTY_ACCOUNT = 0xe0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0n;
const COINBASE = 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban;
const BLOCK: BlockEnv = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 30_000_000n,
  prevRandao: 0n,
  baseFee: 10n,
  excessBlobGas: 0n,
};

function run(
  accounts: [bigint, AccountInit][],
  tx: Partial<Transaction>,
  revision: Revision = Revision.Cancun,
) {
  const state = WorldState.fromAccounts([[SENDER, { balance: 10n ** 18n }], ...accounts]);
  const evm = createEvm({ revision });
  const outcome = executeTransaction(
    state,
    evm,
    {
      sender: SENDER,
      to: CONTRACT,
      nonce: 0n,
      gasLimit: 1_000_000n,
      value: 0n,
      data: new Uint8Array(),
      gasPrice: 10n,
      ...tx,
    },
    BLOCK,
  );
  applyBlockReward(state, COINBASE, 0n, revision);
  return { state, outcome };
}

const code = (hex: string) => hexToBytes(hex.replaceAll(' ', ''));
const address = (value: bigint) => value.toString(16).padStart(40, '0');

describe('contract creation', () => {
  it('runs init code with empty calldata (the init code is not CALLDATA)', () => {
    // SSTORE(0, CALLDATASIZE + 1)
    const { state } = run([], { to: null, data: code('36 6001 01 6000 55 00') });
    expect(state.getStorage(createAddress(SENDER, 0n), 0n)).toBe(1n);
  });
});

describe('EIP-161 touches', () => {
  it('deletes an empty account that a STATICCALL touched', () => {
    // STATICCALL(0xffff, EMPTY_ACCOUNT, 0, 0, 0, 0)
    const caller = code(`6000 6000 6000 6000 73${address(EMPTY_ACCOUNT)} 61ffff fa 00`);
    const { state } = run(
      [
        [CONTRACT, { code: caller }],
        [EMPTY_ACCOUNT, {}],
      ],
      {},
    );
    expect(state.accountExists(EMPTY_ACCOUNT)).toBe(false);
  });

  it('keeps the touch of an empty 0x03 (RIPEMD-160) through a failed call, and only of 0x03', () => {
    // CALL(1 gas, precompile, 0 value, no input, no output): out of gas inside the precompile.
    const callPrecompile = (precompile: string) =>
      code(`6000 6000 6000 6000 6000 60${precompile} 6001 f1 00`);
    const ripemd = run(
      [
        [CONTRACT, { code: callPrecompile('03') }],
        [0x03n, {}],
      ],
      {},
    );
    expect(ripemd.outcome).toMatchObject({ kind: 'executed', status: 'success' });
    expect(ripemd.state.accountExists(0x03n)).toBe(false);
    const sha256 = run(
      [
        [CONTRACT, { code: callPrecompile('02') }],
        [0x02n, {}],
      ],
      {},
    );
    expect(sha256.state.accountExists(0x02n)).toBe(true);
  });
});

describe('EIP-6780 SELFDESTRUCT', () => {
  const destructToSelf = code('30 ff'); // SELFDESTRUCT(ADDRESS)

  it('only moves the balance of an account created before the transaction (to itself: nothing)', () => {
    const { state } = run([[CONTRACT, { code: destructToSelf, balance: 100n }]], {});
    expect(state.getBalance(CONTRACT)).toBe(100n);
    expect(state.getCode(CONTRACT)).toEqual(destructToSelf);
  });

  it('deletes an account created in the same transaction, burning what it sent to itself', () => {
    const { state, outcome } = run([], { to: null, data: destructToSelf, value: 100n });
    expect(outcome).toMatchObject({ kind: 'executed', status: 'success' });
    expect(state.accountExists(createAddress(SENDER, 0n))).toBe(false);
  });

  it('deleted any self-destructed account before Cancun', () => {
    const { state } = run([[CONTRACT, { code: destructToSelf, balance: 100n }]], {}, Revision.Shanghai);
    expect(state.accountExists(CONTRACT)).toBe(false);
  });
});
