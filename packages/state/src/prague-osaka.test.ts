// Transaction-level rules of Prague and Osaka, from the final EIP texts:
// EIP-7702 set-code transactions (validity, intrinsic gas, the authorization list's processing
// and refund, delegated senders and callees); EIP-7623 calldata floor; EIP-7691 blob
// parameters; EIP-7825 transaction gas limit cap; EIP-7594's six blobs per transaction;
// EIP-7918 excess blob gas bound.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import {
  type Host,
  type Message,
  type MessageExecutor,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import {
  addressToBytes,
  bigintToMinimalBytes,
  bytesToWord,
  concatBytes,
  DELEGATION_CODE_SIZE,
  delegationCode,
  EMPTY_CODE_HASH,
  keccak256,
} from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { type Authorization, applyAuthorizations, authorityOf } from './authorization.js';
import {
  type BlockEnv,
  blobBaseFee,
  blobSchedule,
  executeTransaction,
  floorDataGas,
  intrinsicGas,
  nextExcessBlobGas,
  type Transaction,
  transactionType,
  validateTransaction,
} from './index.js';
import { encodeRlp } from './rlp.js';
import { WorldState } from './world-state.js';

const SENDER = 0xa11cen;
const CALLEE = 0xc0den;
const COINBASE = 0xc0b0n;
const DELEGATE = 0xde1e9a7en;
const ETHER = 10n ** 18n;
const SECP256K1_ORDER = secp256k1.Point.CURVE().n;

const BLOCK: BlockEnv = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 100_000_000n,
  prevRandao: 0n,
  baseFee: 10n,
  excessBlobGas: 0n,
};

/** A signer: its secret key and its address. */
function signer(seed: number) {
  const secretKey = new Uint8Array(32).fill(seed);
  const publicKey = secp256k1.getPublicKey(secretKey, false);
  return { secretKey, address: bytesToWord(keccak256(publicKey.subarray(1)), 12, 20) };
}
const ALICE = signer(1);
const BOB = signer(2);

/** An authorization signed as EIP-7702 says: over keccak256(0x05 ‖ rlp([chainId, address, nonce])). */
function authorize(
  who: { secretKey: Uint8Array },
  fields: { chainId?: bigint; address?: bigint; nonce?: bigint } = {},
): Authorization {
  const chainId = fields.chainId ?? 1n;
  const address = fields.address ?? DELEGATE;
  const nonce = fields.nonce ?? 0n;
  const payload = encodeRlp([
    bigintToMinimalBytes(chainId),
    addressToBytes(address),
    bigintToMinimalBytes(nonce),
  ]);
  const digest = keccak256(concatBytes(Uint8Array.of(0x05), payload));
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(digest, who.secretKey, { prehash: false, format: 'recovered' }),
    'recovered',
  );
  return { chainId, address, nonce, yParity: BigInt(signature.recovery!), r: signature.r, s: signature.s };
}

function tx(fields: Partial<Transaction> = {}): Transaction {
  return {
    sender: SENDER,
    to: CALLEE,
    nonce: 0n,
    gasLimit: 200_000n,
    value: 0n,
    data: new Uint8Array(),
    maxFeePerGas: 10n,
    maxPriorityFeePerGas: 0n,
    ...fields,
  };
}

function world(extra: [bigint, { code?: Uint8Array; nonce?: bigint; balance?: bigint }][] = []) {
  return WorldState.fromAccounts([[SENDER, { balance: ETHER }], ...extra]);
}

/** Runs no code: returns a scripted status, gas use and refund, and records the warm set at the start. */
class StubExecutor implements MessageExecutor {
  warm = new Map<bigint, boolean>();
  message: Message | undefined;
  constructor(
    readonly revision: Revision,
    readonly gasUsedByCode = 0n,
    readonly refund = 0n,
    readonly status: Status = 'success',
    readonly probe: readonly bigint[] = [],
  ) {}
  execute(message: Message, host: Host): Result {
    this.message = message;
    for (const address of this.probe) this.warm.set(address, host.accessAccount(address));
    const failed = this.status !== 'success' && this.status !== 'revert';
    return {
      status: this.status,
      gasLeft: failed ? 0n : message.gas - this.gasUsedByCode,
      gasRefund: this.status === 'success' ? this.refund : 0n,
      output: new Uint8Array(),
    };
  }
}

