// How a frame ends: stack bounds, gas to the exact instruction, jumps,
// RETURN/REVERT data, and what an exceptional halt does to the gas left.
import { RunOutcome } from '@tandem-evm/frame';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from './test/run.js';

describe('stack bounds', () => {
  it.each([
    ['ADD', 'PUSH1 1 ADD', 2],
    ['ADDMOD', 'PUSH1 1 PUSH1 1 ADDMOD', 4],
    ['POP', 'POP', 0],
    ['DUP16', `${'PUSH0 '.repeat(15)}DUP16`, 15],
    ['SWAP16', `${'PUSH0 '.repeat(16)}SWAP16`, 16],
    ['CALL', `${'PUSH0 '.repeat(6)}CALL`, 6],
  ])('%s with too few items halts with stack-underflow at that instruction', (_name, code, pc) => {
    const result = run(code);
    expect(result.status).toBe('stack-underflow');
    expect(result.pc).toBe(pc);
  });

  it('holds 1024 items and overflows on the 1025th', () => {
    expect(run('PUSH0 '.repeat(1024)).status).toBe('success');
    const result = run('PUSH0 '.repeat(1025));
    expect(result.status).toBe('stack-overflow');
    expect(result.pc).toBe(1024);
  });

  it('lets an instruction that pops before it pushes run on a full stack', () => {
    expect(run(`${'PUSH0 '.repeat(1024)}ADD`).status).toBe('success');
    expect(run(`${'PUSH0 '.repeat(1024)}DUP1`).status).toBe('stack-overflow');
  });

  it('consumes all gas on a stack error', () => {
    expect(run('ADD', { gas: 100n }).gasLeft).toBe(0n);
  });
});

describe('out of gas at the exact instruction', () => {
  const code = 'PUSH1 1 PUSH1 2 ADD'; // 3 + 3 + 3

  it('runs with exactly enough gas and leaves none', () => {
    const result = run(code, { gas: 9n });
    expect(result.status).toBe('success');
    expect(result.gasLeft).toBe(0n);
  });

  it('stops at the instruction it cannot pay for, and keeps nothing', () => {
    const result = run(code, { gas: 8n });
    expect(result.status).toBe('out-of-gas');
    expect(result.pc).toBe(4);
    expect(result.gasLeft).toBe(0n);
    expect(run(code, { gas: 5n }).pc).toBe(2);
  });

  it('charges a run of JUMPDESTs 1 each and stops at the first one it cannot pay for', () => {
    const code = `${'JUMPDEST '.repeat(40)}PUSH1 1`; // 40 × 1 + 3
    const paid = run(code, { gas: 43n });
    expect(paid.status).toBe('success');
    expect(paid.gasLeft).toBe(0n);
    expect(paid.stack).toEqual([1n]);
    for (const gas of [42n, 40n, 39n, 17n, 1n]) {
      const short = run(code, { gas });
      expect(short.status).toBe('out-of-gas');
      expect(short.pc).toBe(Math.min(Number(gas), 40));
      expect(short.gasLeft).toBe(0n);
      // One instruction at a time agrees on every short budget.
      const stepped = run(code, { gas, stepping: true });
      expect([stepped.status, stepped.pc, stepped.gasLeft]).toEqual([short.status, short.pc, short.gasLeft]);
    }
  });

  it('stops at a memory access it can pay the static gas for but not the expansion', () => {
    // PUSH1, PUSH0 and MSTORE's 3 are paid; one word of memory (3) is not.
    const result = run('PUSH1 1 PUSH0 MSTORE', { gas: 3n + 2n + 3n + 2n });
    expect(result.status).toBe('out-of-gas');
    expect(result.pc).toBe(3);
  });

  it('GAS pushes the gas left after its own cost', () => {
    const result = run('GAS', { gas: 100n });
    expect(result.stack).toEqual([98n]);
  });
});

describe('memory expansion cost', () => {
  it('charges 3 per word plus words²/512 on top of the static gas', () => {
    // MSTORE at 0: 3 static + 3 for one word.
    expect(run('PUSH0 PUSH0 MSTORE').gasUsed).toBe(2n + 2n + 3n + 3n);
    // MSTORE8 at 1023: 32 words, 96 + 1024/512 = 98.
    expect(run('PUSH0 PUSH2 1023 MSTORE8').gasUsed).toBe(2n + 3n + 3n + 98n);
    // A second store inside the memory costs no expansion.
    expect(run('PUSH0 PUSH0 MSTORE PUSH0 PUSH1 0 MSTORE').gasUsed).toBe(2n + 2n + 6n + 2n + 3n + 3n);
  });

  it('MSIZE reports memory in whole words', () => {
    expect(run('PUSH0 PUSH1 33 MSTORE8 MSIZE').stack.at(-1)).toBe(64n);
  });

  it('is out of gas for an offset no memory can reach', () => {
    expect(run('PUSH0 PUSH5 0x0100000000 MSTORE').status).toBe('out-of-gas');
    expect(
      run('PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff MLOAD').status,
    ).toBe('out-of-gas');
  });

  it('KECCAK256 charges 30 plus 6 per word plus memory', () => {
    expect(run('PUSH1 33 PUSH0 KECCAK256').gasUsed).toBe(3n + 2n + 30n + 12n + 6n);
  });
});

