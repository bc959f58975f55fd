import type { Revision } from '@tandem-evm/host';
import { analyze, type Block } from './analysis.js';
import { BlockWriter } from './codegen.js';
import { type Bindings, bindings } from './runtime-bindings.js';

/**
 * A group function: runs blocks of its group from `pc`, returns the next pc
 * outside the group or a negative BLOCK_* code.
 */
export type BlockFunction = (context: unknown, stack: bigint[], sp: number, pc: number) => number;

/** Instructions per group function (and so per block at most). */
export const MAX_GROUP_INSTRUCTIONS = 200;

/** Why code stays in the interpreter. */
export type Verdict = 'compiled' | 'too-large' | 'too-many-blocks';

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
/** Code that is mostly jump destinations (jump tables, fuzz) costs more to compile than it gains. */
const MAX_BLOCKS_PER_BYTE = 0.25;

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
  const blocks = analyze(code, jumpdests, revision);
  const parts: string[] = [];
  for (const group of groupBlocks(blocks)) {
    const starts = new Set(group.map((block) => block.start));
    const cases = group.map((block) =>
      new BlockWriter(block, code.length, jumpdests, revision, starts).generate(),
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

function verdictFor(code: Uint8Array, jumpdests: Uint8Array): Verdict {
  if (code.length > MAX_COMPILED_CODE_SIZE) return 'too-large';
  let count = 0;
  for (let i = 0; i < jumpdests.length; i++) count += jumpdests[i]!;
  return count > 64 && count > code.length * MAX_BLOCKS_PER_BYTE ? 'too-many-blocks' : 'compiled';
}

/** Compiles code for one revision (or says why not). */
export function compile(code: Uint8Array, jumpdests: Uint8Array, revision: Revision): CompiledCode {
  const started = performance.now();
  const verdict = verdictFor(code, jumpdests);
  if (verdict !== 'compiled') return { verdict, blocks: [], blockCount: 0, source: '', compileMs: 0 };
  const { source, blockCount } = generateSource(code, jumpdests, revision);
  const factory = new Function('rt', source) as (rt: Bindings) => [number[], BlockFunction][];
  const blocks: (BlockFunction | undefined)[] = new Array(code.length + 1);
  for (const [starts, group] of factory(bindings)) for (const start of starts) blocks[start] = group;
  return { verdict, blocks, blockCount, source, compileMs: performance.now() - started };
}
