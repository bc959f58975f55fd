import { Revision } from '@tandem-evm/host';
import { analyzeBlocks, analyzeCode, assemble, OP } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import { chunkCost, endsGasChunk, staticGasTable } from './index.js';

const CANCUN = staticGasTable(Revision.Cancun);

function instructionsOf(source: string, revision: Revision = Revision.Cancun) {
  return analyzeBlocks(analyzeCode(assemble(source)), revision)[0]!.instructions;
}

describe('gas chunks', () => {
  it('end after instructions whose gas depends on operands, state or the gas left', () => {
    const ends: number[] = [
      ...[OP.KECCAK256, OP.BALANCE, OP.CALLDATACOPY, OP.CODECOPY, OP.EXTCODESIZE, OP.EXTCODECOPY],
      ...[OP.RETURNDATACOPY, OP.EXTCODEHASH, OP.SLOAD, OP.SSTORE, OP.GAS, OP.MCOPY],
      ...[OP.LOG0, OP.LOG1, OP.LOG2, OP.LOG3, OP.LOG4],
      ...[OP.CREATE, OP.CALL, OP.CALLCODE, OP.DELEGATECALL, OP.CREATE2, OP.STATICCALL],
    ];
    for (let opcode = 0; opcode < 256; opcode++)
      expect(endsGasChunk(opcode), `${opcode}`).toBe(ends.includes(opcode));
  });
  it('cost the static gas up to and including the chunk end', () => {
    const instructions = instructionsOf('PUSH0 PUSH0 ADD SLOAD PUSH0 MSTORE STOP');
    expect(chunkCost(instructions, 0, CANCUN)).toEqual({ cost: 2 + 2 + 3 + 100, open: false });
    expect(chunkCost(instructions, 4, CANCUN)).toEqual({ cost: 2 + 3 + 0, open: true });
  });
  it('stop before an opcode the revision lacks', () => {
    const instructions = instructionsOf('PUSH1 1 PUSH0 ADD STOP', Revision.London);
    expect(chunkCost(instructions, 0, staticGasTable(Revision.London))).toEqual({ cost: 3, open: false });
  });
});
