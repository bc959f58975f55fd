import type { Result } from '@tandem-evm/host';
import type { ExecutionContext } from './context.js';

/**
 * An execution engine as the frame loop sees it. `run` executes the frame in
 * `context` until it halts (returns true; `status`, `output` and gas are set)
 * or until it needs a child frame (returns false; `pendingCall` is set and
 * the child's gas is already taken). The frame loop runs the child and calls
 * `run` again with the child's result, which the engine applies (push the
 * status, copy output, take back unused gas) before it continues. No engine
 * recurses into the frame loop.
 */
export interface Engine {
  readonly name: string;
  run(context: ExecutionContext, childResult: Result | undefined): boolean;
}
