import type { Revision } from '@tandem-evm/host';
import type { AnalyzedCode } from './analysis.js';
import { OP } from './op.js';
import { hasFlags, instructionSize, OPCODES, OpcodeFlag, opcodeInfo } from './table.js';

/** Longer straight-line code is cut into blocks of this size (V8 does not optimise huge functions). */
export const MAX_BLOCK_INSTRUCTIONS = 200;

/** One instruction of a block. */
export interface BlockInstruction {
  readonly pc: number;
  readonly opcode: number;
  /** The value a PUSH pushes (from AnalyzedCode.pushValues); 0 for other instructions. */
  readonly immediate: bigint;
  /** False for an opcode the revision does not define: the block ends there, and so does the frame. */
  readonly defined: boolean;
}

/**
 * A run of instructions that starts at an entry point (by default a jump
 * destination some PUSH holds), at pc 0, or where the previous block stopped
 * for a call; it is entered only at its start. It ends at a jump, a
 * terminator, a CALL/CREATE or an undefined opcode, or where the next block
 * starts.
 */
export interface Block {
  readonly start: number;
  readonly instructions: BlockInstruction[];
  /** Stack items the block needs at entry. */
  stackRequired: number;
  /** Largest number of items the block adds above its entry height at any point. */
  stackGrowth: number;
  /** Where execution goes when the last instruction falls through (undefined for none). */
  fallthrough: number | undefined;
}

const ENDS_BLOCK = OpcodeFlag.Terminator | OpcodeFlag.Jump | OpcodeFlag.Call;

function endsBlock({ opcode, defined }: BlockInstruction): boolean {
  return !defined || (OPCODES[opcode]!.flags & ENDS_BLOCK) !== 0;
}

function fallsThrough({ opcode, defined }: BlockInstruction): boolean {
  return defined && !hasFlags(opcode, OpcodeFlag.Terminator) && opcode !== OP.JUMP;
}

/**
 * The jump destinations compiled code can be entered at: those whose pc some
 * PUSH in the code holds. That covers PUSH + JUMP and the return addresses
 * compilers push before a call to an internal function. Other jump
 * destinations are plain one-gas instructions inside a block; a jump computed
 * some other way to one of them must be handled by the engine (multipass hands
 * the frame to the interpreter, exactly there).
 */
export function entryPoints(code: AnalyzedCode): Uint8Array {
  const { padded, size, jumpdests, pushValues } = code;
  const entries = new Uint8Array(size);
  const end = BigInt(size);
  for (let pc = 0; pc < size; ) {
    const length = instructionSize(padded[pc]!);
    const value = pushValues[pc]!;
    if (length > 1 && value < end && jumpdests[Number(value)] === 1) entries[Number(value)] = 1;
    pc += length;
  }
  return entries;
}

/**
 * Splits code into basic blocks for `revision`. Blocks start at pc 0, at
 * `entries` (by default entryPoints; one byte per code byte, 1 = a block
 * starts there) and after calls; blocks that no jump or fall-through reaches
 * are dropped (dead code).
 */
export function analyzeBlocks(
  code: AnalyzedCode,
  revision: Revision,
  entries: Uint8Array = entryPoints(code),
): Block[] {
  const { padded, size, pushValues } = code;
  const blocks: Block[] = [];
  let current: Block | undefined;
  let reachable = true;
  for (let pc = 0; pc < size; ) {
    const opcode = padded[pc]!;
    const next = pc + instructionSize(opcode);
    if (entries[pc] === 1) reachable = true;
    if (!reachable) {
      pc = next;
      continue;
    }
    if (current === undefined || entries[pc] === 1 || current.instructions.length >= MAX_BLOCK_INSTRUCTIONS) {
      if (current !== undefined) current.fallthrough = pc;
      current = { start: pc, instructions: [], stackRequired: 0, stackGrowth: 0, fallthrough: undefined };
      blocks.push(current);
    }
    const instruction = {
      pc,
      opcode,
      immediate: pushValues[pc]!,
      defined: opcodeInfo(opcode, revision) !== undefined,
    };
    current.instructions.push(instruction);
    if (endsBlock(instruction)) {
      if (fallsThrough(instruction)) current.fallthrough = next;
      else reachable = false;
      current = undefined;
    }
    pc = next;
  }
  if (current !== undefined) current.fallthrough = size;
  // A frame can be entered at the end of its code: empty code (a CREATE with no
  // init code), or a resume after a CALL that is the last instruction. It stops there.
  if (blocks.length === 0 || blocks.some((block) => block.fallthrough === size && endsInCall(block))) {
    blocks.push({ start: size, instructions: [], stackRequired: 0, stackGrowth: 0, fallthrough: size });
  }
  for (const block of blocks) measureStack(block);
  return blocks;
}

/**
 * True if the block runs straight into the block at its fallthrough pc: it
 * was cut only because a jump destination (or the size limit) follows, not by
 * a jump, a call or a terminator.
 */
export function runsIntoNext(block: Block): boolean {
  const last = block.instructions.at(-1);
  return last !== undefined && block.fallthrough !== undefined && !endsBlock(last);
}

function endsInCall(block: Block): boolean {
  const last = block.instructions.at(-1);
  return last?.defined === true && hasFlags(last.opcode, OpcodeFlag.Call);
}

/** Sets the block's stack needs from the table's stack in/out of each instruction. */
function measureStack(block: Block): void {
  let height = 0;
  let lowest = 0;
  let highest = 0;
  for (const { opcode, defined } of block.instructions) {
    if (!defined) break;
    const info = OPCODES[opcode]!;
    height -= info.stackIn;
    lowest = Math.min(lowest, height);
    height += info.stackOut;
    highest = Math.max(highest, height);
  }
  block.stackRequired = -lowest;
  block.stackGrowth = highest;
}
