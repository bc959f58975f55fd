import type { Result } from '@tandem-evm/host';
import type { ExecutionContext } from './context.js';

/**
 * An execution engine as the frame loop sees it. `run` executes the frame in
 * `context` until it halts, or until it needs a child frame (`pendingCall`
 * is set and the child's gas is already taken). The frame loop runs the child and calls
 * `run` again with the child's result, which the engine applies (push the
 * status, copy output, take back unused gas) before it continues. No engine
 * recurses into the frame loop.
 */
export interface Engine {
  readonly name: string;
  run(context: ExecutionContext, childResult: Result | undefined): RunOutcome;
}

/** How an engine's `run` ended. */
export const RunOutcome = {
  /** The frame halted: `status`, `output` and gas are set. */
  Halted: 0,
  /** The frame waits for `pendingCall`. */
  Suspended: 1,
  /**
   * The engine cannot go on exactly (compiled code whose block would run out
   * of gas or stack): the frame loop continues this frame in the interpreter
   * from `context.pc`, with the stack and gas as the engine left them.
   */
  Fallback: 2,
  /**
   * The interpreter made the frame's `jumpsUntilHot` taken jumps: it stopped
   * at the jump destination `context.pc`, and the frame loop hands the frame
   * back to the engine that left it to the interpreter, which may compile it.
   */
  Hot: 3,
} as const;
export type RunOutcome = (typeof RunOutcome)[keyof typeof RunOutcome];
