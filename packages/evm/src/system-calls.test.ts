// The block-level system calls of Cancun and Prague, from the final EIP texts, on both engines:
// EIP-4788 beacon roots and EIP-2935 block hashes (block start), EIP-7002 withdrawal and
// EIP-7251 consolidation requests (end of block), EIP-6110 deposit requests (from logs) and the
// EIP-7685 requests hash. Each contract is deployed by its EIP's own deployment transaction,
// whose synthetic signature recovers the sender the EIP documents only if the code is the
// EIP's byte for byte.
import { createHash } from 'node:crypto';
import { emptyTxContext, type Log, type Message, type Result } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import {
  addressToBytes,
  bigintToMinimalBytes,
  bytesToWord,
  concatBytes,
  hexToBytes,
  keccak256,
  MAX_WORD,
  wordToBytes,
} from '@tandem-evm/primitives';
import {
  applyBeaconRoot,
  applyBlockHashHistory,
  BEACON_ROOTS_ADDRESS,
  BEACON_ROOTS_CODE,
  type BlockEnv,
  CONSOLIDATION_REQUEST_ADDRESS,
  CONSOLIDATION_REQUEST_CODE,
  collectConsolidationRequests,
  collectWithdrawalRequests,
  DEPOSIT_CONTRACT_ADDRESS,
  DEPOSIT_EVENT_SIGNATURE_HASH,
  type ExecutedTransaction,
  encodeRlp,
  executeTransaction,
  HISTORY_SERVE_WINDOW,
  HISTORY_STORAGE_ADDRESS,
  HISTORY_STORAGE_CODE,
  InvalidBlockError,
  parseDepositRequests,
  requestsHash,
  SYSTEM_ADDRESS,
  type Transaction,
  WITHDRAWAL_REQUEST_ADDRESS,
  WITHDRAWAL_REQUEST_CODE,
  WorldState,
} from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm, type Evm } from './index.js';
import { CALLER, ENGINES, outputWord } from './test/engines.js';

const ETHER = 10n ** 18n;
const USER = 0x05e7n;

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

/** Each EIP's deployment transaction: legacy, nonce 0, 0x3d090 gas at 0xe8d4a51000, v 27, r 0x539. */
const DEPLOYMENTS = [
  {
    eip: 4788,
    address: BEACON_ROOTS_ADDRESS,
    constructor: '0x60618060095f395ff3',
    code: BEACON_ROOTS_CODE,
    s: 0x1b9b6eb1f0n,
    sender: 0x0b799c86a49deeb90402691f1041aa3af2d3c875n,
    slot0: 0n,
  },
  {
    eip: 2935,
    address: HISTORY_STORAGE_ADDRESS,
    constructor: '0x60538060095f395ff3',
    code: HISTORY_STORAGE_CODE,
    s: 0xaa12693182426612186309f02cfe8a80a0000n,
    sender: 0x3462413af4609098e1e27a490f554f260213d685n,
    slot0: 0n,
  },
  {
    // The constructor first sets slot 0 (the excess) to the inhibitor, 2^256 − 1.
    eip: 7002,
    address: WITHDRAWAL_REQUEST_ADDRESS,
    constructor: `0x7f${'ff'.repeat(32)}5f556101f880602d5f395ff3`,
    code: WITHDRAWAL_REQUEST_CODE,
    s: 0x5feeb084551e4e03a3581e269bc2ea2f8d0008n,
    sender: 0x8646861a7cf453ddd086874d622b0696de5b9674n,
    slot0: MAX_WORD,
  },
  {
    eip: 7251,
    address: CONSOLIDATION_REQUEST_ADDRESS,
    constructor: `0x7f${'ff'.repeat(32)}5f5561019e80602d5f395ff3`,
    code: CONSOLIDATION_REQUEST_CODE,
    s: 0xc0730f92dc275b663d377a7cbb141b6600052n,
    sender: 0x13d1913d623e6a9d8811736359e50fd31fe54fcan,
    slot0: MAX_WORD,
  },
] as const;
type Eip = (typeof DEPLOYMENTS)[number]['eip'];

