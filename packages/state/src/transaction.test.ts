import { type Host, type Message, type MessageExecutor, type Result, Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import {
  applyBlockReward,
  type BlockEnv,
  blobBaseFee,
  executeTransaction,
  intrinsicGas,
  type Transaction,
  transactionType,
  validateTransaction,
} from './index.js';
import { stateRoot } from './state-root.js';
import { WorldState } from './world-state.js';

const SENDER = 0xa11cen;
const CALLEE = 0xc0den;
const COINBASE = 0xc0b0n;
const ETHER = 10n ** 18n;

const BLOCK: BlockEnv = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 30_000_000n,
  prevRandao: 0n,
  baseFee: 10n,
  excessBlobGas: 0n,
};

/** A legacy transaction at gas price 10, or an EIP-1559 one when `maxFeePerGas` is given. */
function tx(fields: Partial<Transaction> = {}): Transaction {
  const fees = fields.maxFeePerGas === undefined ? { gasPrice: 10n } : {};
  return {
    sender: SENDER,
    to: CALLEE,
    nonce: 0n,
    gasLimit: 100_000n,
    value: 0n,
    data: new Uint8Array(),
    ...fees,
    ...fields,
  };
}

function state(
  senderBalance = ETHER,
  extra: [bigint, { code?: Uint8Array; nonce?: bigint; balance?: bigint }][] = [],
) {
  return WorldState.fromAccounts([[SENDER, { balance: senderBalance }], ...extra]);
}

/**
 * An executor that runs no code: it records the message and what the host
 * said about the warm set, moves the value like a CALL, and returns a scripted
 * gas left and refund.
 */
class StubExecutor implements MessageExecutor {
  message: Message | undefined;
  warmAtStart = new Map<bigint, boolean>();
  constructor(
    readonly revision: Revision,
    readonly gasUsedByCode = 0n,
    readonly refund = 0n,
    readonly probe: readonly bigint[] = [],
  ) {}
  execute(message: Message, host: Host): Result {
    this.message = message;
    for (const address of this.probe) this.warmAtStart.set(address, host.accessAccount(address));
    if (message.kind === 'call' && message.value > 0n) {
      host.setBalance(message.sender, host.getBalance(message.sender) - message.value);
      host.setBalance(message.recipient, host.getBalance(message.recipient) + message.value);
    }
    return {
      status: 'success',
      gasLeft: message.gas - this.gasUsedByCode,
      gasRefund: this.refund,
      output: new Uint8Array(),
    };
  }
}

describe('intrinsicGas', () => {
  const data = new Uint8Array([0, 1, 0, 2]);
  it('charges 4 per zero byte and 16 per other byte from Istanbul, 68 before', () => {
    expect(intrinsicGas(tx({ data }), Revision.Cancun)).toBe(21000n + 2n * 4n + 2n * 16n);
    expect(intrinsicGas(tx({ data }), Revision.Petersburg)).toBe(21000n + 2n * 4n + 2n * 68n);
  });
  it('charges creations 53,000 from Homestead and initcode words from Shanghai', () => {
    const initcode = new Uint8Array(33);
    expect(intrinsicGas(tx({ to: null }), Revision.Frontier)).toBe(21000n);
    expect(intrinsicGas(tx({ to: null }), Revision.Homestead)).toBe(53000n);
    expect(intrinsicGas(tx({ to: null, data: initcode }), Revision.Paris)).toBe(53000n + 33n * 4n);
    expect(intrinsicGas(tx({ to: null, data: initcode }), Revision.Shanghai)).toBe(
      53000n + 33n * 4n + 2n * 2n,
    );
  });
  it('charges 2,400 per access-list address and 1,900 per storage key', () => {
    const accessList = [
      { address: 1n, storageKeys: [1n, 2n] },
      { address: 2n, storageKeys: [] },
    ];
    expect(intrinsicGas(tx({ accessList }), Revision.Berlin)).toBe(21000n + 2n * 2400n + 2n * 1900n);
  });
});

