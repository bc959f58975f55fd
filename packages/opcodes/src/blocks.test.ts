import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { analyzeBlocks, analyzeCode, assemble, entryPoints, OP } from './index.js';

function blocksOf(source: string, revision: Revision = Revision.Cancun) {
  return analyzeBlocks(analyzeCode(assemble(source)), revision);
}

describe('block analysis', () => {
  it('starts blocks at pc 0, at JUMPDESTs a PUSH holds and after calls; ends them at jumps and terminators', () => {
    const blocks = blocksOf(
      'PUSH1 4 JUMP INVALID JUMPDEST PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 15 GAS CALL POP JUMPDEST STOP',
    );
    expect(blocks.map((b) => b.start)).toEqual([0, 4, 14, 15]);
    expect(blocks.map((b) => b.fallthrough)).toEqual([undefined, 14, 15, undefined]);
  });

  it('keeps a JUMPDEST no PUSH holds inside its block, and drops one only a computed jump could reach', () => {
    const code = analyzeCode(assemble('PUSH0 CALLDATALOAD JUMPDEST JUMP JUMPDEST STOP'));
    expect(entryPoints(code)).toEqual(new Uint8Array(code.size));
    const blocks = analyzeBlocks(code, Revision.Cancun);
    expect(blocks.map((b) => b.start)).toEqual([0]);
    expect(blocks[0]!.instructions.map((i) => i.opcode)).toEqual([
      OP.PUSH0,
      OP.CALLDATALOAD,
      OP.JUMPDEST,
      OP.JUMP,
    ]);
  });

  it('drops code no jump or fall-through reaches', () => {
    // The INVALID after JUMP is dead; so is the ADD after STOP.
    const blocks = blocksOf('PUSH1 4 JUMP INVALID JUMPDEST STOP ADD');
    expect(blocks.flatMap((b) => b.instructions.map((i) => i.opcode))).toEqual([
      OP.PUSH1,
      OP.JUMP,
      OP.JUMPDEST,
      OP.STOP,
    ]);
  });

  it('measures the stack a block needs and how far it grows', () => {
    const [block] = blocksOf('POP POP PUSH0 PUSH0 PUSH0 ADD STOP');
    expect(block!.stackRequired).toBe(2);
    expect(block!.stackGrowth).toBe(1);
  });

  it('treats an opcode the revision lacks as the end of the block', () => {
    const [block] = blocksOf('PUSH1 1 PUSH0 ADD STOP', Revision.London);
    expect(block!.instructions.map((i) => i.defined)).toEqual([true, false]);
    expect(block!.fallthrough).toBeUndefined();
  });

  it('decodes PUSH immediates, zero-padded past the end of code', () => {
    const [block] = blocksOf('PUSH2 0x1234');
    expect(block!.instructions[0]!.immediate).toBe(0x1234n);
    const [cut] = analyzeBlocks(analyzeCode(Uint8Array.of(OP.PUSH3, 0xab)), Revision.Cancun);
    expect(cut!.instructions[0]!.immediate).toBe(0xab0000n);
    expect(cut!.fallthrough).toBe(2);
  });
});
