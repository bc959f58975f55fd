// Control flow and halting: JUMP/JUMPI/JUMPDEST validity (Yellow Paper: a destination must be
// a JUMPDEST opcode, not PUSH data), the 1024-item stack, STOP/RETURN/REVERT/INVALID and
// undefined opcodes. Exceptional halts consume all gas and return no output.
import { describe, expect, it } from 'vitest';
import { run } from './test/harness.js';

const MAX = (1n << 256n) - 1n;
const GAS = 100_000n;

function toWord(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function halts(code: string | Uint8Array, status: string, revision = 'cancun') {
  const { result, gasUsed } = run({ code, revision, gas: GAS });
  expect(result.status).toBe(status);
  expect(gasUsed).toBe(GAS);
  expect(result.output.length).toBe(0);
}

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('JUMP and JUMPI', () => {
  it('JUMP to a JUMPDEST continues there; JUMP 8 + JUMPDEST 1', () => {
    // 0: PUSH1 4, 2: JUMP, 3: INVALID, 4: JUMPDEST, 5: STOP
    const { result, gasUsed } = run({ code: 'PUSH1 4 JUMP INVALID JUMPDEST STOP', revision: 'cancun' });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(3n + 8n + 1n);
  });
  it('JUMP to an opcode that is not JUMPDEST is a bad jump destination', () => {
    halts('PUSH1 3 JUMP INVALID JUMPDEST STOP', 'bad-jump-destination');
  });
  it('JUMP into PUSH data holding 0x5b is a bad jump destination', () => {
    // 0: PUSH1 4, 2: JUMP, 3: PUSH1 0x5b (byte 4 is data), 5: JUMPDEST, 6: STOP
    halts('PUSH1 4 JUMP PUSH1 0x5b JUMPDEST STOP', 'bad-jump-destination');
  });
  it('JUMP to the JUMPDEST right after that PUSH data is fine', () => {
    const { result } = run({ code: 'PUSH1 5 JUMP PUSH1 0x5b JUMPDEST STOP', revision: 'cancun' });
    expect(result.status).toBe('success');
  });
  it('JUMP into the middle of PUSH32 data full of 0x5b is a bad jump destination', () => {
    const data = BigInt(`0x${'5b'.repeat(32)}`);
    for (const target of [4, 20, 35]) {
      halts(`PUSH1 ${target} JUMP PUSH32 ${data} JUMPDEST STOP`, 'bad-jump-destination');
    }
    const { result } = run({ code: `PUSH1 36 JUMP PUSH32 ${data} JUMPDEST STOP`, revision: 'cancun' });
    expect(result.status).toBe('success');
  });
  it('0x5b inside a PUSH truncated by the end of the code is data, not a JUMPDEST', () => {
    // 0: PUSH1 5, 2: JUMP, 3: STOP, 4: PUSH2 with one byte 0x5b
    halts(bytes('600556006' + '15b'), 'bad-jump-destination');
  });
  it.each([6n, 34n, 37n, 38n, 255n, 1n << 32n, (1n << 64n) + 35n, MAX])(
    'JUMP to %s (PUSH data, not JUMPDEST, past the code, huge) is bad',
    (target) => {
      // 0: PUSH32 target, 33: JUMP, 34: INVALID, 35: JUMPDEST, 36: STOP (code length 37)
      halts(`PUSH32 ${target} JUMP INVALID JUMPDEST STOP`, 'bad-jump-destination');
    },
  );
  it('the same code jumping to its JUMPDEST at 35 succeeds', () => {
    expect(run({ code: 'PUSH32 35 JUMP INVALID JUMPDEST STOP', revision: 'cancun' }).result.status).toBe(
      'success',
    );
  });
  it('JUMPI with a zero condition falls through without checking the destination; costs 10', () => {
    const { result, gasUsed } = run({ code: `PUSH1 0 PUSH32 ${MAX} JUMPI STOP`, revision: 'cancun' });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(16n);
  });
  it('JUMPI with any non-zero condition (even 2^255) jumps', () => {
    // 0: PUSH32 cond, 33: PUSH1 38, 35: JUMPI, 36: INVALID, 37: INVALID, 38: JUMPDEST, 39: STOP
    const { result, gasUsed } = run({
      code: `PUSH32 ${1n << 255n} PUSH1 38 JUMPI INVALID INVALID JUMPDEST STOP`,
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(3n + 3n + 10n + 1n);
  });
  it.each([1n << 64n, 1n << 128n, 1n << 192n])('JUMPI with condition %s (low 64 bits zero) jumps', (cond) => {
    const { result } = run({
      code: `PUSH32 ${cond} PUSH1 38 JUMPI INVALID INVALID JUMPDEST STOP`,
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
  });
  it('JUMPI taken to a bad destination halts', () => {
    halts('PUSH1 1 PUSH1 6 JUMPI JUMPDEST STOP', 'bad-jump-destination');
  });
  it('a counting loop runs the right number of times with exact gas', () => {
    // i = 5; do { i -= 1 } while (i != 0); return i
    // 0: PUSH1 5, 2: JUMPDEST, 3: PUSH1 1, 5: SWAP1, 6: SUB, 7: DUP1, 8: PUSH1 2, 10: JUMPI, 11: ...
    const { result, gasUsed } = run({
      code: 'PUSH1 5 JUMPDEST PUSH1 1 SWAP1 SUB DUP1 PUSH1 2 JUMPI PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN',
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(toWord(result.output)).toBe(0n);
    const perIteration = 1n + 3n + 3n + 3n + 3n + 3n + 10n;
    expect(gasUsed).toBe(3n + 5n * perIteration + 3n + 6n + 3n + 3n);
  });
});

describe('the stack', () => {
  it.each([
    ['ADD', 'PUSH1 1 ADD'],
    ['POP', 'POP'],
    ['DUP1', 'DUP1'],
    ['SWAP1', 'PUSH1 1 SWAP1'],
    ['DUP16 with 15 items', `${'PUSH1 1 '.repeat(15)}DUP16`],
    ['SWAP16 with 16 items', `${'PUSH1 1 '.repeat(16)}SWAP16`],
    ['ADDMOD with 2 items', 'PUSH1 1 PUSH1 1 ADDMOD'],
    ['MSTORE with 1 item', 'PUSH1 1 MSTORE'],
    ['CALL with 6 items', `${'PUSH1 0 '.repeat(6)}CALL`],
    ['LOG4 with 5 items', `${'PUSH1 0 '.repeat(5)}LOG4`],
    ['RETURN with 1 item', 'PUSH1 0 RETURN'],
  ])('%s underflows', (_name, code) => {
    halts(code, 'stack-underflow');
  });
  it('DUP16 with 16 items and SWAP16 with 17 items are fine', () => {
    const dup = run({ code: `${'PUSH1 1 '.repeat(15)}PUSH1 9 DUP16 STOP`, revision: 'cancun' });
    expect(dup.result.status).toBe('success');
    const swap = run({
      code: `PUSH1 7 ${'PUSH1 1 '.repeat(15)}PUSH1 9 SWAP16 ${'POP '.repeat(16)}PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
    });
    expect(swap.result.status).toBe('success');
    expect(toWord(swap.result.output)).toBe(9n);
  });
  it('DUPn and SWAPn pick the right items', () => {
    const items = Array.from({ length: 16 }, (_, i) => `PUSH1 ${i + 1}`).join(' '); // top is 16
    const dup = run({ code: `${items} DUP16 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`, revision: 'cancun' });
    expect(toWord(dup.result.output)).toBe(1n);
    const swap = run({
      code: `${items} PUSH1 99 SWAP16 POP PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN`,
      revision: 'cancun',
    });
    // After SWAP16 the old 17th item (1) is on top and 99 is 17th; POP 1, then the top is 16.
    expect(toWord(swap.result.output)).toBe(16n);
  });
  it('1024 items are fine', () => {
    const { result, gasUsed } = run({ code: `${'PUSH1 1 '.repeat(1024)}STOP`, revision: 'cancun' });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(3n * 1024n);
  });
  it('the 1025th item overflows, with PUSH1, PUSH0, DUP1 and a value-producing opcode', () => {
    halts(`${'PUSH1 1 '.repeat(1025)}STOP`, 'stack-overflow');
    halts(`${'PUSH0 '.repeat(1025)}STOP`, 'stack-overflow');
    halts(`${'PUSH1 1 '.repeat(1024)}DUP1 STOP`, 'stack-overflow');
    halts(`${'PUSH1 1 '.repeat(1024)}ADDRESS STOP`, 'stack-overflow');
    halts(`${'PUSH1 1 '.repeat(1024)}PC STOP`, 'stack-overflow');
  });
  it('at 1024 items, instructions that do not grow the stack still work', () => {
    const { result } = run({
      code: `${'PUSH1 1 '.repeat(1024)}ADD SWAP16 POP ISZERO STOP`,
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
  });
  it('a CALL at 1024 items (pops 7, pushes 1) is fine', () => {
    const { result } = run({ code: `${'PUSH1 0 '.repeat(1024)}CALL STOP`, revision: 'cancun' });
    expect(result.status).toBe('success');
  });
});

describe('halting', () => {
  it('STOP and running off the end of the code succeed with no output', () => {
    for (const code of ['PUSH1 1 STOP PUSH1 2', 'PUSH1 1 PUSH1 2']) {
      const { result } = run({ code, revision: 'cancun' });
      expect(result.status).toBe('success');
      expect(result.output.length).toBe(0);
    }
    expect(run({ code: 'PUSH1 1 STOP PUSH1 2', revision: 'cancun' }).gasUsed).toBe(3n);
    expect(run({ code: 'PUSH1 1 PUSH1 2', revision: 'cancun' }).gasUsed).toBe(6n);
  });
  it('empty code succeeds using no gas', () => {
    const { result, gasUsed } = run({ code: new Uint8Array(0), revision: 'cancun' });
    expect(result.status).toBe('success');
    expect(gasUsed).toBe(0n);
  });
  it('RETURN returns memory and keeps the gas left', () => {
    const { result, gasUsed } = run({
      code: 'PUSH1 0xab PUSH1 0 MSTORE8 PUSH1 2 PUSH1 0 RETURN',
      revision: 'cancun',
    });
    expect(result.status).toBe('success');
    expect(Buffer.from(result.output).toString('hex')).toBe('ab00');
    expect(gasUsed).toBe(3n + 3n + 3n + 3n + 3n + 3n);
  });
  it('REVERT returns its data and keeps the gas left (EIP-140)', () => {
    const { result, gasUsed } = run({
      code: 'PUSH1 0xab PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 REVERT',
      revision: 'byzantium',
    });
    expect(result.status).toBe('revert');
    expect(Buffer.from(result.output).toString('hex')).toBe('ab');
    expect(gasUsed).toBe(18n);
  });
  it('INVALID (0xfe) is invalid-instruction and consumes all gas, in every revision', () => {
    for (const revision of ['frontier', 'byzantium', 'cancun'])
      halts('PUSH1 1 INVALID', 'invalid-instruction', revision);
  });
  it.each([0x0c, 0x0f, 0x1e, 0x21, 0x2f, 0x4b, 0x4f, 0xa5, 0xb0, 0xef, 0xf6, 0xf9, 0xfb, 0xfc])(
    'opcode 0x%s is undefined and consumes all gas',
    (opcode) => {
      halts(Uint8Array.of(0x60, 0x01, opcode), 'undefined-instruction');
    },
  );
  it('an exceptional halt after RETURN-able data still returns nothing', () => {
    halts('PUSH1 1 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 INVALID', 'invalid-instruction');
  });
  it('out of gas in the middle of a block: gas is exact per instruction', () => {
    const code = 'PUSH1 1 PUSH1 2 ADD PUSH1 3 MUL STOP'; // 3 + 3 + 3 + 3 + 5
    expect(run({ code, revision: 'cancun', gas: 17n }).result.status).toBe('success');
    for (const gas of [16n, 12n, 1n, 0n]) {
      const { result, gasUsed } = run({ code, revision: 'cancun', gas });
      expect(result.status).toBe('out-of-gas');
      expect(gasUsed).toBe(gas);
    }
  });
});