describe('EIP-7702 authorities', () => {
  it('recover the signer; reject y parity ≥ 2, zero or out-of-range r and s, and high s (EIP-2)', () => {
    const authorization = authorize(ALICE);
    expect(authorityOf(authorization)).toBe(ALICE.address);
    expect(authorityOf({ ...authorization, address: DELEGATE + 1n })).not.toBe(ALICE.address);
    expect(authorityOf({ ...authorization, yParity: 2n })).toBeUndefined();
    expect(authorityOf({ ...authorization, r: 0n })).toBeUndefined();
    expect(authorityOf({ ...authorization, s: 0n })).toBeUndefined();
    expect(authorityOf({ ...authorization, r: SECP256K1_ORDER })).toBeUndefined();
    // The same signature with s' = n − s (and the other parity) recovers the same key, but s' is high.
    const high = {
      ...authorization,
      s: SECP256K1_ORDER - authorization.s,
      yParity: 1n - authorization.yParity,
    };
    expect(authorityOf(high)).toBeUndefined();
  });
});

describe('applyAuthorizations (EIP-7702 behaviour, steps 1-9)', () => {
  it('sets 0xef0100 ‖ address, raises the nonce, warms the authority; refunds 12,500 only for an existing account', () => {
    const state = world([[BOB.address, { balance: 1n }]]);
    state.beginTransaction(state.getTxContext());
    const refund = applyAuthorizations(state, [authorize(ALICE), authorize(BOB)], 1n);
    expect(refund).toBe(12500n);
    for (const { address } of [ALICE, BOB]) {
      expect(state.getCode(address)).toEqual(delegationCode(DELEGATE));
      expect(state.getNonce(address)).toBe(1n);
      expect(state.accessAccount(address)).toBe(true);
    }
    expect(state.getCode(ALICE.address)).toHaveLength(DELEGATION_CODE_SIZE);
  });

  it('accepts chain id 0 and the current chain, skips any other', () => {
    const state = world();
    expect(applyAuthorizations(state, [authorize(ALICE, { chainId: 0n })], 1n)).toBe(0n);
    expect(state.getNonce(ALICE.address)).toBe(1n);
    applyAuthorizations(state, [authorize(ALICE, { chainId: 2n, nonce: 1n })], 1n);
    expect(state.getNonce(ALICE.address)).toBe(1n);
    applyAuthorizations(state, [authorize(ALICE, { chainId: 2n, nonce: 1n })], 2n);
    expect(state.getNonce(ALICE.address)).toBe(2n);
  });

  it('skips a nonce that is not the authority’s, and a nonce of 2^64 − 1, without warming for the latter', () => {
    const state = world([[ALICE.address, { nonce: (1n << 64n) - 1n }]]);
    state.beginTransaction(state.getTxContext());
    applyAuthorizations(state, [authorize(ALICE, { nonce: (1n << 64n) - 1n })], 1n);
    expect(state.getCode(ALICE.address)).toHaveLength(0);
    expect(state.accessAccount(ALICE.address)).toBe(false);
    const other = world([[ALICE.address, { nonce: 3n }]]);
    other.beginTransaction(other.getTxContext());
    applyAuthorizations(other, [authorize(ALICE, { nonce: 2n })], 1n);
    expect(other.getCode(ALICE.address)).toHaveLength(0);
    // Warmed (step 4) before the nonce check (step 6) failed.
    expect(other.accessAccount(ALICE.address)).toBe(true);
  });

  it('skips an authority with code that is not a delegation; replaces a delegation', () => {
    const contract = world([[ALICE.address, { code: Uint8Array.of(0x00) }]]);
    applyAuthorizations(contract, [authorize(ALICE)], 1n);
    expect(contract.getCode(ALICE.address)).toEqual(Uint8Array.of(0x00));
    const delegated = world([[ALICE.address, { code: delegationCode(0x1234n), nonce: 1n }]]);
    applyAuthorizations(delegated, [authorize(ALICE, { nonce: 1n })], 1n);
    expect(delegated.getCode(ALICE.address)).toEqual(delegationCode(DELEGATE));
  });

  it('clears the code for address 0, leaving the empty code hash', () => {
    const state = world([[ALICE.address, { code: delegationCode(0x1234n), nonce: 1n }]]);
    applyAuthorizations(state, [authorize(ALICE, { address: 0n, nonce: 1n })], 1n);
    expect(state.getCode(ALICE.address)).toHaveLength(0);
    expect(state.getCodeHash(ALICE.address)).toBe(EMPTY_CODE_HASH);
    expect(state.getNonce(ALICE.address)).toBe(2n);
  });

  it('lets the last valid tuple of an authority win (each valid one raises the nonce)', () => {
    const state = world();
    const refund = applyAuthorizations(
      state,
      [
        authorize(ALICE, { address: 1n }),
        authorize(ALICE, { address: 2n, nonce: 1n }),
        authorize(ALICE, { address: 3n }),
      ],
      1n,
    );
    expect(state.getCode(ALICE.address)).toEqual(delegationCode(2n));
    expect(state.getNonce(ALICE.address)).toBe(2n);
    // The second tuple found the account the first one created.
    expect(refund).toBe(12500n);
  });
});