describe('transactionType and blobBaseFee', () => {
  it('derives the type from the fields', () => {
    expect(transactionType(tx())).toBe(0);
    expect(transactionType(tx({ accessList: [] }))).toBe(1);
    expect(transactionType(tx({ maxFeePerGas: 1n, maxPriorityFeePerGas: 1n }))).toBe(2);
    expect(transactionType(tx({ blobVersionedHashes: [] }))).toBe(3);
  });
  it('computes the EIP-4844 blob base fee', () => {
    expect(blobBaseFee(0n)).toBe(1n);
    // fake_exponential(1, 3338477, 3338477) = floor(e) = 2.
    expect(blobBaseFee(3338477n)).toBe(2n);
    expect(blobBaseFee(10n * 3338477n)).toBe(22026n); // e^10 = 22026.46…
  });
});

describe('validateTransaction', () => {
  const versioned = (1n << 248n) | 5n;
  const blobTx = (fields: Partial<Transaction> = {}) =>
    tx({
      maxFeePerGas: 10n,
      maxPriorityFeePerGas: 0n,
      maxFeePerBlobGas: 1n,
      blobVersionedHashes: [versioned],
      ...fields,
    });
  const cases: [string, Transaction, string | undefined, WorldState?][] = [
    ['a valid legacy transaction', tx(), undefined],
    ['a value above 2^256', tx({ value: 1n << 256n }), 'RLP_INVALID_VALUE: value'],
    ['a blob transaction creating a contract', blobTx({ to: null }), 'TYPE_3_TX_CONTRACT_CREATION'],
    ['a blob transaction without blobs', blobTx({ blobVersionedHashes: [] }), 'TYPE_3_TX_ZERO_BLOBS'],
    [
      'a blob fee cap below the blob base fee',
      blobTx({ maxFeePerBlobGas: 0n }),
      'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS',
    ],
    [
      'a blob hash of another version',
      blobTx({ blobVersionedHashes: [5n] }),
      'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH',
    ],
    [
      'seven blobs',
      blobTx({ blobVersionedHashes: Array(7).fill(versioned) }),
      'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED',
    ],
    [
      'a tip above the fee cap',
      tx({ maxFeePerGas: 10n, maxPriorityFeePerGas: 11n }),
      'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS',
    ],
    ['a gas limit above the block', tx({ gasLimit: BLOCK.gasLimit + 1n }), 'GAS_ALLOWANCE_EXCEEDED'],
    ['a fee cap below the base fee', tx({ gasPrice: 9n }), 'INSUFFICIENT_MAX_FEE_PER_GAS'],
    [
      'a sender with code',
      tx(),
      'SENDER_NOT_EOA',
      state(ETHER, [[SENDER, { balance: ETHER, code: new Uint8Array([0]) }]]),
    ],
    [
      'a sender nonce of 2^64-1',
      tx({ nonce: (1n << 64n) - 1n }),
      'NONCE_IS_MAX',
      state(ETHER, [[SENDER, { balance: ETHER, nonce: (1n << 64n) - 1n }]]),
    ],
    ['a nonce too high', tx({ nonce: 1n }), 'NONCE_MISMATCH_TOO_HIGH'],
    [
      'a nonce too low',
      tx(),
      'NONCE_MISMATCH_TOO_LOW',
      state(ETHER, [[SENDER, { balance: ETHER, nonce: 1n }]]),
    ],
    [
      'initcode over 49,152 bytes',
      tx({ to: null, data: new Uint8Array(49153), gasLimit: 10_000_000n }),
      'INITCODE_SIZE_EXCEEDED',
    ],
    ['a balance below gasLimit * gasPrice + value', tx({ value: ETHER }), 'INSUFFICIENT_ACCOUNT_FUNDS'],
    ['a gas limit below the intrinsic gas', tx({ gasLimit: 20999n }), 'INTRINSIC_GAS_TOO_LOW'],
  ];
  for (const [name, transaction, reason, world] of cases) {
    it(`${reason === undefined ? 'accepts' : 'rejects'} ${name}`, () => {
      expect(validateTransaction(world ?? state(), transaction, BLOCK, Revision.Cancun)).toBe(reason);
    });
  }

  it('counts the blob fee cap in the balance check', () => {
    const needed = 100_000n * 10n + 131072n * 7n;
    const hashes = [versioned];
    const poor = blobTx({ maxFeePerBlobGas: 7n, blobVersionedHashes: hashes });
    expect(validateTransaction(state(needed - 1n), poor, BLOCK, Revision.Cancun)).toBe(
      'INSUFFICIENT_ACCOUNT_FUNDS',
    );
    expect(validateTransaction(state(needed), poor, BLOCK, Revision.Cancun)).toBeUndefined();
  });

  it('rejects typed transactions before their fork', () => {
    expect(validateTransaction(state(), tx({ accessList: [] }), BLOCK, Revision.Istanbul)).toBe(
      'TYPE_NOT_SUPPORTED',
    );
    expect(validateTransaction(state(), blobTx(), BLOCK, Revision.Shanghai)).toBe('TYPE_NOT_SUPPORTED');
  });

  it('ignores the base fee before London and the initcode limit before Shanghai', () => {
    expect(validateTransaction(state(), tx({ gasPrice: 1n }), BLOCK, Revision.Berlin)).toBeUndefined();
    const big = tx({ to: null, data: new Uint8Array(49153), gasLimit: 10_000_000n, gasPrice: 1n });
    expect(validateTransaction(state(), big, BLOCK, Revision.Paris)).toBe('INSUFFICIENT_MAX_FEE_PER_GAS');
    expect(validateTransaction(state(), { ...big, gasPrice: 10n }, BLOCK, Revision.Paris)).toBeUndefined();
  });
});