function deploymentTx(eip: Eip): Transaction {
  const deployment = DEPLOYMENTS.find((d) => d.eip === eip)!;
  const data = concatBytes(hexToBytes(deployment.constructor), deployment.code);
  return {
    sender: deployment.sender,
    to: null,
    nonce: 0n,
    gasLimit: 0x3d090n,
    value: 0n,
    data,
    gasPrice: 0xe8d4a51000n,
  };
}

/** A state where the given system contracts were deployed by their EIPs' transactions, and USER has ether. */
function deployed(evm: Evm, ...eips: Eip[]): WorldState {
  const state = WorldState.fromAccounts([[USER, { balance: ETHER }]]);
  for (const eip of eips) {
    const tx = deploymentTx(eip);
    state.setAccount(tx.sender, { balance: ETHER });
    const outcome = executeTransaction(state, evm, tx, block(1n));
    expect(outcome.kind === 'executed' && outcome.status).toBe('success');
  }
  return state;
}

/** A plain call outside any block logic (a read of the contract). */
function call(state: WorldState, evm: Evm, to: bigint, input: Uint8Array, number = 10n): Result {
  state.beginTransaction(emptyTxContext({ origin: CALLER, number, timestamp: 12n * number }));
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: 1_000_000n,
    sender: CALLER,
    recipient: to,
    codeAddress: to,
    value: 0n,
    input,
    isStatic: false,
  };
  return evm.execute(message, state);
}

/** USER sends a transaction; nonces count up per state. */
function send(state: WorldState, evm: Evm, to: bigint, data: Uint8Array, value: bigint): ExecutedTransaction {
  const tx = {
    sender: USER,
    to,
    nonce: state.getNonce(USER),
    gasLimit: 500_000n,
    value,
    data,
    gasPrice: 10n,
  };
  const outcome = executeTransaction(state, evm, tx, block(2n));
  if (outcome.kind !== 'executed') throw new Error(outcome.reason);
  return outcome;
}

/** EIP-7002's `fake_exponential`, as the EIP's pseudocode writes it. */
function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let output = 0n;
  let accumulator = factor * denominator;
  for (let i = 1n; accumulator > 0n; i++) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
  }
  return output / denominator;
}

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (seed + i) & 0xff);
const uint64 = (value: bigint, littleEndian: boolean) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, littleEndian);
  return out;
};
const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

describe.each(ENGINES)('system contract deployment on %s', (engine) => {
  it.each(DEPLOYMENTS)(
    'EIP-$eip: the signature recovers the EIP’s sender, whose transaction deploys the code',
    (d) => {
      const evm = createEvm({ revision: 'prague', engine });
      const tx = deploymentTx(d.eip);
      const signingHash = keccak256(
        encodeRlp([
          new Uint8Array(0),
          bigintToMinimalBytes(tx.gasPrice!),
          bigintToMinimalBytes(tx.gasLimit),
          new Uint8Array(0),
          new Uint8Array(0),
          tx.data,
        ]),
      );
      // ecrecover (precompile 0x01) of hash ‖ v ‖ r ‖ s.
      const input = concatBytes(signingHash, wordToBytes(27n), wordToBytes(0x539n), wordToBytes(d.s));
      expect(outputWord(call(new WorldState(), evm, 0x01n, input))).toBe(d.sender);

      const state = deployed(evm, d.eip);
      expect(state.getCode(d.address)).toEqual(d.code);
      expect(state.getNonce(d.address)).toBe(1n);
      expect(state.getStorage(d.address, 0n)).toBe(d.slot0);
    },
  );
});

