import { chunkCost, endsGasChunk, staticGasTable } from '@tandem-evm/gas';
import type { Revision } from '@tandem-evm/host';
import { type AnalyzedCode, analyzeBlocks, type Block, isPush, OP, runsIntoNext } from '@tandem-evm/opcodes';
import { type BlockLayout, BlockWriter, type ColdExit } from './codegen.js';
import { type Bindings, bindings } from './runtime-bindings.js';

/**
 * A group function: runs blocks of its group from `pc`, returns the next pc
 * outside the group or a negative BLOCK_* code.
 */
export type BlockFunction = (context: unknown, stack: bigint[], sp: number, pc: number) => number;

/** The high-resolution clock of browsers and Node (the engine packages compile without DOM or Node types). */
declare const performance: { now(): number };

/** Instructions per group function (and so per block at most). */
export const MAX_GROUP_INSTRUCTIONS = 200;

/** Why code stays in the interpreter. */
export type Verdict = 'compiled' | 'too-large' | 'too-many-jumps' | 'straight-line';

/**
 * Which jump destinations compiled code can be entered at: those a PUSH holds
 * (fewer, longer blocks), or every one, for code that computed a jump some
 * other way (a jump table in memory).
 */
export type Entries = 'pushed' | 'every-jumpdest';

export interface CompiledCode {
  readonly verdict: Verdict;
  readonly entries: Entries;
  /** Block functions indexed by their start pc (sparse). */
  readonly blocks: readonly (BlockFunction | undefined)[];
  readonly blockCount: number;
  /** The generated JavaScript (for `tandem compile --emit js` and the cache's size). */
  readonly source: string;
  /** The cold exits the source refers to as `E[i]`. */
  readonly exits: readonly ColdExit[];
  readonly compileMs: number;
}

/** Largest code compiled: the EIP-3860 initcode limit. Larger code is interpreted. */
export const MAX_COMPILED_CODE_SIZE = 0xc000;
/**
 * Code with more than one jump per 8 bytes (jump mazes) costs more to compile than
 * it gains: each block runs too rarely for V8 to optimise it. Compiled Solidity
 * has about one per 20–30 bytes. Jump destinations alone cost little: a run of
 * them falls through from case to case and is charged as one chunk.
 */
const MAX_JUMPS_PER_BYTE = 0.125;

/**
 * Generates JavaScript source for `code`: a function of `rt` (the runtime
 * bindings) and `E` (the returned cold exits) returning `[startPcs,
 * groupFunction]` pairs. The source is built only from numbers and fixed
 * templates; no byte of the code is copied into it as text.
 */
export function generateSource(
  code: AnalyzedCode,
  revision: Revision,
  entries: Entries = 'pushed',
): GeneratedSource {
  return sourceOf(blocksFor(code, revision, entries), code, revision);
}

function blocksFor(code: AnalyzedCode, revision: Revision, entries: Entries): Block[] {
  return entries === 'pushed' ? analyzeBlocks(code, revision) : analyzeBlocks(code, revision, code.jumpdests);
}

interface GeneratedSource {
  readonly source: string;
  readonly blockCount: number;
  readonly exits: ColdExit[];
}

function sourceOf(blocks: Block[], code: AnalyzedCode, revision: Revision): GeneratedSource {
  const staticGas = staticGasTable(revision);
  const parts: string[] = [];
  const exits: ColdExit[] = [];
  for (const group of groupBlocks(blocks)) {
    const layouts = layoutGroup(group, staticGas);
    const cases = group.map((block, i) =>
      new BlockWriter(block, code.size, code.jumpdests, revision, layouts[i]!, exits).generate(),
    );
    const entries = group.map((block) => block.start).join(', ');
    // Named after its first pc, so that a profile says which code is hot.
    parts.push(
      `[[${entries}], function g${group[0]!.start}(ctx, stack, sp, pc) {\n for (;;) switch (pc) {\n  ${cases.join('\n  ')}\n  default: ctx.stackTop = sp; return pc;\n }\n}]`,
    );
  }
  const source = `'use strict';\nconst M = rt.M, A = rt.A, S = rt.S;\nreturn [\n${parts.join(',\n')}\n];`;
  return { source, blockCount: blocks.length, exits };
}

