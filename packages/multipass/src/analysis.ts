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
 * A run of instructions that starts at an entry point (a jump destination
 * some PUSH holds), at pc 0, or where the previous block stopped for a call;
 * it is entered only at its start. It
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

/**
 * Static gas of the chunk that starts at instruction `from`, and whether the
 * chunk is still open at the block's end (no chunk end, no undefined
 * instruction), so that it may go on into the next block.
 */
export function chunkCost(
  instructions: readonly Instruction[],
  from: number,
): { cost: number; open: boolean } {
  let cost = 0;
  for (let i = from; i < instructions.length; i++) {
    const { gas, opcode } = instructions[i]!;
    if (gas < 0) return { cost, open: false };
    cost += gas;
    if (endsGasChunk(opcode)) return { cost, open: false };
  }
  return { cost, open: true };
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

/** The value of a PUSH immediate of `size` bytes at `at` if it is below 2^32, else -1. */
function smallImmediate(code: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) {
    const byte = code[at + i] ?? 0;
    if (value >= 0x1000000) return -1;
    value = value * 256 + byte;
  }
  return value;
}

/**
 * The jump destinations compiled code can be entered at: those whose pc some
 * PUSH in the code holds. That covers PUSH + JUMP and the return addresses
 * compilers push before a call to an internal function. Other jump
 * destinations are plain one-gas instructions inside a block; a jump computed
 * some other way to one of them hands the frame to the interpreter, exactly
 * there (see the engine).
 */
export function entryPoints(code: Uint8Array, jumpdests: Uint8Array): Uint8Array {
  const entries = new Uint8Array(code.length);
  for (let pc = 0; pc < code.length; ) {
    const opcode = code[pc]!;
    const size = opcode >= 0x60 && opcode <= 0x7f ? opcode - 0x5f : 0;
    if (size > 0) {
      const target = smallImmediate(code, pc + 1, size);
      if (target >= 0 && target < code.length && jumpdests[target] === 1) entries[target] = 1;
    }
    pc += 1 + size;
  }
  return entries;
}

/**
 * Splits code into basic blocks for `revision`. `code` is the unpadded code;
 * blocks start at pc 0, at `entries` (by default entryPoints) and after
 * calls; blocks that no jump or fall-through reaches are dropped (dead code).
 */
export function analyze(
  code: Uint8Array,
  jumpdests: Uint8Array,
  revision: Revision,
  entries: Uint8Array = entryPoints(code, jumpdests),
): Block[] {
  const gasTable = staticGasTable(revision);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let reachable = true;
  for (let pc = 0; pc < code.length; ) {
    const opcode = code[pc]!;
    const gas = gasTable[opcode]!;
    const immediateSize = opcode >= 0x60 && opcode <= 0x7f ? opcode - 0x5f : 0;
    if (entries[pc] === 1) reachable = true;
    if (!reachable) {
      pc += 1 + immediateSize;
      continue;
    }
    if (current === undefined || entries[pc] === 1 || current.instructions.length >= MAX_BLOCK_INSTRUCTIONS) {
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

/**
 * True if the block runs straight into the block at its fallthrough pc: it
 * was cut only because a jump destination (or the size limit) follows, not by
 * a jump, a call or a terminator.
 */
export function runsIntoNext(block: Block): boolean {
  const last = block.instructions.at(-1);
  return last !== undefined && block.fallthrough !== undefined && !endsBlock(last.opcode, last.gas);
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
