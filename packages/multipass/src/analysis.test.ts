import { Revision } from '@tandem-evm/host';
import { analyzeJumpdests, assemble } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import { analyze, entryPoints } from './analysis.js';

function blocksOf(source: string, revision: Revision = Revision.Cancun) {
  const code = assemble(source);
  return analyze(code, analyzeJumpdests(code), revision);
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
    const code = assemble('PUSH0 CALLDATALOAD JUMPDEST JUMP JUMPDEST STOP');
    expect(entryPoints(code, analyzeJumpdests(code))).toEqual(new Uint8Array(code.length));
    const blocks = analyze(code, analyzeJumpdests(code), Revision.Cancun);
    expect(blocks.map((b) => b.start)).toEqual([0]);
    expect(blocks[0]!.instructions.map((i) => i.opcode)).toEqual([0x5f, 0x35, 0x5b, 0x56]);
  });

  it('drops code no jump or fall-through reaches', () => {
    // The INVALID after JUMP is dead; so is the ADD after STOP.
    const blocks = blocksOf('PUSH1 4 JUMP INVALID JUMPDEST STOP ADD');
    expect(blocks.flatMap((b) => b.instructions.map((i) => i.opcode))).toEqual([0x60, 0x56, 0x5b, 0x00]);
  });

  it('measures the stack a block needs and how far it grows', () => {
    const [block] = blocksOf('POP POP PUSH0 PUSH0 PUSH0 ADD STOP');
    expect(block!.stackRequired).toBe(2);
    expect(block!.stackGrowth).toBe(1);
  });

  it('treats an opcode the revision lacks as the end of the block', () => {
    const [block] = blocksOf('PUSH1 1 PUSH0 ADD STOP', Revision.London);
    expect(block!.instructions.map((i) => i.gas)).toEqual([3, -1]);
    expect(block!.fallthrough).toBeUndefined();
  });

  it('decodes PUSH immediates, zero-padded past the end of code', () => {
    const [block] = blocksOf('PUSH2 0x1234');
    expect(block!.instructions[0]!.immediate).toBe(0x1234n);
    const code = Uint8Array.of(0x62, 0xab);
    const [cut] = analyze(code, analyzeJumpdests(code), Revision.Cancun);
    expect(cut!.instructions[0]!.immediate).toBe(0xab0000n);
    expect(cut!.fallthrough).toBe(2);
  });
});