/**
 * How each block of a group is entered and left (see BlockLayout), from the
 * last block back, since a block's first chunk may run on into the next one.
 */
function layoutGroup(group: Block[], staticGas: Int32Array): BlockLayout[] {
  const starts = new Set(group.map((block) => block.start));
  const fallsIntoNextCase = group.map(
    (block, i) => i + 1 < group.length && block.fallthrough === group[i + 1]!.start,
  );
  const chained = group.map(
    (block, i) =>
      fallsIntoNextCase[i]! && runsIntoNext(block) && !endsGasChunk(block.instructions.at(-1)!.opcode),
  );
  const layouts: BlockLayout[] = new Array(group.length);
  /** The gas the first chunk of the block after the current one charges. */
  let nextFirstChunk = 0;
  for (let i = group.length - 1; i >= 0; i--) {
    const block = group[i]!;
    layouts[i] = {
      group: starts,
      fallsIntoNextCase: fallsIntoNextCase[i]!,
      nextChunkCost: chained[i] ? nextFirstChunk : 0,
      chargedByPrevious: i > 0 && chained[i - 1]!,
    };
    const first = chunkCost(block.instructions, 0, staticGas);
    nextFirstChunk = first.cost + (first.open && chained[i] ? nextFirstChunk : 0);
  }
  return layouts;
}

/**
 * Consecutive blocks share one function, so that a loop runs inside one
 * function V8 optimises as a whole; groups stay small enough for V8 to
 * optimise them at all (it skips very large functions).
 */
function groupBlocks(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size + block.instructions.length > MAX_GROUP_INSTRUCTIONS && current.length > 0) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += block.instructions.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function endsInJump(block: Block): boolean {
  const opcode = block.instructions.at(-1)?.opcode;
  return opcode === OP.JUMP || opcode === OP.JUMPI;
}

/** Why analysed code stays in the interpreter, or 'compiled' when it does not. */
function shapeVerdict(blocks: Block[], codeSize: number): Verdict {
  const jumps = blocks.filter(endsInJump).length;
  if (jumps > 64 && jumps > codeSize * MAX_JUMPS_PER_BYTE) return 'too-many-jumps';
  return blocks.some(mayLoop) ? 'compiled' : 'straight-line';
}

/**
 * True if the block ends in a jump that can go backwards: a computed target,
 * or a constant one at or before the block. Code without such a jump runs
 * each instruction at most once per call; V8 then never optimises the
 * generated functions, which run slower than the interpreter (measured on
 * the evm-benchmarks micro cases), so such code stays interpreted.
 */
function mayLoop(block: Block): boolean {
  const last = block.instructions.at(-1);
  if (last === undefined || (last.opcode !== OP.JUMP && last.opcode !== OP.JUMPI)) return false;
  const target = block.instructions.at(-2);
  if (target === undefined || !isPush(target.opcode)) return true;
  return target.immediate <= BigInt(block.start);
}

/** Compiles code for one revision (or says why not). */
export function compile(code: AnalyzedCode, revision: Revision, entries: Entries = 'pushed'): CompiledCode {
  const started = performance.now();
  const rejected = (verdict: Verdict): CompiledCode => ({
    verdict,
    entries,
    blocks: [],
    blockCount: 0,
    source: '',
    exits: [],
    compileMs: 0,
  });
  if (code.size > MAX_COMPILED_CODE_SIZE) return rejected('too-large');
  const analyzed = blocksFor(code, revision, entries);
  const verdict = shapeVerdict(analyzed, code.size);
  if (verdict !== 'compiled') return rejected(verdict);
  const { source, blockCount, exits } = sourceOf(analyzed, code, revision);
  const factory = new Function('rt', 'E', source) as (
    rt: Bindings,
    exits: readonly ColdExit[],
  ) => [number[], BlockFunction][];
  const blocks: (BlockFunction | undefined)[] = new Array(code.size + 1);
  for (const [starts, group] of factory(bindings, exits)) for (const start of starts) blocks[start] = group;
  return {
    verdict: 'compiled',
    entries,
    blocks,
    blockCount,
    source,
    exits,
    compileMs: performance.now() - started,
  };
}