describe('set-code transactions', () => {
  const setCode = (authorizationList: Authorization[], fields: Partial<Transaction> = {}) =>
    tx({ authorizationList, ...fields });

  it('are type 4, valid only from Prague, with a callee and at least one tuple', () => {
    const valid = setCode([authorize(ALICE)]);
    expect(transactionType(valid)).toBe(4);
    expect(validateTransaction(world(), valid, BLOCK, Revision.Prague)).toBeUndefined();
    expect(validateTransaction(world(), valid, BLOCK, Revision.Cancun)).toBe('TYPE_NOT_SUPPORTED');
    expect(
      validateTransaction(world(), setCode([authorize(ALICE)], { to: null }), BLOCK, Revision.Prague),
    ).toBe('TYPE_4_TX_CONTRACT_CREATION');
    expect(validateTransaction(world(), setCode([]), BLOCK, Revision.Prague)).toBe(
      'TYPE_4_EMPTY_AUTHORIZATION_LIST',
    );
    expect(
      validateTransaction(
        world(),
        setCode([{ ...authorize(ALICE), nonce: 1n << 64n }]),
        BLOCK,
        Revision.Prague,
      ),
    ).toBe('RLP_INVALID_VALUE: authorization nonce');
  });

  it('charge 25,000 intrinsic gas per tuple, valid or not', () => {
    const list = [authorize(ALICE), { ...authorize(BOB), r: 0n }];
    expect(intrinsicGas(setCode(list), Revision.Prague)).toBe(21000n + 2n * 25000n);
    expect(validateTransaction(world(), setCode(list, { gasLimit: 70999n }), BLOCK, Revision.Prague)).toBe(
      'INTRINSIC_GAS_TOO_LOW',
    );
  });

  it('apply the list after the sender’s nonce, so a sender can sign for itself with nonce + 1', () => {
    const self = signer(3);
    const state = world([[self.address, { balance: ETHER }]]);
    const transaction = setCode([authorize(self, { nonce: 1n })], { sender: self.address });
    const outcome = executeTransaction(state, new StubExecutor(Revision.Prague), transaction, BLOCK);
    expect(outcome.kind).toBe('executed');
    expect(state.getCode(self.address)).toEqual(delegationCode(DELEGATE));
    expect(state.getNonce(self.address)).toBe(2n);
  });

  it('keep the delegations and the authorization refund when execution fails', () => {
    const state = world([[ALICE.address, { balance: 1n }]]);
    const executor = new StubExecutor(Revision.Prague, 0n, 0n, 'revert');
    const outcome = executeTransaction(state, executor, setCode([authorize(ALICE)]), BLOCK);
    expect(state.getCode(ALICE.address)).toEqual(delegationCode(DELEGATE));
    expect(outcome).toMatchObject({ kind: 'executed', status: 'revert' });
    // 46,000 used: the refund is capped at a fifth, 9,200 of the 12,500.
    if (outcome.kind === 'executed') expect(outcome.gasRefund).toBe(46000n / 5n);
  });

  it('allow a delegated sender (EIP-3607 as modified), still not one with other code', () => {
    const delegated = world([[SENDER, { balance: ETHER, code: delegationCode(DELEGATE) }]]);
    expect(validateTransaction(delegated, tx(), BLOCK, Revision.Prague)).toBeUndefined();
    expect(validateTransaction(delegated, tx(), BLOCK, Revision.Cancun)).toBe('SENDER_NOT_EOA');
    const contract = world([[SENDER, { balance: ETHER, code: Uint8Array.of(0) }]]);
    expect(validateTransaction(contract, tx(), BLOCK, Revision.Prague)).toBe('SENDER_NOT_EOA');
  });

  it('warm the target of a delegated callee, set by this transaction or before', () => {
    const executor = new StubExecutor(Revision.Prague, 0n, 0n, 'success', [DELEGATE]);
    executeTransaction(world(), executor, setCode([authorize(ALICE)], { to: ALICE.address }), BLOCK);
    expect(executor.warm.get(DELEGATE)).toBe(true);
    const before = new StubExecutor(Revision.Prague, 0n, 0n, 'success', [DELEGATE]);
    executeTransaction(world([[CALLEE, { code: delegationCode(DELEGATE) }]]), before, tx(), BLOCK);
    expect(before.warm.get(DELEGATE)).toBe(true);
    const cancun = new StubExecutor(Revision.Cancun, 0n, 0n, 'success', [DELEGATE]);
    executeTransaction(world([[CALLEE, { code: delegationCode(DELEGATE) }]]), cancun, tx(), BLOCK);
    expect(cancun.warm.get(DELEGATE)).toBe(false);
  });
});

