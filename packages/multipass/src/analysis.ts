import { staticGasTable } from '@tandem-evm/gas';
import type { Revision } from '@tandem-evm/host';
import { OPCODES, OpcodeFlag } from '@tandem-evm/opcodes';
import { bytesToWord } from '@tandem-evm/primitives';

/** Longer straight-line code is cut into blocks of this size (V8 does not optimise huge functions). */
export const MAX_BLOCK_INSTRUCTIONS = 200;

/** One decoded instruction. */
export interface Instruction {
  readonly pc: number;
  readonly opcode: number;
  /** PUSH immediate (zero-padded past the end of code). */
  readonly immediate: bigint;
  /** Static gas in the revision; -1 when the opcode is undefined there. */
  readonly gas: number;
}

/**
 * A run of instructions that starts at a jump target, at pc 0, or where the
 * previous block stopped for a call; it is entered only at its start. It
 * ends at a jump, a terminator or a CALL/CREATE, or where the next block
 * starts.
 */
export interface Block {
  readonly start: number;
  readonly instructions: Instruction[];
  /** Stack items the block needs at entry. */
  stackRequired: number;
  /** Largest number of items the block adds above its entry height at any point. */
  stackGrowth: number;
  /** Where execution goes when the last instruction falls through (undefined for none). */
  fallthrough: number | undefined;
}

/** Opcodes whose cost depends on operands or state, or that watch the gas left: a gas chunk ends after each. */
// MLOAD, MSTORE, MSTORE8 and EXP are not among them: each charges its dynamic
// gas in one step with no effect before it, so compiled code can hand it,
// untouched, to the interpreter when that step would fail.
const CHUNK_ENDS = new Set([
  0x20, 0x31, 0x37, 0x39, 0x3b, 0x3c, 0x3e, 0x3f, 0x54, 0x55, 0x5a, 0x5e, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4,
]);

/** True if the static gas of the instructions after `opcode` must not be charged before it runs. */
export function endsGasChunk(opcode: number): boolean {
  return CHUNK_ENDS.has(opcode);
}

function endsBlock(opcode: number, gas: number): boolean {
  const info = OPCODES[opcode];
  if (info === undefined || gas < 0) return true;
  return (info.flags & (OpcodeFlag.Terminator | OpcodeFlag.Jump | OpcodeFlag.Call)) !== 0;
}

function isFallthrough(opcode: number, gas: number): boolean {
  const info = OPCODES[opcode];
  if (info === undefined || gas < 0) return false;
  return (info.flags & OpcodeFlag.Terminator) === 0 && opcode !== 0x56;
}

/**
 * Splits code into basic blocks for `revision`. `code` is the unpadded code;
 * blocks that no jump or fall-through reaches are dropped (dead code).
 */
export function analyze(code: Uint8Array, jumpdests: Uint8Array, revision: Revision): Block[] {
  const gasTable = staticGasTable(revision);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let reachable = true;
  for (let pc = 0; pc < code.length; ) {
    const opcode = code[pc]!;
    const gas = gasTable[opcode]!;
    const immediateSize = opcode >= 0x60 && opcode <= 0x7f ? opcode - 0x5f : 0;
    if (jumpdests[pc] === 1) reachable = true;
    if (!reachable) {
      pc += 1 + immediateSize;
      continue;
    }
    if (
      current === undefined ||
      jumpdests[pc] === 1 ||
      current.instructions.length >= MAX_BLOCK_INSTRUCTIONS
    ) {
      if (current !== undefined) current.fallthrough = pc;
      current = { start: pc, instructions: [], stackRequired: 0, stackGrowth: 0, fallthrough: undefined };
      blocks.push(current);
    }
    const immediate = immediateSize > 0 ? bytesToWord(code, pc + 1, immediateSize) : 0n;
    current.instructions.push({ pc, opcode, immediate, gas });
    const next = pc + 1 + immediateSize;
    if (endsBlock(opcode, gas)) {
      if (isFallthrough(opcode, gas)) current.fallthrough = next;
      else reachable = false;
      current = undefined;
    }
    pc = next;
  }
  if (current !== undefined) current.fallthrough = code.length;
  // A frame can be entered at the end of its code: empty code (a CREATE with no
  // init code), or a resume after a CALL that is the last instruction. It stops there.
  if (blocks.length === 0 || blocks.some((block) => block.fallthrough === code.length && endsInCall(block))) {
    blocks.push({
      start: code.length,
      instructions: [],
      stackRequired: 0,
      stackGrowth: 0,
      fallthrough: code.length,
    });
  }
  for (const block of blocks) measureStack(block);
  return blocks;
}

function endsInCall(block: Block): boolean {
  const opcode = block.instructions.at(-1)?.opcode;
  return opcode !== undefined && ((OPCODES[opcode]?.flags ?? 0) & OpcodeFlag.Call) !== 0;
}

function measureStack(block: Block): void {
  let height = 0;
  let lowest = 0;
  let highest = 0;
  for (const { opcode, gas } of block.instructions) {
    const info = OPCODES[opcode];
    if (info === undefined || gas < 0) break;
    height -= info.stackIn;
    lowest = Math.min(lowest, height);
    height += info.stackOut;
    highest = Math.max(highest, height);
  }
  block.stackRequired = -lowest;
  block.stackGrowth = highest;
}
