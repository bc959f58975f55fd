import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM } from '@ethereumjs/evm';
import { emptyTxContext, type Inspector, type Message, type StepEvent } from '@tandem-evm/host';
import { assemble, OPCODES } from '@tandem-evm/opcodes';
import { hexToBytes } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvm, Eip3155Tracer, type EngineName } from './index.js';

const CONTRACT = 0xc0den;
const OTHER = 0x07e7n;
const CALLER = 0xca11e7n;
const ENGINES: readonly EngineName[] = ['interpreter', 'multipass', 'auto'];

function call(gas: bigint, input = new Uint8Array(0)): Message {
  return {
    kind: 'call',
    depth: 0,
    gas,
    sender: CALLER,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 0n,
    input,
    isStatic: false,
  };
}

function stateWith(code: Uint8Array, other: Uint8Array = new Uint8Array(0)): WorldState {
  const state = WorldState.fromAccounts([
    [CALLER, { balance: 10n ** 18n }],
    [CONTRACT, { code, balance: 1000n, storage: [[1n, 5n]] }],
    [OTHER, { code: other, storage: [[0n, 9n]] }],
  ]);
  state.beginTransaction(emptyTxContext({ origin: CALLER, number: 300n }));
  for (const address of [CALLER, CONTRACT]) state.accessAccount(address);
  return state;
}

describe('EIP-3155 tracer', () => {
  it('prints PUSH1 PUSH1 ADD POP STOP as five step lines and a summary, in every engine', () => {
    const code = hexToBytes('0x60016002015000');
    for (const engine of ENGINES) {
      const lines: string[] = [];
      const tracer = new Eip3155Tracer((line) => lines.push(line));
      const evm = createEvm({ engine, inspector: tracer });
      expect(evm.engineFor(code)).toBe('interpreter (traced)');
      const result = evm.execute(call(100_000n), stateWith(code));
      tracer.summary();
      expect(result.gasLeft).toBe(100_000n - 11n);
      expect(lines).toEqual([
        '{"pc":0,"op":96,"gas":"0x186a0","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}',
        '{"pc":2,"op":96,"gas":"0x1869d","gasCost":"0x3","memSize":0,"stack":["0x1"],"depth":1,"refund":0,"opName":"PUSH1"}',
        '{"pc":4,"op":1,"gas":"0x1869a","gasCost":"0x3","memSize":0,"stack":["0x1","0x2"],"depth":1,"refund":0,"opName":"ADD"}',
        '{"pc":5,"op":80,"gas":"0x18697","gasCost":"0x2","memSize":0,"stack":["0x3"],"depth":1,"refund":0,"opName":"POP"}',
        '{"pc":6,"op":0,"gas":"0x18695","gasCost":"0x0","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"STOP"}',
        '{"output":"0x","gasUsed":"0xb"}',
      ]);
    }
  });

  it('agrees with @ethereumjs/evm on pc, op, gas, gasCost and stack', async () => {
    const programs = [
      '0x60016002015000',
      // MSTORE (memory expansion), SLOAD (cold), a loop, RETURN.
      '0x602a60005260005460035b600190038060095760206000f3',
    ];
    for (const hex of programs) {
      const code = hexToBytes(hex);
      const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
      const ethereumjs = await createEVM({ common });
      const theirs: { pc: number; op: number; gas: bigint; gasCost: bigint; stack: bigint[] }[] = [];
      ethereumjs.events!.on('step', (step, resolve) => {
        theirs.push({
          pc: step.pc,
          op: step.opcode.code,
          gas: step.gasLeft,
          // dynamicFee is the whole cost, static part included.
          gasCost: step.opcode.dynamicFee ?? BigInt(step.opcode.fee),
          stack: [...step.stack],
        });
        resolve?.();
      });
      await ethereumjs.runCode({ code, gasLimit: 100_000n });

      const ours: StepEvent[] = [];
      const evm = createEvm({ revision: 'cancun', inspector: { step: (event) => ours.push(event) } });
      const state = new WorldState();
      state.setAccount(CONTRACT, { code });
      state.beginTransaction(emptyTxContext());
      evm.execute(call(100_000n), state);
      expect(
        ours.map(({ pc, opcode, gas, gasCost, stack }) => ({ pc, op: opcode, gas, gasCost, stack })),
      ).toEqual(theirs);
    }
  });

  it('prints the line with the error of a REVERT or a bad JUMP without the operands geth has popped by then', () => {
    for (const [source, opName, error] of [
      ['PUSH1 7 PUSH0 PUSH0 REVERT', 'REVERT', 'revert'],
      ['PUSH1 7 PUSH1 9 JUMP', 'JUMP', 'bad-jump-destination'],
    ] as const) {
      const lines: string[] = [];
      createEvm({ inspector: new Eip3155Tracer((line) => lines.push(line)) }).execute(
        call(100_000n),
        stateWith(assemble(source)),
      );
      const [before, failed] = lines.slice(-2).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(before).toMatchObject({ opName });
      expect(before).not.toHaveProperty('error');
      expect(failed).toMatchObject({ opName, error, stack: ['0x7'] });
    }
  });

  it('reports the transaction refund counter across frames and the error of a failing step', () => {
    // The callee clears a slot (refund 4800) and fails; the caller clears its own slot afterwards.
    const callee = assemble('PUSH0 PUSH0 SSTORE INVALID');
    const caller = assemble(
      `PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH2 0x${OTHER.toString(16)} GAS CALL POP PUSH0 PUSH1 1 SSTORE STOP`,
    );
    const lines: string[] = [];
    const tracer = new Eip3155Tracer((line) => lines.push(line));
    createEvm({ inspector: tracer }).execute(call(1_000_000n), stateWith(caller, callee));
    const steps = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // As geth: the failing instruction once as it starts, then again with its error.
    const invalid = steps.filter((step) => step.opName === 'INVALID');
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).not.toHaveProperty('error');
    expect(invalid[1]).toEqual({ ...invalid[0], error: 'invalid-instruction' });
    expect(invalid[1]).toMatchObject({ depth: 2, refund: 4800, gasCost: '0x0' });
    // The SSTORE's own line shows the refund it earned, as geth settles it with the gas.
    expect(steps.find((step) => step.opName === 'SSTORE' && step.depth === 2)).toMatchObject({
      refund: 4800,
    });
    // The failed frame's refund is gone; the caller's own clear adds 4800.
    expect(steps.at(-1)).toMatchObject({ opName: 'STOP', depth: 1, refund: 4800 });
  });
});

