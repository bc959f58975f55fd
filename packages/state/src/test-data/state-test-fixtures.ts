/**
 * Data copied from filled state tests of ethereum/tests v14.1 (commit
 * 9201075490807f58811078e9bb5ec895b4ac01a5, MIT licence); each `source` is
 * the file's path in that repository. Pre-states, addresses, transaction
 * fields and hashes are verbatim (only turned from JSON into TypeScript).
 *
 * Each `rejectedPostHash` belongs to a post entry with `expectException`: the
 * transaction is rejected, so the post-state is the pre-state after the
 * coinbase is touched (in these cases it is absent or not empty, so nothing
 * is deleted).
 */

export interface FixtureAccount {
  readonly balance: string;
  readonly code: string;
  readonly nonce: string;
  readonly storage: Readonly<Record<string, string>>;
}

export interface RejectedTxCase {
  readonly source: string;
  readonly coinbase: string;
  readonly pre: Readonly<Record<string, FixtureAccount>>;
  readonly rejectedPostHash: string;
}

export const lowGasLimit: RejectedTxCase = {
  source: 'GeneralStateTests/stEIP1559/lowGasLimit.json',
  coinbase: '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba',
  pre: {
    '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
      balance: '0x0de0b6b3a7640000',
      code: '0x',
      nonce: '0x01',
      storage: {},
    },
    '0xcccccccccccccccccccccccccccccccccccccccc': {
      balance: '0x0de0b6b3a7640000',
      code: '0x600260005500',
      nonce: '0x00',
      storage: {
        '0x00': '0x60a7',
      },
    },
  },
  rejectedPostHash: '0xb2b8d1860969ed21cd1eee5c69206176b951fbf820ee6b7f8ad84e8234094a5e',
};

export const invalidTr: RejectedTxCase = {
  source: 'GeneralStateTests/stExample/invalidTr.json',
  coinbase: '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba',
  pre: {
    '0x095e7baea6a6c7c4c2dfeb977efac326af552d87': {
      balance: '0x0de0b6b3a7640000',
      code: '0x600160010160005500',
      nonce: '0x00',
      storage: {},
    },
    '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba': {
      balance: '0x00',
      code: '0x',
      nonce: '0x01',
      storage: {},
    },
    '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
      balance: '0x0de0b6b3a7640000',
      code: '0x',
      nonce: '0x00',
      storage: {},
    },
  },
  rejectedPostHash: '0x4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967',
};

export const transactionCollidingWithNonEmptyAccount_init: RejectedTxCase = {
  source: 'GeneralStateTests/stEIP3607/transactionCollidingWithNonEmptyAccount_init_Paris.json',
  coinbase: '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba',
  pre: {
    '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba': {
      balance: '0x00',
      code: '0x',
      nonce: '0x01',
      storage: {},
    },
    '0x6295ee1b4f6dd65047762f924ecd367c17eabf8f': {
      balance: '0x0a',
      code: '0x',
      nonce: '0x00',
      storage: {},
    },
    '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
      balance: '0x0de0b6b3a7640000',
      code: '0x00',
      nonce: '0x00',
      storage: {},
    },
    '0xd0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0': {
      balance: '0x0a',
      code: '0x00',
      nonce: '0x00',
      storage: {},
    },
  },
  rejectedPostHash: '0x8dfa52e93613ae31d9dc920dcbd368d992ec5cea0eab5ff882961b15f4ebae8e',
};

/**
 * From the same lowGasLimit file: its transaction (nonce 0x01, data 0x00,
 * value 0, no access list, maxFeePerGas = maxPriorityFeePerGas =
 * currentBaseFee = 0x03e8) and the post roots of the two gas limits that
 * execute: 0xc350 runs the code (PUSH1 2, PUSH1 0, SSTORE, STOP) to the end,
 * 0x61a8 runs out of gas at the SSTORE.
 */
export const lowGasLimitExecuted = {
  sender: '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b',
  to: '0xcccccccccccccccccccccccccccccccccccccccc',
  baseFee: '0x03e8',
  maxFeePerGas: '0x03e8',
  postHashByGasLimit: {
    '0xc350': '0x24d89dd127183d11619d6a7721c0c8e8b507962c067c49b967e2a9cad537d286',
    '0x61a8': '0x3d1e285c4fb82878c3f70cf89800ecd8ba9f62d36eaa37f313a28b48a2dce127',
  },
} as const;

/**
 * Logs hashes from GeneralStateTests/stLogTests (same release). In each file
 * the transaction calls 0x095e…2d87, which calls 0x0f57…5ec6, whose code
 * emits the one log below; `logsHash` is the post entry's `logs`.
 */
export const logCases = [
  {
    source: 'GeneralStateTests/stLogTests/log0_emptyMem.json',
    address: '0x0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6',
    topics: [],
    data: '0x',
    logsHash: '0xea63b4dbbdbca1bd985580a0c3b6f35a4955d4d4cf0b4d903003cdfc4c40ba1c',
  },
  {
    source: 'GeneralStateTests/stLogTests/log0_nonEmptyMem_logMemSize1.json',
    address: '0x0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6',
    topics: [],
    data: '0xaa',
    logsHash: '0x20238193c29688c64e395ae6044273a99e54e9cfaec2033f1cdc8967e0409cc1',
  },
  {
    source: 'GeneralStateTests/stLogTests/log1_MaxTopic.json',
    address: '0x0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6',
    topics: ['0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'],
    data: '0xaabbffffffffffffffffffffffffffffffffffffffffffffffffffffffffccdd',
    logsHash: '0x390a7f435e94b10f36ab57ca7106029629ee62569ed1bc309de88acc3ddfd954',
  },
] as const;
