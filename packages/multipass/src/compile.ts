import type { Revision } from '@tandem-evm/host';
import { analyze, type Block } from './analysis.js';
import { BlockWriter } from './codegen.js';
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
export type Verdict = 'compiled' | 'too-large' | 'too-many-blocks' | 'straight-line';

export interface CompiledCode {
  readonly verdict: Verdict;
  /** Block functions indexed by their start pc (sparse). */
  readonly blocks: readonly (BlockFunction | undefined)[];
  readonly blockCount: number;
  /** The generated JavaScript (for `tandem compile --emit js` and the cache's size). */
  readonly source: string;
  readonly compileMs: number;
}

/** Largest code compiled: the EIP-3860 initcode limit. Larger code is interpreted. */
export const MAX_COMPILED_CODE_SIZE = 0xc000;
/**
 * Code with more than one jump destination per 8 bytes (jump mazes, fuzz) costs more to
 * compile than it gains: each block runs too rarely for V8 to optimise it. Compiled
 * Solidity has about one per 20–30 bytes.
 */
const MAX_BLOCKS_PER_BYTE = 0.125;

/**
 * Generates JavaScript source for `code`: a function of `rt` (the runtime
 * bindings) returning `[startPc, blockFunction]` pairs. The source is built
 * only from numbers and fixed templates; no byte of the code is copied into it
 * as text.
 */
export function generateSource(
  code: Uint8Array,
  jumpdests: Uint8Array,
  revision: Revision,
): { source: string; blockCount: number } {
  return sourceOf(analyze(code, jumpdests, revision), code.length, jumpdests, revision);
}

function sourceOf(
  blocks: Block[],
  codeSize: number,
  jumpdests: Uint8Array,
  revision: Revision,
): { source: string; blockCount: number } {
  const parts: string[] = [];
  for (const group of groupBlocks(blocks)) {
    const starts = new Set(group.map((block) => block.start));
    const cases = group.map((block) =>
      new BlockWriter(block, codeSize, jumpdests, revision, starts).generate(),
    );
    const entries = group.map((block) => block.start).join(', ');
    parts.push(
      `[[${entries}], function (ctx, stack, sp, pc) {\n for (;;) switch (pc) {\n  ${cases.join('\n  ')}\n  default: ctx.stackTop = sp; return pc;\n }\n}]`,
    );
  }
  const source = `'use strict';\nconst M = rt.M, A = rt.A;\nreturn [\n${parts.join(',\n')}\n];`;
  return { source, blockCount: blocks.length };
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

/** The verdicts that need no analysis: checked before any work is done. */
function sizeVerdict(code: Uint8Array, jumpdests: Uint8Array): Verdict {
  if (code.length > MAX_COMPILED_CODE_SIZE) return 'too-large';
  let count = 0;
  for (let i = 0; i < jumpdests.length; i++) count += jumpdests[i]!;
  return count > 64 && count > code.length * MAX_BLOCKS_PER_BYTE ? 'too-many-blocks' : 'compiled';
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
  if (last === undefined || (last.opcode !== 0x56 && last.opcode !== 0x57)) return false;
  const target = block.instructions.at(-2);
  if (target === undefined || target.opcode < 0x5f || target.opcode > 0x7f) return true;
  return target.immediate <= BigInt(block.start);
}

/** Compiles code for one revision (or says why not). */
export function compile(code: Uint8Array, jumpdests: Uint8Array, revision: Revision): CompiledCode {
  const started = performance.now();
  const early = sizeVerdict(code, jumpdests);
  if (early !== 'compiled') return { verdict: early, blocks: [], blockCount: 0, source: '', compileMs: 0 };
  const analyzed = analyze(code, jumpdests, revision);
  if (!analyzed.some(mayLoop))
    return { verdict: 'straight-line', blocks: [], blockCount: 0, source: '', compileMs: 0 };
  const { source, blockCount } = sourceOf(analyzed, code.length, jumpdests, revision);
  const factory = new Function('rt', source) as (rt: Bindings) => [number[], BlockFunction][];
  const blocks: (BlockFunction | undefined)[] = new Array(code.length + 1);
  for (const [starts, group] of factory(bindings)) for (const start of starts) blocks[start] = group;
  return { verdict: 'compiled', blocks, blockCount, source, compileMs: performance.now() - started };
}