describe('EIP-7623 calldata floor', () => {
  // 10 zero bytes and 10 others: 10 + 40 = 50 tokens.
  const data = Uint8Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));

  it('is 21,000 + 10 per token from Prague, nothing before', () => {
    expect(floorDataGas(tx({ data }), Revision.Prague)).toBe(21000n + 500n);
    expect(floorDataGas(tx({ data }), Revision.Osaka)).toBe(21000n + 500n);
    expect(floorDataGas(tx({ data }), Revision.Cancun)).toBe(0n);
    // The standard cost is 4 per token: 21,000 + 200.
    expect(intrinsicGas(tx({ data }), Revision.Prague)).toBe(21000n + 200n);
  });

  it('must fit in the gas limit', () => {
    const tight = tx({ data, gasLimit: 21499n });
    expect(validateTransaction(world(), tight, BLOCK, Revision.Prague)).toBe(
      'INTRINSIC_GAS_BELOW_FLOOR_GAS_COST',
    );
    expect(validateTransaction(world(), tight, BLOCK, Revision.Cancun)).toBeUndefined();
    expect(
      validateTransaction(world(), tx({ data, gasLimit: 21500n }), BLOCK, Revision.Prague),
    ).toBeUndefined();
  });

  it('is what a transaction pays when intrinsic gas plus execution comes to less', () => {
    const state = world();
    const outcome = executeTransaction(state, new StubExecutor(Revision.Prague, 100n), tx({ data }), BLOCK);
    expect(outcome).toMatchObject({ kind: 'executed', gasUsed: 21500n });
    expect(state.getBalance(SENDER)).toBe(ETHER - 21500n * 10n);
    // Above the floor, the ordinary sum: 21,200 + 1,000.
    expect(
      executeTransaction(world(), new StubExecutor(Revision.Prague, 1000n), tx({ data }), BLOCK),
    ).toMatchObject({
      gasUsed: 22200n,
    });
  });

  it('applies after the refund: execution gas is counted with the refund subtracted', () => {
    // 21,200 + 4,000 = 25,200 used, refund 5,000 (cap 25,200 / 5 = 5,040): 20,200, raised to 21,500.
    const executor = new StubExecutor(Revision.Prague, 4000n, 5000n);
    expect(executeTransaction(world(), executor, tx({ data }), BLOCK)).toMatchObject({
      gasUsed: 21500n,
      gasRefund: 5000n,
    });
    // Before Prague: 20,200.
    const cancun = new StubExecutor(Revision.Cancun, 4000n, 5000n);
    expect(executeTransaction(world(), cancun, tx({ data }), BLOCK)).toMatchObject({ gasUsed: 20200n });
  });
});