describe('jumps', () => {
  it('JUMP lands on a JUMPDEST', () => {
    const result = run('PUSH1 4 JUMP INVALID JUMPDEST PUSH1 7');
    expect(result.status).toBe('success');
    expect(result.stack).toEqual([7n]);
  });

  it('refuses a destination that is not a JUMPDEST, lies in PUSH data or past the code', () => {
    expect(run('PUSH1 3 JUMP JUMPDEST').status).toBe('success');
    expect(run('PUSH1 2 JUMP JUMPDEST').status).toBe('bad-jump-destination');
    expect(run('PUSH1 4 JUMP PUSH1 0x5b').status).toBe('bad-jump-destination'); // 0x5b is PUSH1's immediate
    expect(run('PUSH1 200 JUMP').status).toBe('bad-jump-destination');
    expect(
      run('PUSH32 0x0100000000000000000000000000000000000000000000000000000000000003 JUMP JUMPDEST').status,
    ).toBe('bad-jump-destination');
  });

  it('JUMPI ignores its destination when the condition is zero', () => {
    expect(run('PUSH0 PUSH1 200 JUMPI PUSH1 1').stack).toEqual([1n]);
    expect(run('PUSH1 1 PUSH1 200 JUMPI').status).toBe('bad-jump-destination');
    expect(run('PUSH1 1 PUSH1 6 JUMPI INVALID JUMPDEST').status).toBe('success');
  });

  it('consumes all gas on a bad jump and stops at the jump', () => {
    const result = run('PUSH1 2 JUMP', { gas: 1000n });
    expect([result.pc, result.gasLeft]).toEqual([2, 0n]);
  });

  it('PUSH2 dest JUMP and PUSH2 dest JUMPI end as one instruction at a time would', () => {
    // The plain loop runs these pairs as one step; the stepping interpreter never does.
    const piece = fc.oneof(
      fc.constantFrom([0x5b], [0x56], [0x57], [0x50], [0x60, 0], [0x60, 1]),
      fc.integer({ min: 0, max: 40 }).map((dest) => [0x61, dest >> 8, dest & 0xff, 0x56]),
      fc.integer({ min: 0, max: 40 }).map((dest) => [0x61, dest >> 8, dest & 0xff, 0x57]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.bigInt({ min: 0n, max: 200n }), (pieces, gas) => {
        const code = Uint8Array.from(pieces.flat());
        const plain = run(code, { gas });
        const stepped = run(code, { gas, stepping: true });
        expect([plain.status, plain.pc, plain.gasLeft, plain.stack]).toEqual([
          stepped.status,
          stepped.pc,
          stepped.gasLeft,
          stepped.stack,
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('PUSH2 dest JUMP out of gas at the JUMP keeps the destination on the stack', () => {
    const result = run('PUSH2 0x0004 JUMP JUMPDEST', { gas: 3n + 7n });
    expect([result.status, result.pc, result.stack]).toEqual(['out-of-gas', 3, [4n]]);
    expect(run('PUSH2 0x0005 JUMPI JUMPDEST').status).toBe('stack-underflow');
    expect(run('PUSH1 1 PUSH2 0x0007 JUMPI INVALID JUMPDEST PUSH1 9').stack).toEqual([9n]);
  });

  it('PC pushes the position of the PC instruction', () => {
    expect(run('PUSH1 0 POP PC').stack).toEqual([3n]);
  });
});

describe('RETURN, REVERT and other halts', () => {
  it('RETURN hands back the memory region and keeps the gas left', () => {
    const result = run('PUSH1 0x2a PUSH0 MSTORE PUSH1 2 PUSH1 30 RETURN', { gas: 100n });
    expect(result.status).toBe('success');
    expect([...result.output]).toEqual([0, 0x2a]);
    expect(result.gasLeft).toBe(100n - (3n + 2n + 6n + 3n + 3n));
  });

  it('REVERT hands back data and keeps the gas left (EIP-140)', () => {
    const result = run('PUSH1 0xee PUSH0 MSTORE8 PUSH1 1 PUSH0 REVERT', { gas: 100n });
    expect(result.status).toBe('revert');
    expect([...result.output]).toEqual([0xee]);
    expect(result.gasLeft).toBe(100n - (3n + 2n + 6n + 3n + 2n));
  });

  it('RETURN of zero bytes at any offset costs no memory', () => {
    const result = run(
      'PUSH0 PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff RETURN',
    );
    expect(result.status).toBe('success');
    expect(result.output).toHaveLength(0);
  });

  it('is out of gas when the returned region cannot be paid for', () => {
    expect(run('PUSH1 32 PUSH0 RETURN', { gas: 7n }).status).toBe('out-of-gas');
  });

  it('running off the end of the code is STOP', () => {
    const result = run('PUSH1 1');
    expect(result.status).toBe('success');
    expect(result.output).toHaveLength(0);
  });

  it('INVALID (0xfe) is an invalid instruction, an unassigned byte an undefined one; both consume all gas', () => {
    expect(run('INVALID', { gas: 50n })).toMatchObject({ status: 'invalid-instruction', gasLeft: 0n });
    expect(run(Uint8Array.of(0x0c), { gas: 50n })).toMatchObject({
      status: 'undefined-instruction',
      gasLeft: 0n,
    });
  });
});

describe('calls suspend the frame', () => {
  it('hands CALL to the frame loop with the child message and resumes after it', () => {
    const result = run('PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH2 0xbeef PUSH2 0xffff CALL');
    expect(result.outcome).toBe(RunOutcome.Suspended);
    expect(result.context.pendingCall).toMatchObject({
      kind: 'call',
      recipient: 0xbeefn,
      gas: 0xffffn,
      depth: 1,
    });
    expect(result.context.pc).toBe(result.context.codeSize);
  });
});
