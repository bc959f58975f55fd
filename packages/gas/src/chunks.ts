import { type BlockInstruction, hasFlags, OpcodeFlag } from '@tandem-evm/opcodes';

/**
 * True if the static gas of the instructions after `opcode` must not be
 * charged before it runs: its cost depends on operands or state, or it
 * watches the gas left (the table's GasDependent flag). MLOAD, MSTORE,
 * MSTORE8 and EXP are not among them: each charges its dynamic gas in one
 * step with no effect before it, so an engine that charged ahead can hand it,
 * untouched, to exact per-instruction charging when that step would fail.
 */
export function endsGasChunk(opcode: number): boolean {
  return hasFlags(opcode, OpcodeFlag.GasDependent);
}

/**
 * Static gas of the chunk of `instructions` that starts at index `from`
 * (gas from `staticGas`, a staticGasTable), and whether the chunk is still
 * open at the end (no chunk end, no undefined instruction), so that it may go
 * on into the next block.
 */
export function chunkCost(
  instructions: readonly BlockInstruction[],
  from: number,
  staticGas: Int32Array,
): { cost: number; open: boolean } {
  let cost = 0;
  for (let i = from; i < instructions.length; i++) {
    const { defined, opcode } = instructions[i]!;
    if (!defined) return { cost, open: false };
    cost += staticGas[opcode]!;
    if (endsGasChunk(opcode)) return { cost, open: false };
  }
  return { cost, open: true };
}