describe('blob parameters', () => {
  const versioned = (1n << 248n) | 5n;
  const blobTx = (count: number) =>
    tx({ maxFeePerBlobGas: 10n, blobVersionedHashes: Array(count).fill(versioned), gasLimit: 100_000n });

  it('EIP-7691: Prague allows 9 blobs a block (target 6) and updates the fee by 1/5007716', () => {
    expect(blobSchedule(Revision.Prague)).toEqual({
      targetBlobGasPerBlock: 786432n,
      maxBlobGasPerBlock: 1179648n,
      baseFeeUpdateFraction: 5007716n,
    });
    expect(validateTransaction(world(), blobTx(9), BLOCK, Revision.Prague)).toBeUndefined();
    expect(validateTransaction(world(), blobTx(10), BLOCK, Revision.Prague)).toBe(
      'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED',
    );
    expect(validateTransaction(world(), blobTx(7), BLOCK, Revision.Cancun)).toBe(
      'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED',
    );
    expect(blobBaseFee(5007716n, Revision.Prague)).toBe(2n);
    expect(blobBaseFee(5007716n, Revision.Cancun)).toBe(4n); // e^1.5 = 4.48…
  });

  it('EIP-7594: Osaka allows at most 6 blobs in one transaction', () => {
    expect(validateTransaction(world(), blobTx(6), BLOCK, Revision.Osaka)).toBeUndefined();
    expect(validateTransaction(world(), blobTx(7), BLOCK, Revision.Osaka)).toBe(
      'TYPE_3_TX_BLOB_COUNT_EXCEEDED',
    );
  });

  it('EIP-7918: from Osaka, the excess does not fall while a blob costs less than 2^13 gas of base fee', () => {
    const target = 786432n;
    const parent = { excessBlobGas: 0n, blobGasUsed: target + 131072n, baseFee: 0n };
    // Cheap execution gas: the ordinary EIP-4844 rule.
    expect(nextExcessBlobGas(parent, Revision.Prague)).toBe(131072n);
    expect(nextExcessBlobGas(parent, Revision.Osaka)).toBe(131072n);
    // 2^13 · base fee > 2^17 · blob base fee (1): the excess grows by used · (9 − 6) / 9.
    const dear = { ...parent, baseFee: 17n };
    expect(nextExcessBlobGas(dear, Revision.Osaka)).toBe(((target + 131072n) * 3n) / 9n);
    expect(nextExcessBlobGas(dear, Revision.Prague)).toBe(131072n);
    // At equality the bound does not apply (2^13 · 16 = 2^17 · 1).
    expect(nextExcessBlobGas({ ...parent, baseFee: 16n }, Revision.Osaka)).toBe(131072n);
    // Below the target the excess is zero either way.
    expect(nextExcessBlobGas({ excessBlobGas: 0n, blobGasUsed: 0n, baseFee: 1000n }, Revision.Osaka)).toBe(
      0n,
    );
    expect(
      nextExcessBlobGas({ excessBlobGas: 0n, blobGasUsed: 393216n + 131072n, baseFee: 0n }, Revision.Cancun),
    ).toBe(131072n);
  });
});

describe('EIP-7825 transaction gas limit cap', () => {
  it('rejects a gas limit above 2^24 from Osaka', () => {
    expect(validateTransaction(world(), tx({ gasLimit: 1n << 24n }), BLOCK, Revision.Osaka)).toBeUndefined();
    expect(validateTransaction(world(), tx({ gasLimit: (1n << 24n) + 1n }), BLOCK, Revision.Osaka)).toBe(
      'GAS_LIMIT_EXCEEDS_MAXIMUM',
    );
    expect(
      validateTransaction(world(), tx({ gasLimit: (1n << 24n) + 1n }), BLOCK, Revision.Prague),
    ).toBeUndefined();
  });
});
