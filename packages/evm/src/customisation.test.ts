import { emptyTxContext, type Message, type Result } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { bytesToWord } from '@tandem-evm/primitives';
import { chargeGas } from '@tandem-evm/runtime';
import {
  type BlockEnv,
  executeTransaction,
  type Transaction,
  transactionRules,
  WorldState,
} from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm, Eip3155Tracer, type EvmOptions } from './index.js';

const CONTRACT = 0xc0den;
const CALLER = 0xca11e7n;
/** Both engines: multipass compiles code with a loop, so every test program starts with one. */
const ENGINES = ['interpreter', 'multipass'] as const;
const LOOP = 'PUSH1 2 JUMPDEST PUSH1 1 SWAP1 SUB DUP1 PUSH1 2 JUMPI POP';

/** Assembles `source` after a two-round loop, so that multipass compiles it. */
function looping(source: string): Uint8Array {
  return assemble(`${LOOP} ${source}`);
}

/** Returns the top of the stack as a 32-byte word. */
const RETURN_TOP = 'PUSH0 MSTORE PUSH1 32 PUSH0 RETURN';

interface Outcome {
  readonly result: Result;
  readonly gasUsed: bigint;
  readonly state: WorldState;
  readonly engine: string;
  readonly compiled: number;
}

function run(
  options: EvmOptions,
  code: Uint8Array,
  gas = 1_000_000n,
  setup?: (state: WorldState) => void,
): Outcome {
  const evm = createEvm(options);
  const state = WorldState.fromAccounts([
    [CALLER, { balance: 10n ** 18n }],
    [CONTRACT, { code, balance: 10n }],
  ]);
  setup?.(state);
  state.beginTransaction(emptyTxContext({ origin: CALLER }));
  for (const address of [CALLER, CONTRACT, ...evm.precompileAddresses]) state.accessAccount(address);
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas,
    sender: CALLER,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 0n,
    input: new Uint8Array(0),
    isStatic: false,
  };
  const result = evm.execute(message, state);
  return {
    result,
    gasUsed: gas - result.gasLeft,
    state,
    engine: evm.engineFor(code),
    compiled: evm.compiledCode.statistics.compiled,
  };
}

const word = (result: Result, index = 0) => bytesToWord(result.output, index * 32, 32);

