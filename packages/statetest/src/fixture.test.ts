import { hexToBytes } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { diffStates } from './diff.js';
import { caseTransaction, parseFixtureNumber, parseStateTestFile, senderOfSecretKey } from './fixture.js';
import { slowEntryFor } from './skip-list.js';

const SECRET_KEY = '0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8';
const SENDER = 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn;

function fixture(transaction: Record<string, unknown>) {
  return {
    t: {
      env: {
        currentCoinbase: '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba',
        currentDifficulty: '0x020000',
        currentGasLimit: '0x05f5e100',
        currentNumber: '0x01',
        currentTimestamp: '0x03e8',
      },
      pre: {
        '0x1000000000000000000000000000000000000000': {
          balance: '0x0a',
          code: '0x00',
          nonce: '0x01',
          storage: { '0x01': '0x00', '0x02': '0x07' },
        },
      },
      transaction: {
        data: ['0x', '0x01'],
        gasLimit: ['0x5208', '0x10000'],
        value: ['0x00', '0x:bigint 0x10000000000000000000000000000000000000000000000000000000000000001'],
        nonce: '0x00',
        to: '',
        secretKey: SECRET_KEY,
        ...transaction,
      },
      post: {
        Cancun: [
          { indexes: { data: 1, gas: 1, value: 1 }, hash: '0x01', logs: '0x02', expectException: 'X' },
        ],
      },
    },
  };
}

describe('parseStateTestFile', () => {
  it('reads env, pre, the multi-transaction and post', () => {
    const [test] = parseStateTestFile(
      JSON.stringify(fixture({ gasPrice: '0x0a', sender: '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b' })),
    );
    expect(test?.name).toBe('t');
    // Without currentRandom PREVRANDAO reads the difficulty; without currentBaseFee the base fee is 0.
    expect(test?.env).toMatchObject({
      gasLimit: 100_000_000n,
      prevRandao: 0x020000n,
      baseFee: 0n,
      excessBlobGas: 0n,
    });
    expect(test?.pre.get(0x1000000000000000000000000000000000000000n)).toMatchObject({
      nonce: 1n,
      balance: 10n,
    });
    expect(test?.transaction).toMatchObject({ sender: SENDER, to: null, gasPrice: 10n });
    expect(test?.post.Cancun).toEqual([
      { indexes: { data: 1, gas: 1, value: 1 }, hash: 1n, logs: 2n, expectException: 'X' },
    ]);
  });

  it('derives the sender from secretKey when the fixture has none', () => {
    expect(senderOfSecretKey(hexToBytes(SECRET_KEY))).toBe(SENDER);
    const [test] = parseStateTestFile(fixture({ gasPrice: '0x0a' }));
    expect(test?.transaction.sender).toBe(SENDER);
  });

  it("takes the chain id from an EEST fixture's config (mainnet's 1 when there is none)", () => {
    const withConfig = fixture({ gasPrice: '0x0a' });
    const [plain] = parseStateTestFile(withConfig);
    expect(plain?.env.chainId).toBeUndefined();
    const [configured] = parseStateTestFile({ t: { ...withConfig.t, config: { chainid: '0x0539' } } });
    expect(configured?.env.chainId).toBe(1337n);
    expect(() => parseStateTestFile({ t: { ...withConfig.t, config: { chainid: 'x' } } })).toThrow(
      /t\.config\.chainid/,
    );
  });

  it('names the malformed field', () => {
    expect(() => parseStateTestFile(fixture({ gasPrice: 'ten' }))).toThrow(/t\.transaction\.gasPrice/);
    expect(() => parseStateTestFile({ t: { env: {} } })).toThrow(/t\.env\.currentCoinbase/);
  });
});

describe('parseFixtureNumber', () => {
  it('reads hex, decimal, 0x as zero and the 0x:bigint form', () => {
    expect(parseFixtureNumber('0x', 'n')).toBe(0n);
    expect(parseFixtureNumber('0x1f', 'n')).toBe(31n);
    expect(parseFixtureNumber('17592320524892', 'n')).toBe(17592320524892n);
    expect(parseFixtureNumber('0x:bigint 0x1000', 'n')).toBe(0x1000n);
  });
});

describe('caseTransaction', () => {
  it('picks data, gas, value and the access list of the case', () => {
    const [test] = parseStateTestFile(
      fixture({
        maxFeePerGas: '0x10',
        maxPriorityFeePerGas: '0x01',
        accessLists: [
          null,
          [{ address: '0x1000000000000000000000000000000000000000', storageKeys: ['0x01'] }],
        ],
      }),
    );
    const multi = test!.transaction;
    const tx = caseTransaction(multi, { data: 1, gas: 1, value: 1 });
    expect(tx).toMatchObject({
      data: new Uint8Array([1]),
      gasLimit: 0x10000n,
      value: (1n << 256n) + 1n,
      maxFeePerGas: 16n,
    });
    expect(tx.accessList).toEqual([
      { address: 0x1000000000000000000000000000000000000000n, storageKeys: [1n] },
    ]);
    expect(caseTransaction(multi, { data: 0, gas: 0, value: 0 }).accessList).toBeUndefined();
    expect(() => caseTransaction(multi, { data: 2, gas: 0, value: 0 })).toThrow(
      /indexes\.data: 2 is out of range/,
    );
  });
});

describe('diffStates', () => {
  it('lists created, deleted and changed accounts', () => {
    const pre = WorldState.fromAccounts([
      [1n, { balance: 5n, storage: new Map([[1n, 2n]]) }],
      [2n, { nonce: 1n }],
    ]);
    const post = WorldState.fromAccounts([
      [1n, { balance: 7n, storage: new Map([[3n, 4n]]) }],
      [3n, { code: new Uint8Array([0x00]) }],
    ]);
    expect(diffStates(pre.accounts, post.accounts).split('\n')).toEqual([
      '~ 0x0000000000000000000000000000000000000001',
      '    balance 5 -> 7 (+2)',
      '    storage[0x1] 0x2 -> 0x0',
      '    storage[0x3] 0x0 -> 0x4',
      '- 0x0000000000000000000000000000000000000002 (deleted)',
      '    nonce 1',
      '    balance 0',
      '+ 0x0000000000000000000000000000000000000003 (created)',
      '    nonce 0',
      '    balance 0',
      '    code 0x00',
    ]);
  });
});

describe('slowEntryFor', () => {
  it('matches a listed file at a folder boundary, with any prefix and either separator', () => {
    expect(slowEntryFor('/x/VMTests/vmPerformance/loopMul.json')?.reason).toMatch(/MUL loops/);
    expect(slowEntryFor('C:\\t\\VMTests\\vmPerformance\\loopExp.json')).toBeDefined();
    expect(slowEntryFor('VMTests/vmPerformance/performanceTester.json')).toBeUndefined();
    expect(slowEntryFor('/x/notVMTests/vmPerformance/loopMul.json')).toBeUndefined();
  });
});