describe('executeTransaction', () => {
  it('leaves the state unchanged when the transaction is rejected', () => {
    const world = state();
    const before = stateRoot(world);
    const outcome = executeTransaction(world, new StubExecutor(Revision.Cancun), tx({ nonce: 5n }), BLOCK);
    expect(outcome).toEqual({ kind: 'rejected', reason: 'NONCE_MISMATCH_TOO_HIGH' });
    expect(stateRoot(world)).toBe(before);
  });

  it('buys gas, bumps the nonce, pays the priority fee and returns the change', () => {
    const world = state();
    const executor = new StubExecutor(Revision.Cancun, 5000n);
    const outcome = executeTransaction(world, executor, tx({ gasPrice: 12n, value: 7n }), BLOCK);
    expect(outcome).toMatchObject({ kind: 'executed', status: 'success', gasUsed: 26000n, gasRefund: 0n });
    expect(executor.message).toMatchObject({ kind: 'call', depth: 0, gas: 100_000n - 21000n, value: 7n });
    expect(world.getNonce(SENDER)).toBe(1n);
    expect(world.getBalance(SENDER)).toBe(ETHER - 26000n * 12n - 7n);
    expect(world.getBalance(CALLEE)).toBe(7n);
    // Legacy after London: the coinbase gets gasPrice - baseFee per gas; the base fee is burned.
    expect(world.getBalance(COINBASE)).toBe(26000n * 2n);
  });

  it('gives the coinbase the whole gas price before London', () => {
    const world = state();
    executeTransaction(world, new StubExecutor(Revision.Berlin), tx({ gasPrice: 3n }), BLOCK);
    expect(world.getBalance(COINBASE)).toBe(21000n * 3n);
  });

  it('prices EIP-1559 transactions at baseFee + min(tip, feeCap - baseFee)', () => {
    const world = state();
    const dynamic = tx({ maxFeePerGas: 15n, maxPriorityFeePerGas: 8n });
    executeTransaction(world, new StubExecutor(Revision.Cancun), dynamic, BLOCK);
    expect(world.getBalance(COINBASE)).toBe(21000n * 5n);
    expect(world.getBalance(SENDER)).toBe(ETHER - 21000n * 15n);
    expect(world.getTxContext().gasPrice).toBe(15n);
  });

  it('caps the refund at gasUsed/5 from London and gasUsed/2 before', () => {
    const london = executeTransaction(
      state(),
      new StubExecutor(Revision.London, 29000n, 40000n),
      tx(),
      BLOCK,
    );
    expect(london).toMatchObject({ gasUsed: 50000n - 10000n, gasRefund: 10000n });
    const berlin = executeTransaction(
      state(),
      new StubExecutor(Revision.Berlin, 29000n, 40000n),
      tx(),
      BLOCK,
    );
    expect(berlin).toMatchObject({ gasUsed: 25000n, gasRefund: 25000n });
    const small = executeTransaction(state(), new StubExecutor(Revision.London, 29000n, 300n), tx(), BLOCK);
    expect(small).toMatchObject({ gasUsed: 50000n - 300n, gasRefund: 300n });
  });

  it('burns the blob fee', () => {
    const world = state();
    const blob = tx({
      maxFeePerGas: 10n,
      maxPriorityFeePerGas: 0n,
      maxFeePerBlobGas: 100n,
      blobVersionedHashes: [1n << 248n, 1n << 248n],
    });
    const block = { ...BLOCK, excessBlobGas: 3338477n }; // blob base fee 2
    executeTransaction(world, new StubExecutor(Revision.Cancun), blob, block);
    expect(world.getBalance(SENDER)).toBe(ETHER - 21000n * 10n - 2n * 131072n * 2n);
    expect(world.getTxContext().blobBaseFee).toBe(2n);
    expect(world.getTxContext().blobHashes).toHaveLength(2);
  });

  it('warms the sender, the callee, the precompiles, the access list and (from Shanghai) the coinbase', () => {
    const probe = [SENDER, CALLEE, 0x01n, 0x0an, 0xaaaan, COINBASE, 0xbbbbn];
    const accessList = [{ address: 0xaaaan, storageKeys: [] }];
    const cancun = new StubExecutor(Revision.Cancun, 0n, 0n, probe);
    executeTransaction(state(), cancun, tx({ accessList, gasLimit: 30000n }), BLOCK);
    expect([...cancun.warmAtStart.values()]).toEqual([true, true, true, true, true, true, false]);
    const paris = new StubExecutor(Revision.Paris, 0n, 0n, probe);
    executeTransaction(state(), paris, tx({ accessList, gasLimit: 30000n }), BLOCK);
    expect(paris.warmAtStart.get(COINBASE)).toBe(false);
    expect(paris.warmAtStart.get(0x0an)).toBe(false); // the point evaluation precompile is Cancun's
  });

  it('lets the executor bump the nonce of a creation, from which it derives the address', () => {
    const world = state();
    const executor = new StubExecutor(Revision.Cancun);
    executeTransaction(world, executor, tx({ to: null }), BLOCK);
    expect(executor.message).toMatchObject({ kind: 'create', gas: 100_000n - 53000n });
    expect(world.getNonce(SENDER)).toBe(0n); // the stub does not do CREATE's bump
  });

  it('deletes an empty coinbase that a zero fee touched, and an empty callee', () => {
    const world = state(ETHER, [
      [COINBASE, {}],
      [CALLEE, {}],
    ]);
    const touching: MessageExecutor = {
      revision: Revision.Cancun,
      execute: (message, host) => {
        host.touch(message.recipient);
        return { status: 'success', gasLeft: message.gas, gasRefund: 0n, output: new Uint8Array() };
      },
    };
    executeTransaction(world, touching, tx({ gasPrice: 10n }), BLOCK);
    expect(world.accountExists(COINBASE)).toBe(false);
    expect(world.accountExists(CALLEE)).toBe(false);
  });
});

describe('applyBlockReward', () => {
  it('touches the coinbase: an empty one is deleted from Spurious Dragon, kept before', () => {
    const cancun = WorldState.fromAccounts([[COINBASE, {}]]);
    applyBlockReward(cancun, COINBASE, 0n, Revision.Cancun);
    expect(cancun.accountExists(COINBASE)).toBe(false);
    const homestead = WorldState.fromAccounts([[COINBASE, {}]]);
    applyBlockReward(homestead, COINBASE, 0n, Revision.Homestead);
    expect(homestead.accountExists(COINBASE)).toBe(true);
    const paid = new WorldState();
    applyBlockReward(paid, COINBASE, 5n, Revision.Cancun);
    expect(paid.getBalance(COINBASE)).toBe(5n);
  });
});