describe.each(ENGINES)('EIP-4788 beacon roots on %s', (engine) => {
  const ROOT = 0xbeac0000000000000000000000000000000000000000000000000000000000a1n;
  const evm = createEvm({ revision: 'cancun', engine });
  const timestamp = 12n * 10n;

  it('stores the timestamp at slot timestamp mod 8191 and the root 8191 slots on, at block start', () => {
    const state = deployed(evm, 4788);
    expect(applyBeaconRoot(state, evm, block(10n), ROOT)?.status).toBe('success');
    expect(state.getStorage(BEACON_ROOTS_ADDRESS, timestamp % 8191n)).toBe(timestamp);
    expect(state.getStorage(BEACON_ROOTS_ADDRESS, (timestamp % 8191n) + 8191n)).toBe(ROOT);
    expect(state.accountExists(SYSTEM_ADDRESS)).toBe(false);
  });

  it('returns the root to `get` by that timestamp, and reverts for any other', () => {
    const state = deployed(evm, 4788);
    applyBeaconRoot(state, evm, block(10n), ROOT);
    const found = call(state, evm, BEACON_ROOTS_ADDRESS, wordToBytes(timestamp));
    expect(found.status).toBe('success');
    expect(outputWord(found)).toBe(ROOT);
    // Same slot, another timestamp; a timestamp never stored; zero; not 32 bytes.
    for (const input of [wordToBytes(timestamp + 8191n), wordToBytes(timestamp + 12n), wordToBytes(0n)]) {
      expect(call(state, evm, BEACON_ROOTS_ADDRESS, input).status).toBe('revert');
    }
    expect(call(state, evm, BEACON_ROOTS_ADDRESS, wordToBytes(timestamp).subarray(1)).status).toBe('revert');
  });

  it('overwrites a slot when a later timestamp wraps onto it', () => {
    const state = deployed(evm, 4788);
    applyBeaconRoot(state, evm, block(10n), ROOT);
    const later = { ...block(11n), timestamp: timestamp + 8191n };
    applyBeaconRoot(state, evm, later, ROOT + 1n);
    expect(call(state, evm, BEACON_ROOTS_ADDRESS, wordToBytes(timestamp)).status).toBe('revert');
    expect(outputWord(call(state, evm, BEACON_ROOTS_ADDRESS, wordToBytes(timestamp + 8191n)))).toBe(
      ROOT + 1n,
    );
  });

  it('does nothing before Cancun or where the contract has no code; a failing call is returned, not thrown', () => {
    const shanghai = deployed(evm, 4788);
    expect(applyBeaconRoot(shanghai, createEvm({ revision: 'shanghai', engine }), block(10n), ROOT)).toBe(
      undefined,
    );
    expect(shanghai.getStorage(BEACON_ROOTS_ADDRESS, timestamp % 8191n)).toBe(0n);
    const empty = new WorldState();
    expect(applyBeaconRoot(empty, evm, block(10n), ROOT)).toBe(undefined);
    expect(empty.accounts.size).toBe(0);
    const reverting = WorldState.fromAccounts([
      [BEACON_ROOTS_ADDRESS, { code: assemble('PUSH0 PUSH0 REVERT') }],
    ]);
    expect(applyBeaconRoot(reverting, evm, block(10n), ROOT)?.status).toBe('revert');
  });
});

describe.each(ENGINES)('EIP-2935 block hash history on %s', (engine) => {
  const PARENT_HASH = 0x5ea1b10c4a5b00000000000000000000000000000000000000000000000000ffn;
  const evm = createEvm({ revision: 'prague', engine });

  it('stores the parent hash at slot (number − 1) mod 8191, without touching the system address', () => {
    const state = deployed(evm, 2935);
    const result = applyBlockHashHistory(state, evm, block(10n), PARENT_HASH);
    expect(result?.status).toBe('success');
    expect(state.getStorage(HISTORY_STORAGE_ADDRESS, 9n)).toBe(PARENT_HASH);
    expect(state.accountExists(SYSTEM_ADDRESS)).toBe(false);
    const wrapped = deployed(evm, 2935);
    applyBlockHashHistory(wrapped, evm, block(HISTORY_SERVE_WINDOW + 6n), PARENT_HASH);
    expect(wrapped.getStorage(HISTORY_STORAGE_ADDRESS, 5n)).toBe(PARENT_HASH);
  });

  it('does nothing before Prague, or where the contract has no code', () => {
    const cancun = deployed(evm, 2935);
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
    const state = deployed(evm, 2935);
    applyBlockHashHistory(state, evm, block(10n), PARENT_HASH);
    const found = call(state, evm, HISTORY_STORAGE_ADDRESS, wordToBytes(9n));
    expect(found.status).toBe('success');
    expect(outputWord(found)).toBe(PARENT_HASH);
    expect(call(state, evm, HISTORY_STORAGE_ADDRESS, wordToBytes(10n)).status).toBe('revert');
    expect(outputWord(call(state, evm, HISTORY_STORAGE_ADDRESS, wordToBytes(8n)))).toBe(0n);
    expect(call(state, evm, HISTORY_STORAGE_ADDRESS, new Uint8Array(31)).status).toBe('revert');
  });
});