describe('inspector hooks', () => {
  it('hears frames, logs and self-destructs in order, with results as callers see them', () => {
    const initcode = assemble('PUSH1 0xaa PUSH0 MSTORE8 PUSH1 1 PUSH0 RETURN');
    const child = assemble('PUSH1 7 PUSH0 MSTORE PUSH1 0xbe PUSH1 32 PUSH0 LOG1 PUSH2 0x1234 SELFDESTRUCT');
    const hex = Array.from(initcode, (byte) => byte.toString(16).padStart(2, '0')).join('');
    const code = assemble(
      `PUSH${initcode.length} 0x${hex} PUSH0 MSTORE PUSH1 ${initcode.length} PUSH1 ${32 - initcode.length} PUSH0 CREATE POP ` +
        `PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 5 PUSH2 0x${OTHER.toString(16)} GAS CALL STOP`,
    );
    for (const engine of ENGINES) {
      const events: string[] = [];
      const inspector: Inspector = {
        call: (message) => events.push(`call d=${message.depth} to=${message.codeAddress}`),
        callEnd: (result, message) => events.push(`callEnd d=${message.depth} ${result.status}`),
        create: (message) => events.push(`create d=${message.depth}`),
        createEnd: (result) =>
          events.push(`createEnd ${result.status} ${result.createdAddress !== undefined}`),
        log: (log) => events.push(`log ${log.address} ${log.topics} ${log.data[31]}`),
        selfDestruct: (address, beneficiary, balance) =>
          events.push(`selfDestruct ${address} -> ${beneficiary} ${balance}`),
        step: (event) => {
          if (event.opName === 'CALL' || event.opName === 'CREATE') events.push(`step ${event.opName}`);
        },
      };
      const evm = createEvm({ engine, inspector });
      const result = evm.execute(call(1_000_000n), stateWith(code, child));
      expect(result.status).toBe('success');
      expect(events).toEqual([
        `call d=0 to=${CONTRACT}`,
        'step CREATE',
        'create d=1',
        'createEnd success true',
        'step CALL',
        `call d=1 to=${OTHER}`,
        `log ${OTHER} 190 7`,
        `selfDestruct ${OTHER} -> ${0x1234n} 5`,
        `callEnd d=1 success`,
        `callEnd d=0 success`,
      ]);
    }
  });

  it('is detachable: without it the instance engine runs again and no hook is called', () => {
    const code = assemble('PUSH1 1 PUSH1 2 ADD POP');
    let steps = 0;
    const evm = createEvm({ engine: 'multipass', inspector: { step: () => steps++ } });
    evm.execute(call(100_000n), stateWith(code));
    expect(steps).toBe(4 + 1);
    evm.inspector = undefined;
    expect(evm.engineFor(code)).toBe('multipass');
    evm.execute(call(100_000n), stateWith(code));
    expect(steps).toBe(5);
  });
});

describe('traced runs give the plain result', () => {
  /** Every opcode but PUSHes, CALLs and CREATEs (which get their own pieces below). */
  const plain = OPCODES.filter(
    (info) =>
      info !== undefined &&
      info.immediateSize === 0 &&
      ![0xf0, 0xf1, 0xf2, 0xf4, 0xf5, 0xfa].includes(info.code),
  ).map((info) => info!.code);
  const word = fc.oneof(
    fc.constantFrom(0n, 1n, 2n, 32n, 255n, CONTRACT, OTHER, (1n << 256n) - 1n),
    fc.bigInt({ min: 0n, max: 100n }),
  );
  const piece = fc.oneof(
    { weight: 4, arbitrary: word.map((value) => assemble(`PUSH32 ${value}`)) },
    { weight: 4, arbitrary: fc.constantFrom(...plain).map((op) => Uint8Array.of(op)) },
    { weight: 1, arbitrary: fc.constant(Uint8Array.of(0x5b)) },
    {
      weight: 1,
      arbitrary: fc.constant(
        assemble(`PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH2 0x${OTHER.toString(16)} GAS CALL`),
      ),
    },
    { weight: 1, arbitrary: fc.constant(assemble('PUSH1 4 PUSH0 PUSH0 CODECOPY')) },
  );
  const program = fc.array(piece, { maxLength: 40 }).map((pieces) => {
    const bytes = pieces.flatMap((p) => [...p]);
    return Uint8Array.from(bytes);
  });

  it('in status, gas, refund, output, logs and state (interpreter, multipass)', () => {
    fc.assert(
      fc.property(program, program, (code, other) => {
        for (const engine of ['interpreter', 'multipass'] as const) {
          const plainState = stateWith(code, other);
          const plainResult = createEvm({ engine }).execute(call(200_000n), plainState);
          const tracedState = stateWith(code, other);
          const tracedResult = createEvm({ engine, inspector: {} }).execute(call(200_000n), tracedState);
          expect(tracedResult).toEqual(plainResult);
          expect(tracedState.logs).toEqual(plainState.logs);
          expect([...tracedState.accounts]).toEqual([...plainState.accounts]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