/** Calls `address` with `input` (at most 32 bytes) and returns [success, first output word]. */
function callAndReturn(address: bigint, input: Uint8Array, gas = 'GAS'): Uint8Array {
  const data = `0x${Array.from(input, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  const store = input.length > 0 ? `PUSH${input.length} ${data} PUSH0 MSTORE` : '';
  const offset = 32 - input.length;
  return looping(
    `${store} PUSH1 32 PUSH1 0x40 PUSH1 ${input.length} PUSH1 ${offset} PUSH0 PUSH2 ${address} ${gas} CALL ` +
      'PUSH1 0x20 MSTORE PUSH1 0x40 PUSH1 0x20 RETURN',
  );
}

describe('custom precompiles', () => {
  const double: EvmOptions['precompiles'] = [
    {
      address: 0x0300n,
      run: ({ input }) => ({
        status: 'success',
        gasUsed: 10n + BigInt(input.length),
        output: Uint8Array.from(input, (byte) => (byte * 2) & 0xff),
      }),
    },
  ];

  it('adds one at a new address, in both engines', () => {
    for (const engine of ENGINES) {
      const { result, compiled } = run(
        { engine, precompiles: double },
        callAndReturn(0x0300n, Uint8Array.of(21)),
      );
      expect(result.status).toBe('success');
      expect(word(result, 0)).toBe(1n);
      expect(result.output[32]).toBe(42);
      if (engine === 'multipass') expect(compiled).toBe(1);
    }
    expect(createEvm({ precompiles: double }).precompileAddresses.at(-1)).toBe(0x0300n);
  });

  it('replaces a built-in one and charges its own gas', () => {
    const code = callAndReturn(0x02n, Uint8Array.of(1, 2, 3), 'PUSH2 1000');
    const replaced: EvmOptions['precompiles'] = [
      { address: 0x02n, run: () => ({ status: 'success', gasUsed: 999n, output: Uint8Array.of(0x77) }) },
    ];
    for (const engine of ENGINES) {
      const builtIn = run({ engine }, code);
      const custom = run({ engine, precompiles: replaced }, code);
      expect(custom.result.output[32]).toBe(0x77);
      // sha256 of 3 bytes costs 72; the replacement 999.
      expect(custom.gasUsed - builtIn.gasUsed).toBe(999n - 72n);
    }
  });

  it('removes a built-in one: the address is an empty account again', () => {
    const code = callAndReturn(0x04n, Uint8Array.of(5));
    for (const engine of ENGINES) {
      const builtIn = run({ engine }, code);
      expect(builtIn.result.output[32]).toBe(5);
      const removed = run({ engine, precompiles: [{ address: 0x04n, remove: true }] }, code);
      expect(word(removed.result, 0)).toBe(1n);
      expect(removed.result.output[32]).toBe(0);
    }
    expect(createEvm({ precompiles: [{ address: 0x04n, remove: true }] }).precompileAddresses).not.toContain(
      4n,
    );
  });

  it('runs a stateful one: it writes its own storage, which a failed call reverts', () => {
    const COUNTER = 0x0200n;
    const counter: EvmOptions['precompiles'] = [
      {
        address: COUNTER,
        run: ({ host, gas }) => {
          if (gas < 5000n) return { status: 'out-of-gas', gasUsed: gas };
          const count = host.getStorage(COUNTER, 0n) + 1n;
          host.setStorage(COUNTER, 0n, count);
          const output = new Uint8Array(32);
          output[31] = Number(count);
          return { status: 'success', gasUsed: 5000n, output };
        },
      },
    ];
    for (const engine of ENGINES) {
      const { result, state } = run(
        { engine, precompiles: counter },
        callAndReturn(COUNTER, new Uint8Array(0)),
      );
      expect(result.output[63]).toBe(1);
      expect(state.getStorage(COUNTER, 0n)).toBe(1n);
      // Given 4999 gas the call fails: nothing is stored.
      const poor = run(
        { engine, precompiles: counter },
        callAndReturn(COUNTER, new Uint8Array(0), 'PUSH2 4999'),
      );
      expect(word(poor.result, 0)).toBe(0n);
      expect(poor.state.getStorage(COUNTER, 0n)).toBe(0n);
    }
  });

  it('is warm from the start of a transaction, like the built-in ones', () => {
    const evm = createEvm({ precompiles: [...(double ?? []), { address: 0x04n, remove: true }] });
    const rules = transactionRules(evm);
    expect(rules.precompiles).toContain(0x0300n);
    expect(rules.precompiles).not.toContain(0x04n);
  });

  it('rejects bad definitions, naming the field', () => {
    expect(() => createEvm({ precompiles: [{ address: 0n, remove: true }] })).toThrow(
      /precompiles\[0\]\.address/,
    );
    expect(() => createEvm({ precompiles: [{ address: 5n } as never] })).toThrow(/precompiles\[0\]\.run/);
  });
});

function bytesOf(code: Uint8Array): string {
  return Array.from(code, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Creates a contract whose code is `size` bytes, `firstByte` then zeros, and returns its address (0 on failure). */
function deploy(size: number, firstByte = 0): Uint8Array {
  const init = assemble(`PUSH1 ${firstByte} PUSH0 MSTORE8 PUSH3 ${size} PUSH0 RETURN`);
  return looping(
    `PUSH${init.length} 0x${bytesOf(init)} PUSH0 MSTORE PUSH1 ${init.length} PUSH1 ${32 - init.length} PUSH0 CREATE ${RETURN_TOP}`,
  );
}

describe('custom opcodes', () => {
  const DOUBLE = {
    code: 0x0c,
    name: 'DOUBLE',
    stackIn: 1,
    stackOut: 1,
    gas: 5,
    execute: (_context: unknown, [value]: readonly bigint[]) => [value! * 2n],
  };

  it('adds one at an unused byte: the interpreter runs it, multipass hands such code over', () => {
    const code = looping(`PUSH1 21 0x0c ${RETURN_TOP}`);
    const reference = run({}, looping(`PUSH1 21 PUSH1 2 MUL ${RETURN_TOP}`));
    for (const engine of ENGINES) {
      const { result, gasUsed, engine: used, compiled } = run({ engine, opcodes: [DOUBLE] }, code);
      expect(result.status).toBe('success');
      expect(word(result)).toBe(42n);
      // DOUBLE costs 5 where PUSH1 2 MUL costs 3 + 5.
      expect(gasUsed).toBe(reference.gasUsed - 3n);
      expect(used).toBe('interpreter');
      expect(compiled).toBe(0);
    }
    // Code without the opcode still compiles.
    const plain = run({ engine: 'multipass', opcodes: [DOUBLE] }, looping(`PUSH1 21 ${RETURN_TOP}`));
    expect(plain.engine).toBe('multipass');
    expect(plain.compiled).toBe(1);
  });

  it('replaces a built-in one: such code runs in the stepping interpreter', () => {
    const subtracting = {
      code: 0x01,
      name: 'ADD',
      stackIn: 2,
      stackOut: 1,
      gas: 3,
      execute: (_: unknown, [a, b]: readonly bigint[]) => [a! - b!],
    };
    const code = looping(`PUSH1 5 PUSH1 3 ADD ${RETURN_TOP}`);
    for (const engine of ENGINES) {
      const { result, engine: used } = run({ engine, opcodes: [subtracting] }, code);
      expect(used).toBe('interpreter (stepping)');
      expect(word(result)).toBe((1n << 256n) - 2n);
    }
  });

  it('reads the frame and the state, charges dynamic gas, and fails with a status', () => {
    const CALLERBALANCE = {
      code: 0xf6,
      name: 'CALLERBALANCE',
      stackIn: 0,
      stackOut: 1,
      gas: 2,
      execute: (context: Parameters<typeof chargeGas>[0]) => {
        if (!chargeGas(context, 98)) return 'out-of-gas' as const;
        return [context.host.getBalance(context.message.sender)];
      },
    };
    for (const engine of ENGINES) {
      const rich = run({ engine, opcodes: [CALLERBALANCE] }, looping(`0xf6 ${RETURN_TOP}`));
      expect(word(rich.result)).toBe(10n ** 18n);
      const poor = run({ engine, opcodes: [CALLERBALANCE] }, looping(`0xf6 ${RETURN_TOP}`), 60n);
      expect(poor.result.status).toBe('out-of-gas');
      const underflow = run({ engine, opcodes: [DOUBLE] }, looping(`0x0c ${RETURN_TOP}`));
      expect(underflow.result.status).toBe('stack-underflow');
    }
  });

  it('reprices and removes built-in ones through the gas table', () => {
    const sload = looping(`PUSH0 SLOAD ${RETURN_TOP}`);
    for (const engine of ENGINES) {
      const standard = run({ engine }, sload);
      const repriced = run({ engine, opcodes: [{ code: 0x54, gas: 800 }] }, sload);
      expect(repriced.gasUsed - standard.gasUsed).toBe(700n);
      expect(repriced.engine).toBe('interpreter');
      const removed = run(
        { engine, opcodes: [{ code: 0x5f, remove: true }] },
        looping(`PUSH0 ${RETURN_TOP}`),
      );
      expect(removed.result.status).toBe('undefined-instruction');
    }
  });

  it('names custom opcodes in traces', () => {
    const lines: string[] = [];
    const tracer = new Eip3155Tracer((line) => lines.push(line));
    run({ opcodes: [DOUBLE], inspector: tracer }, assemble('PUSH1 21 0x0c STOP'));
    expect(lines[1]).toContain('"opName":"DOUBLE"');
    expect(lines[2]).toContain('"stack":["0x2a"]');
  });

  it('rejects definitions the engines cannot honour, naming the field', () => {
    expect(() => createEvm({ opcodes: [{ ...DOUBLE, code: 0x00 }] })).toThrow(/opcodes\[0\]: STOP/);
    expect(() => createEvm({ opcodes: [{ ...DOUBLE, code: 0x60 }] })).toThrow(/PUSH1\.\.PUSH32/);
    expect(() => createEvm({ opcodes: [{ code: 0x0c, gas: 3 }] })).toThrow(/only a defined opcode/);
    expect(() => createEvm({ opcodes: [{ ...DOUBLE, stackIn: -1 }] })).toThrow(/opcodes\[0\]\.stackIn/);
  });
});

describe('EIP switches', () => {
  it('switch opcode EIPs off and on against the revision, in both engines', () => {
    for (const engine of ENGINES) {
      // EIP-3855 (PUSH0) off in Cancun, on in London.
      const push0 = looping(`PUSH0 PUSH1 1 ADD ${RETURN_TOP}`);
      expect(run({ engine, eips: { 3855: false } }, push0).result.status).toBe('undefined-instruction');
      expect(run({ engine, revision: 'london' }, push0).result.status).toBe('undefined-instruction');
      const london = run({ engine, revision: 'london', eips: { 3855: true } }, push0);
      expect(word(london.result)).toBe(1n);
      // EIP-1153 (transient storage) and EIP-5656 (MCOPY) in Shanghai.
      const transient = looping(`PUSH1 7 PUSH1 1 TSTORE PUSH1 1 TLOAD ${RETURN_TOP}`);
      expect(run({ engine, revision: 'shanghai' }, transient).result.status).toBe('undefined-instruction');
      expect(word(run({ engine, revision: 'shanghai', eips: { 1153: true } }, transient).result)).toBe(7n);
      const mcopy = looping('PUSH1 9 PUSH1 32 MSTORE PUSH1 32 PUSH1 32 PUSH0 MCOPY PUSH1 32 PUSH0 RETURN');
      expect(word(run({ engine, revision: 'shanghai', eips: { 5656: true } }, mcopy).result)).toBe(9n);
    }
  });

  const CREATE_ZEROS = (size: number) => looping(`PUSH3 ${size} PUSH0 PUSH0 CREATE ${RETURN_TOP}`);

  it('EIP-3860: switched off, CREATE takes init code over 48 KiB and does not charge per word', () => {
    for (const engine of ENGINES) {
      expect(run({ engine }, CREATE_ZEROS(0xc001), 10_000_000n).result.status).toBe('out-of-gas');
      const off = run({ engine, eips: { 3860: false } }, CREATE_ZEROS(0xc001), 10_000_000n);
      expect(word(off.result)).not.toBe(0n);
      const on = run({ engine }, CREATE_ZEROS(0xc000), 10_000_000n);
      const offSmall = run({ engine, eips: { 3860: false } }, CREATE_ZEROS(0xc000), 10_000_000n);
      expect(on.gasUsed - offSmall.gasUsed).toBe(2n * (0xc000n / 32n));
      // Switched on in London, it limits.
      const london = run(
        { engine, revision: 'london', eips: { 3860: true, 3855: true } },
        CREATE_ZEROS(0xc001),
        10_000_000n,
      );
      expect(london.result.status).toBe('out-of-gas');
    }
  });

  it('EIP-170 and EIP-3541: switched off, large code and code starting with 0xef deploy', () => {
    for (const engine of ENGINES) {
      expect(word(run({ engine }, deploy(0x6001), 30_000_000n).result)).toBe(0n);
      expect(word(run({ engine, eips: { 170: false } }, deploy(0x6001), 30_000_000n).result)).not.toBe(0n);
      expect(word(run({ engine }, deploy(1, 0xef)).result)).toBe(0n);
      expect(word(run({ engine, eips: { 3541: false } }, deploy(1, 0xef)).result)).not.toBe(0n);
    }
  });

  it('are reported by isEipActive; unknown ones are a RangeError', () => {
    const evm = createEvm({ revision: 'london', eips: { 3855: true, 170: false } });
    expect([
      evm.isEipActive(3855),
      evm.isEipActive(170),
      evm.isEipActive(3541),
      evm.isEipActive(1153),
    ]).toEqual([true, false, true, false]);
    expect(() => evm.isEipActive(4844)).toThrow(RangeError);
    expect(() => createEvm({ eips: { 4844: true } })).toThrow(/options\.eips: EIP-4844/);
    expect(() => createEvm({ eips: { 3855: 1 as unknown as boolean } })).toThrow(/options\.eips\[3855\]/);
  });
});

describe('dev-chain switches', () => {
  const SENDER = 0xa11cen;
  const BLOCK: BlockEnv = {
    coinbase: 0xc0b0n,
    number: 1n,
    timestamp: 1000n,
    gasLimit: 30_000_000n,
    prevRandao: 0n,
    baseFee: 7n,
    excessBlobGas: 0n,
  };
  const tx = (fields: Partial<Transaction>): Transaction => ({
    sender: SENDER,
    to: CONTRACT,
    nonce: 0n,
    gasLimit: 100_000n,
    value: 0n,
    data: new Uint8Array(0),
    gasPrice: 10n,
    ...fields,
  });
  const world = (balance: bigint, nonce = 0n) =>
    WorldState.fromAccounts([
      [SENDER, { balance, nonce }],
      [CONTRACT, { code: assemble('CALLVALUE PUSH0 SSTORE') }],
    ]);

  it('skipBalanceCheck: a sender who cannot pay gets the difference and runs', () => {
    const poor = world(0n);
    expect(executeTransaction(poor, createEvm(), tx({ value: 5n }), BLOCK)).toEqual({
      kind: 'rejected',
      reason: 'INSUFFICIENT_ACCOUNT_FUNDS',
    });
    const outcome = executeTransaction(
      poor,
      createEvm({ dev: { skipBalanceCheck: true } }),
      tx({ value: 5n }),
      BLOCK,
    );
    expect(outcome).toMatchObject({ kind: 'executed', status: 'success' });
    expect(poor.getStorage(CONTRACT, 0n)).toBe(5n);
  });

  it('skipNonceCheck: any nonce is accepted and the nonce still goes up', () => {
    const state = world(10n ** 18n, 3n);
    expect(executeTransaction(state, createEvm(), tx({ nonce: 9n }), BLOCK)).toMatchObject({
      kind: 'rejected',
    });
    const outcome = executeTransaction(
      state,
      createEvm({ dev: { skipNonceCheck: true } }),
      tx({ nonce: 9n }),
      BLOCK,
    );
    expect(outcome).toMatchObject({ kind: 'executed', status: 'success' });
    expect(state.getNonce(SENDER)).toBe(4n);
  });

  it('unlimitedCodeSize: no EIP-170 or EIP-3860 size limit, in frames and transactions; init code gas stays', () => {
    for (const engine of ENGINES) {
      const dev = { unlimitedCodeSize: true };
      expect(word(run({ engine }, deploy(0x6001), 30_000_000n).result)).toBe(0n);
      expect(word(run({ engine, dev }, deploy(0x6001), 30_000_000n).result)).not.toBe(0n);
      const create = looping(`PUSH3 ${0xc001} PUSH0 PUSH0 CREATE ${RETURN_TOP}`);
      expect(word(run({ engine, dev }, create, 10_000_000n).result)).not.toBe(0n);
    }
    const initcode = new Uint8Array(0xc001);
    const creation = tx({ to: null, data: initcode, gasLimit: 1_000_000n });
    expect(executeTransaction(world(10n ** 18n), createEvm(), creation, BLOCK)).toMatchObject({
      reason: 'INITCODE_SIZE_EXCEEDED',
    });
    const state = world(10n ** 18n);
    const outcome = executeTransaction(
      state,
      createEvm({ revision: 'cancun', dev: { unlimitedCodeSize: true } }),
      creation,
      BLOCK,
    );
    // 53,000 + 4 per zero byte + 2 per word of init code.
    expect(outcome).toMatchObject({
      kind: 'executed',
      status: 'success',
      gasUsed: 53_000n + 4n * 0xc001n + 2n * 1537n,
    });
  });
});