describe.each(ENGINES)('EIP-7002 withdrawal requests on %s', (engine) => {
  const evm = createEvm({ revision: 'prague', engine });
  const PUBKEY = bytes(48, 0x40);
  const AMOUNT = 0x0102030405060708n;
  /** The 56-byte request input: pubkey ‖ big-endian amount. */
  const request = (amount: bigint) => concatBytes(PUBKEY, uint64(amount, false));
  const fee = (state: WorldState) => call(state, evm, WITHDRAWAL_REQUEST_ADDRESS, new Uint8Array(0));

  it('refuses fees and requests until the first end-of-block call lifts the inhibitor', () => {
    const state = deployed(evm, 7002);
    expect(fee(state).status).toBe('revert');
    expect(send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, request(AMOUNT), 10n).status).toBe('revert');
    expect(collectWithdrawalRequests(state, evm, block(2n))).toEqual(Uint8Array.of(0x01));
    expect(state.getStorage(WITHDRAWAL_REQUEST_ADDRESS, 0n)).toBe(0n);
    expect(outputWord(fee(state))).toBe(1n);
  });

  it('queues a request paid with the fee, and the end-of-block call dequeues it as a 76-byte record', () => {
    const state = deployed(evm, 7002);
    collectWithdrawalRequests(state, evm, block(2n));
    expect(send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, request(AMOUNT), 0n).status).toBe('revert');
    expect(send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, request(AMOUNT).subarray(1), 1n).status).toBe(
      'revert',
    );
    const added = send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, request(AMOUNT), 1n);
    expect(added.status).toBe('success');
    // The contract logs the caller and its input as given (amount big-endian).
    expect(added.logs).toEqual([
      {
        address: WITHDRAWAL_REQUEST_ADDRESS,
        topics: [],
        data: concatBytes(addressToBytes(USER), request(AMOUNT)),
      },
    ]);
    expect(state.getBalance(WITHDRAWAL_REQUEST_ADDRESS)).toBe(1n);

    const requests = collectWithdrawalRequests(state, evm, block(3n));
    // The record: source address ‖ pubkey ‖ amount little-endian.
    expect(requests).toEqual(
      concatBytes(Uint8Array.of(0x01), addressToBytes(USER), PUBKEY, uint64(AMOUNT, true)),
    );
    expect(requests.length).toBe(1 + 76);
    for (const slot of [0n, 1n, 2n, 3n]) expect(state.getStorage(WITHDRAWAL_REQUEST_ADDRESS, slot)).toBe(0n);
    expect(state.accountExists(SYSTEM_ADDRESS)).toBe(false);
    expect(collectWithdrawalRequests(state, evm, block(4n))).toEqual(Uint8Array.of(0x01));
  });

  it('dequeues at most 16 a block, in order, and raises the fee with the excess over 2 a block', () => {
    const state = deployed(evm, 7002);
    collectWithdrawalRequests(state, evm, block(2n));
    for (let i = 0n; i < 18n; i++) send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, request(i), 1n);
    const amounts = (requests: Uint8Array) =>
      Array.from({ length: (requests.length - 1) / 76 }, (_, i) =>
        new DataView(requests.buffer, requests.byteOffset + 1 + 76 * i + 68, 8).getBigUint64(0, true),
      );
    expect(amounts(collectWithdrawalRequests(state, evm, block(3n)))).toEqual(
      [...Array(16).keys()].map(BigInt),
    );
    expect(state.getStorage(WITHDRAWAL_REQUEST_ADDRESS, 0n)).toBe(16n);
    expect(outputWord(fee(state))).toBe(fakeExponential(1n, 16n, 17n));
    expect(amounts(collectWithdrawalRequests(state, evm, block(4n)))).toEqual([16n, 17n]);
    expect(state.getStorage(WITHDRAWAL_REQUEST_ADDRESS, 0n)).toBe(14n);
  });
});

