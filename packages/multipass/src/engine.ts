import { type Engine, type ExecutionContext, RunOutcome } from '@tandem-evm/frame';
import type { Result } from '@tandem-evm/host';
import { applyChildResult } from '@tandem-evm/runtime';
import type { CompiledCodeCache } from './code-cache.js';
import { BLOCK_FALLBACK, BLOCK_HALTED } from './codegen.js';

function runCompiled(
  context: ExecutionContext,
  childResult: Result | undefined,
  cache: CompiledCodeCache,
  minRuns: number,
): RunOutcome {
  const compiled = cache.lookup(context, minRuns);
  if (compiled === undefined) {
    // Cold or unsuitable code: the interpreter runs this frame (it applies any child result itself).
    return RunOutcome.Fallback;
  }
  const stack = context.stack;
  let sp = context.stackTop;
  if (childResult !== undefined) {
    stack[sp++] = applyChildResult(context, childResult);
    context.stackTop = sp;
  }
  const blocks = compiled.blocks;
  let pc = context.pc;
  for (;;) {
    const block = blocks[pc];
    if (block === undefined) {
      // A computed jump to a jump destination that is no entry point: the interpreter goes on from it.
      cache.missedEntry(context.code);
      context.pc = pc;
      return RunOutcome.Fallback;
    }
    pc = block(context, stack, sp, pc);
    if (pc < 0) {
      if (pc === BLOCK_HALTED) return RunOutcome.Halted;
      return pc === BLOCK_FALLBACK ? RunOutcome.Fallback : RunOutcome.Suspended;
    }
    sp = context.stackTop;
  }
}

/**
 * An engine that runs compiled code. With `minRuns` > 1 it is the tiered
 * `auto` engine: code runs in the interpreter until it has started that many
 * frames, then compiled.
 */
export function createCompilingEngine(name: string, cache: CompiledCodeCache, minRuns: number): Engine {
  return { name, run: (context, childResult) => runCompiled(context, childResult, cache, minRuns) };
}
