import { type Engine, type ExecutionContext, RunOutcome } from '@tandem-evm/frame';
import type { Result } from '@tandem-evm/host';
import { applyChildResult } from '@tandem-evm/runtime';
import type { CompiledCodeCache } from './code-cache.js';
import { BLOCK_FALLBACK, BLOCK_HALTED } from './codegen.js';

/**
 * Taken jumps per byte of code after which the tiered engine compiles cold
 * code whose frame is still running. Compiling costs about 2.5 µs per byte
 * (the bench's compilation table) and compiled code saves about 0.3 µs or
 * more per jump (snailtracer: 300 ms over 700 K jumps), so by then the frame
 * has spent in the interpreter about what compiling costs: a frame that
 * stops right after loses at most that, a long one gains nearly all.
 */
export const HOT_JUMPS_PER_CODE_BYTE = 8;

function runCompiled(
  context: ExecutionContext,
  childResult: Result | undefined,
  cache: CompiledCodeCache,
  minRuns: number,
): RunOutcome {
  // The interpreter handed the frame back hot (RunOutcome.Hot): compile now, whatever the runs.
  const hot = context.jumpsUntilHot === 0;
  const compiled = cache.lookup(context, hot ? 1 : minRuns);
  if (compiled === undefined) {
    // Cold or unsuitable code: the interpreter runs this frame (it applies any child result itself).
    // Cold code in the tiered engine comes back if the frame runs hot; unsuitable code never does.
    context.jumpsUntilHot =
      minRuns > 1 && !hot ? Math.max(1, HOT_JUMPS_PER_CODE_BYTE * context.codeSize) : -1;
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
 * frames, or until one frame of it has made HOT_JUMPS_PER_CODE_BYTE taken
 * jumps per byte of code; then compiled.
 */
export function createCompilingEngine(name: string, cache: CompiledCodeCache, minRuns: number): Engine {
  return { name, run: (context, childResult) => runCompiled(context, childResult, cache, minRuns) };
}