describe.each(ENGINES)('EIP-7251 consolidation requests on %s', (engine) => {
  const evm = createEvm({ revision: 'prague', engine });
  const SOURCE = bytes(48, 0x10);
  const target = (seed: number) => bytes(48, seed);

  it('dequeues at most 2 requests a block as 116-byte records, and raises the excess over 1 a block', () => {
    const state = deployed(evm, 7251);
    expect(collectConsolidationRequests(state, evm, block(2n))).toEqual(Uint8Array.of(0x02));
    expect(outputWord(call(state, evm, CONSOLIDATION_REQUEST_ADDRESS, new Uint8Array(0)))).toBe(1n);
    for (const seed of [0xa0, 0xb0, 0xc0]) {
      expect(
        send(state, evm, CONSOLIDATION_REQUEST_ADDRESS, concatBytes(SOURCE, target(seed)), 1n).status,
      ).toBe('success');
    }
    const record = (seed: number) => concatBytes(addressToBytes(USER), SOURCE, target(seed));
    const first = collectConsolidationRequests(state, evm, block(3n));
    expect(first).toEqual(concatBytes(Uint8Array.of(0x02), record(0xa0), record(0xb0)));
    expect(first.length).toBe(1 + 2 * 116);
    expect(state.getStorage(CONSOLIDATION_REQUEST_ADDRESS, 0n)).toBe(2n);
    expect(collectConsolidationRequests(state, evm, block(4n))).toEqual(
      concatBytes(Uint8Array.of(0x02), record(0xc0)),
    );
    expect(state.getStorage(CONSOLIDATION_REQUEST_ADDRESS, 0n)).toBe(1n);
  });

  it('refuses a request short of the fee or of the wrong length', () => {
    const state = deployed(evm, 7251);
    collectConsolidationRequests(state, evm, block(2n));
    expect(send(state, evm, CONSOLIDATION_REQUEST_ADDRESS, concatBytes(SOURCE, target(1)), 0n).status).toBe(
      'revert',
    );
    expect(send(state, evm, CONSOLIDATION_REQUEST_ADDRESS, SOURCE, 1n).status).toBe('revert');
    expect(state.getStorage(CONSOLIDATION_REQUEST_ADDRESS, 3n)).toBe(0n);
  });
});

describe.each(ENGINES)('end-of-block request rules on %s', (engine) => {
  const evm = createEvm({ revision: 'prague', engine });

  it('a request contract without code, or whose call fails, makes the block invalid', () => {
    expect(() => collectWithdrawalRequests(new WorldState(), evm, block(2n))).toThrow(InvalidBlockError);
    const reverting = WorldState.fromAccounts([
      [CONSOLIDATION_REQUEST_ADDRESS, { code: assemble('PUSH0 PUSH0 REVERT') }],
    ]);
    expect(() => collectConsolidationRequests(reverting, evm, block(2n))).toThrow(InvalidBlockError);
  });

  it('there are no requests before Prague', () => {
    const cancun = createEvm({ revision: 'cancun', engine });
    expect(() => collectWithdrawalRequests(deployed(evm, 7002), cancun, block(2n))).toThrow(RangeError);
  });
});

/** A stand-in for the deposit contract: logs its calldata with the DepositEvent topic. */
const DEPOSIT_LOGGER = assemble(
  `CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY PUSH32 0x${DEPOSIT_EVENT_SIGNATURE_HASH.toString(16)} CALLDATASIZE PUSH0 LOG1 STOP`,
);
const PUBKEY = bytes(48, 1);
const CREDENTIALS = bytes(32, 2);
const AMOUNT = uint64(32_000_000_000n, true);
const SIGNATURE = bytes(96, 3);
const INDEX = uint64(7n, true);

/** DepositEvent(bytes,bytes,bytes,bytes,bytes) data, ABI-encoded: five offsets, then length-prefixed, padded fields. */
function depositEventData(
  fields: Uint8Array[] = [PUBKEY, CREDENTIALS, AMOUNT, SIGNATURE, INDEX],
): Uint8Array {
  const head: Uint8Array[] = [];
  const tail: Uint8Array[] = [];
  let offset = 32 * fields.length;
  for (const field of fields) {
    const padded = new Uint8Array(Math.ceil(field.length / 32) * 32);
    padded.set(field);
    head.push(wordToBytes(BigInt(offset)));
    tail.push(wordToBytes(BigInt(field.length)), padded);
    offset += 32 + padded.length;
  }
  return concatBytes(...head, ...tail);
}

