// KECCAK256 and the environment/block opcodes: values and gas per revision
// (Yellow Paper; EIP-150, EIP-1052, EIP-1344, EIP-1884, EIP-2929, EIP-3198, EIP-4844, EIP-7516).
import type { TxContext } from '@tandem-evm/host';
import type { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { CALLER, CONTRACT, run } from './test/harness.js';

const MAX = (1n << 256n) - 1n;
const EMPTY_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n;
const ZERO_WORD_HASH = 0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563n; // keccak256(32 zero bytes)
const ZERO_BYTE_HASH = 0xbc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98an; // keccak256(0x00)
const OTHER = 0x0a11ce0000000000000000000000000000000001n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

interface Options {
  revision?: string;
  input?: Uint8Array;
  value?: bigint;
  tx?: Partial<TxContext>;
  setup?: (state: WorldState) => void;
}

function top(code: string, options: Options = {}): bigint {
  const { result } = run({
    ...options,
    code: `${code} PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`,
    revision: options.revision ?? 'cancun',
  });
  expect(result.status).toBe('success');
  return toWord(result.output);
}

function gasOf(code: string, options: Options = {}): bigint {
  const { result, gasUsed } = run({ ...options, code, revision: options.revision ?? 'cancun' });
  expect(result.status).toBe('success');
  return gasUsed;
}

describe('KECCAK256', () => {
  it('of empty input is keccak256("") and costs 30', () => {
    expect(top('PUSH1 0 PUSH1 0 KECCAK256')).toBe(EMPTY_HASH);
    expect(gasOf('PUSH1 0 PUSH1 0 KECCAK256 STOP')).toBe(36n);
  });
  it('of 32 zero bytes, 30 + 6 per word + memory expansion', () => {
    expect(top('PUSH1 32 PUSH1 0 KECCAK256')).toBe(ZERO_WORD_HASH);
    expect(gasOf('PUSH1 32 PUSH1 0 KECCAK256 STOP')).toBe(6n + 30n + 6n + 3n);
  });
  it('of one zero byte', () => {
    expect(top('PUSH1 1 PUSH1 0 KECCAK256')).toBe(ZERO_BYTE_HASH);
  });
  it('33 bytes are two words: 30 + 12 + Cmem(2)', () => {
    expect(gasOf('PUSH1 33 PUSH1 0 KECCAK256 STOP', { revision: 'frontier' })).toBe(6n + 30n + 12n + 6n);
  });
});

describe('call context', () => {
  const input = Uint8Array.from([0x11, 0x22, 0x33, 0x44]);
  it('ADDRESS, CALLER, ORIGIN, CALLVALUE', () => {
    expect(top('ADDRESS')).toBe(CONTRACT);
    expect(top('CALLER')).toBe(CALLER);
    expect(top('ORIGIN', { tx: { origin: 0x0123n } })).toBe(0x0123n);
    expect(top('CALLVALUE', { value: 7n })).toBe(7n);
  });
  it('CALLDATASIZE and CALLDATALOAD with zero padding past the end', () => {
    expect(top('CALLDATASIZE', { input })).toBe(4n);
    expect(top('PUSH1 0 CALLDATALOAD', { input })).toBe(0x11223344n << 224n);
    expect(top('PUSH1 2 CALLDATALOAD', { input })).toBe(0x3344n << 240n);
    expect(top('PUSH1 4 CALLDATALOAD', { input })).toBe(0n);
  });
  it.each([32n, 1n << 64n, (1n << 64n) + 1n, 1n << 255n, MAX])(
    'CALLDATALOAD at %s (beyond calldata) is 0',
    (offset) => {
      expect(top(`PUSH32 ${offset} CALLDATALOAD`, { input })).toBe(0n);
    },
  );
  it('CODESIZE', () => {
    expect(top('CODESIZE')).toBe(1n + 8n); // CODESIZE + the 8-byte MSTORE/RETURN tail of `top`
  });
  it('GAS is the gas left after paying for GAS itself', () => {
    const { result } = run({
      code: 'GAS PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN',
      revision: 'cancun',
      gas: 1000n,
    });
    expect(toWord(result.output)).toBe(998n);
  });
  it('PC is the offset of the PC instruction', () => {
    expect(top('PUSH1 0 POP PC')).toBe(3n);
    expect(top('PUSH32 0 PC')).toBe(33n);
  });
});

describe('block and transaction context', () => {
  const tx = {
    gasPrice: 11n,
    coinbase: 0xc014ba5en,
    number: 300n,
    timestamp: 1_700_000_000n,
    gasLimit: 30_000_000n,
    prevRandao: 0xabcdefn,
    chainId: 5n,
    baseFee: 7n,
    blobBaseFee: 3n,
    blobHashes: [0x0100n << 240n, (0x0101n << 240n) | 1n],
  };
  it.each([
    ['GASPRICE', tx.gasPrice],
    ['COINBASE', tx.coinbase],
    ['NUMBER', tx.number],
    ['TIMESTAMP', tx.timestamp],
    ['GASLIMIT', tx.gasLimit],
    ['PREVRANDAO', tx.prevRandao],
    ['CHAINID', tx.chainId],
    ['BASEFEE', tx.baseFee],
    ['BLOBBASEFEE', tx.blobBaseFee],
  ])('%s', (op, expected) => {
    expect(top(op, { tx })).toBe(expected);
  });
  it('BLOBHASH returns the versioned hash at the index, 0 past the end (EIP-4844)', () => {
    expect(top('PUSH1 0 BLOBHASH', { tx })).toBe(tx.blobHashes[0]);
    expect(top('PUSH1 1 BLOBHASH', { tx })).toBe(tx.blobHashes[1]);
    expect(top('PUSH1 2 BLOBHASH', { tx })).toBe(0n);
    expect(top(`PUSH9 ${1n << 64n} BLOBHASH`, { tx })).toBe(0n);
    expect(top(`PUSH32 ${MAX} BLOBHASH`, { tx })).toBe(0n);
    expect(top('PUSH1 0 BLOBHASH')).toBe(0n);
  });

  const setup = (state: WorldState) => {
    state.blockHashes = (n: bigint) => 0x1000n + n;
  };
  it.each([
    [299n, 0x1000n + 299n],
    [44n, 0x1000n + 44n],
    [43n, 0n],
    [300n, 0n],
    [301n, 0n],
    [0n, 0n],
    [(1n << 64n) + 299n, 0n],
    [MAX, 0n],
  ])('BLOCKHASH(%s) at block 300 is %s (only the 256 most recent blocks)', (n, expected) => {
    expect(top(`PUSH32 ${n} BLOCKHASH`, { tx, setup })).toBe(expected);
  });
});

describe('BALANCE, SELFBALANCE, EXTCODESIZE, EXTCODECOPY, EXTCODEHASH values', () => {
  const setup = (state: WorldState) => {
    state.setAccount(OTHER, { balance: 1234n, code: Uint8Array.of(0x00) });
    state.setAccount(0xe0n, { balance: 5n }); // exists, no code
    state.setAccount(0xeen, {}); // exists, empty (EIP-161)
    state.setBalance(CONTRACT, 99n);
  };
  it('BALANCE and SELFBALANCE', () => {
    expect(top(`PUSH20 ${OTHER} BALANCE`, { setup })).toBe(1234n);
    expect(top('PUSH2 0xdead BALANCE', { setup })).toBe(0n);
    expect(top('SELFBALANCE', { setup })).toBe(99n);
    expect(top('ADDRESS BALANCE', { setup })).toBe(99n);
  });
  it('only the low 160 bits of the address operand count', () => {
    const high = OTHER + (1n << 160n) + (1n << 255n);
    expect(top(`PUSH32 ${high} BALANCE`, { setup })).toBe(1234n);
    expect(top(`PUSH32 ${high} EXTCODESIZE`, { setup })).toBe(1n);
    expect(top(`PUSH32 ${high} EXTCODEHASH`, { setup })).toBe(ZERO_BYTE_HASH);
  });
  it('EXTCODESIZE', () => {
    expect(top(`PUSH20 ${OTHER} EXTCODESIZE`, { setup })).toBe(1n);
    expect(top('ADDRESS EXTCODESIZE', { setup })).toBe(2n + 8n); // its own code: 2 bytes + the 8-byte tail of `top`
  });
  it('EXTCODECOPY copies code and zero-fills past its end', () => {
    const { result } = run({
      code: `PUSH32 ${MAX} PUSH1 0 MSTORE PUSH1 4 PUSH1 0 PUSH1 0 PUSH20 ${OTHER} EXTCODECOPY PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
      setup,
    });
    expect(toWord(result.output)).toBe(MAX >> 32n);
  });
  it('EXTCODEHASH (EIP-1052): code hash, empty hash without code, 0 if missing or empty', () => {
    expect(top(`PUSH20 ${OTHER} EXTCODEHASH`, { setup })).toBe(ZERO_BYTE_HASH);
    expect(top('PUSH1 0xe0 EXTCODEHASH', { setup })).toBe(EMPTY_HASH);
    expect(top('PUSH2 0xdead EXTCODEHASH', { setup })).toBe(0n);
    expect(top('PUSH1 0xee EXTCODEHASH', { setup })).toBe(0n);
  });
});

describe('gas of environment opcodes per revision', () => {
  // [opcode, operands, gas per revision (undefined = not checked)]
  const simple: [string, Record<string, number>][] = [
    ['ADDRESS', { frontier: 2, cancun: 2 }],
    ['ORIGIN', { frontier: 2, cancun: 2 }],
    ['CALLER', { frontier: 2, cancun: 2 }],
    ['CALLVALUE', { frontier: 2, cancun: 2 }],
    ['CALLDATASIZE', { frontier: 2, cancun: 2 }],
    ['CODESIZE', { frontier: 2, cancun: 2 }],
    ['GASPRICE', { frontier: 2, cancun: 2 }],
    ['COINBASE', { frontier: 2, cancun: 2 }],
    ['TIMESTAMP', { frontier: 2, cancun: 2 }],
    ['NUMBER', { frontier: 2, cancun: 2 }],
    ['PREVRANDAO', { frontier: 2, cancun: 2 }],
    ['GASLIMIT', { frontier: 2, cancun: 2 }],
    ['PC', { frontier: 2, cancun: 2 }],
    ['MSIZE', { frontier: 2, cancun: 2 }],
    ['GAS', { frontier: 2, cancun: 2 }],
    ['RETURNDATASIZE', { byzantium: 2, cancun: 2 }],
    ['CHAINID', { istanbul: 2, cancun: 2 }],
    ['SELFBALANCE', { istanbul: 5, cancun: 5 }],
    ['BASEFEE', { london: 2, cancun: 2 }],
    ['BLOBBASEFEE', { cancun: 2 }],
  ];
  for (const [op, byRevision] of simple) {
    for (const [revision, gas] of Object.entries(byRevision)) {
      it(`${revision}: ${op} costs ${gas}`, () => {
        expect(gasOf(`${op} STOP`, { revision })).toBe(BigInt(gas));
      });
    }
  }
  it.each([
    ['CALLDATALOAD', 3],
    ['BLOCKHASH', 20],
    ['BLOBHASH', 3],
  ])('cancun: %s costs %s', (op, gas) => {
    expect(gasOf(`PUSH1 0 ${op} STOP`)).toBe(BigInt(3 + gas));
  });

  // BALANCE / EXTCODESIZE / EXTCODEHASH of a cold account that exists.
  const setup = (state: WorldState) => state.setAccount(OTHER, { balance: 1n, code: Uint8Array.of(0x00) });
  const accountOps: [string, Record<string, number>][] = [
    [
      'BALANCE',
      {
        frontier: 20,
        homestead: 20,
        'tangerine-whistle': 400,
        petersburg: 400,
        istanbul: 700,
        berlin: 2600,
        cancun: 2600,
      },
    ],
    ['EXTCODESIZE', { frontier: 20, 'tangerine-whistle': 700, istanbul: 700, berlin: 2600, cancun: 2600 }],
    ['EXTCODEHASH', { constantinople: 400, petersburg: 400, istanbul: 700, berlin: 2600, cancun: 2600 }],
  ];
  for (const [op, byRevision] of accountOps) {
    for (const [revision, gas] of Object.entries(byRevision)) {
      it(`${revision}: ${op} of an untouched account costs ${gas}`, () => {
        expect(gasOf(`PUSH20 ${OTHER} ${op} STOP`, { revision, setup })).toBe(BigInt(3 + gas));
      });
    }
  }

  it('berlin+: the second access to an account is warm (2600 then 100), across opcodes', () => {
    for (const revision of ['berlin', 'cancun']) {
      expect(gasOf(`PUSH20 ${OTHER} BALANCE PUSH20 ${OTHER} EXTCODESIZE STOP`, { revision, setup })).toBe(
        3n + 2600n + 3n + 100n,
      );
      expect(gasOf(`PUSH20 ${OTHER} EXTCODEHASH PUSH20 ${OTHER} BALANCE STOP`, { revision, setup })).toBe(
        3n + 2600n + 3n + 100n,
      );
    }
  });
  it('berlin+: the caller, the contract itself and precompiles are warm; a missing account is cold too', () => {
    expect(gasOf(`PUSH3 ${CALLER} BALANCE STOP`)).toBe(103n);
    expect(gasOf('ADDRESS BALANCE STOP')).toBe(102n);
    expect(gasOf('PUSH1 1 BALANCE PUSH1 0x0a EXTCODEHASH STOP')).toBe(206n);
    expect(gasOf('PUSH2 0xdead BALANCE STOP')).toBe(2603n);
  });
  it('EXTCODECOPY: base + 3 per word + memory expansion (cold in berlin+)', () => {
    const code = `PUSH1 33 PUSH1 0 PUSH1 0 PUSH20 ${OTHER} EXTCODECOPY STOP`;
    const rest = 12n + 3n * 2n + 6n; // pushes, 2 words copied, Cmem(2)
    expect(gasOf(code, { revision: 'frontier', setup })).toBe(rest + 20n);
    expect(gasOf(code, { revision: 'tangerine-whistle', setup })).toBe(rest + 700n);
    expect(gasOf(code, { revision: 'cancun', setup })).toBe(rest + 2600n);
  });
});