describe('EIP-6110 deposit logs', () => {
  const log = (data: Uint8Array, topics = [DEPOSIT_EVENT_SIGNATURE_HASH]): Log => ({
    address: DEPOSIT_CONTRACT_ADDRESS,
    topics,
    data,
  });

  it('ignores the deposit contract’s other events, whatever their data', () => {
    expect(parseDepositRequests([log(new Uint8Array(3), [1n]), log(new Uint8Array(3), [])])).toEqual(
      Uint8Array.of(0x00),
    );
  });

  it('makes the block invalid when a DepositEvent’s layout is not the expected one', () => {
    const valid = depositEventData();
    expect(parseDepositRequests([log(valid)]).length).toBe(1 + 192);
    const withWord = (offset: number, word: bigint) => {
      const data = valid.slice();
      data.set(wordToBytes(word), offset);
      return data;
    };
    const invalid = [
      valid.subarray(0, 575),
      concatBytes(valid, new Uint8Array(32)),
      withWord(0, 128n), // the pubkey's offset
      withWord(4 * 32, 480n), // the index's offset
      withWord(160, 47n), // the pubkey's size
      withWord(512, 32n), // the index's size
      // Fields of other sizes, each encoded correctly.
      depositEventData([PUBKEY, CREDENTIALS, new Uint8Array(32), SIGNATURE, INDEX]),
    ];
    for (const data of invalid) expect(() => parseDepositRequests([log(data)])).toThrow(InvalidBlockError);
  });
});

describe.each(ENGINES)('EIP-6110 deposits and the EIP-7685 requests hash on %s', (engine) => {
  const evm = createEvm({ revision: 'prague', engine });
  const DECOY = 0xdec0n;

  it('turns the deposit contract’s DepositEvent logs into 192-byte requests, and commits to a block’s requests', () => {
    const state = deployed(evm, 7002, 7251);
    state.setAccount(DEPOSIT_CONTRACT_ADDRESS, { code: DEPOSIT_LOGGER });
    state.setAccount(DECOY, { code: DEPOSIT_LOGGER });
    collectWithdrawalRequests(state, evm, block(2n));
    collectConsolidationRequests(state, evm, block(2n));

    const event = depositEventData();
    expect(event.length).toBe(576);
    const logs: Log[] = [];
    logs.push(...send(state, evm, DEPOSIT_CONTRACT_ADDRESS, event, 0n).logs);
    logs.push(...send(state, evm, DECOY, event, 0n).logs); // another address: not a deposit
    logs.push(
      ...send(state, evm, WITHDRAWAL_REQUEST_ADDRESS, concatBytes(PUBKEY, uint64(1n, false)), 1n).logs,
    );
    logs.push(...send(state, evm, CONSOLIDATION_REQUEST_ADDRESS, concatBytes(PUBKEY, PUBKEY), 1n).logs);
    expect(logs.length).toBe(4);

    const deposits = parseDepositRequests(logs);
    expect(deposits).toEqual(concatBytes(Uint8Array.of(0x00), PUBKEY, CREDENTIALS, AMOUNT, SIGNATURE, INDEX));
    expect(deposits.length).toBe(1 + 192);
    expect(parseDepositRequests(logs, DECOY)).toEqual(deposits);

    const withdrawals = collectWithdrawalRequests(state, evm, block(3n));
    const consolidations = collectConsolidationRequests(state, evm, block(3n));
    expect([withdrawals.length, consolidations.length]).toEqual([1 + 76, 1 + 116]);
    const expected = sha256(concatBytes(sha256(deposits), sha256(withdrawals), sha256(consolidations)));
    expect(requestsHash([deposits, withdrawals, consolidations])).toBe(bytesToWord(expected));
    // Empty items are left out: the next block's lists are empty, and so is its commitment.
    const next = [
      parseDepositRequests([]),
      collectWithdrawalRequests(state, evm, block(4n)),
      collectConsolidationRequests(state, evm, block(4n)),
    ];
    expect(requestsHash(next)).toBe(bytesToWord(sha256(new Uint8Array(0))));
  });
});
