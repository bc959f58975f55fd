import { ExecutionContext } from './context.js';

/** Default cap on the memory buffer a pooled context keeps between frames. */
export const DEFAULT_RETAINED_MEMORY = 1 << 20;

/**
 * Frames at this depth or deeper keep at most a small buffer: without it, a
 * 1024-deep chain of frames with large memories would stay allocated (1 GiB
 * at the default cap), and zeroing each buffer on release would commit every
 * page of it. Shallow contexts, the ones reused call after call, keep theirs.
 */
export const RETAINING_DEPTHS = 16;
const DEEP_RETAINED_MEMORY = 4096;

/**
 * Execution contexts indexed by call depth. A frame at depth d always gets
 * context d, so a top-level call reuses context 0 and a 1024-deep chain
 * allocates each depth once. The pool belongs to one EVM instance; it is not
 * safe to share across instances or threads.
 */
export class ContextPool {
  private readonly contexts: ExecutionContext[] = [];

  constructor(private readonly retainedMemory = DEFAULT_RETAINED_MEMORY) {}

  /** Lends the context for `depth`. */
  acquire(depth: number): ExecutionContext {
    let context = this.contexts[depth];
    if (context === undefined) {
      context = new ExecutionContext();
      this.contexts[depth] = context;
    }
    if (context.inUse) throw new Error(`context for depth ${depth} is already in use`);
    context.inUse = true;
    return context;
  }

  /** Takes a context back: clears its memory and drops references to the frame's data. */
  release(context: ExecutionContext): void {
    const deep = context.message !== undefined && context.message.depth >= RETAINING_DEPTHS;
    context.memory.reset(deep ? Math.min(this.retainedMemory, DEEP_RETAINED_MEMORY) : this.retainedMemory);
    context.release();
    context.inUse = false;
  }

  /** How many contexts exist (for tests and the bench's allocation report). */
  get size(): number {
    return this.contexts.length;
  }

  /** How many contexts are lent out now (0 between top-level calls). */
  get inUseCount(): number {
    let count = 0;
    for (const context of this.contexts) if (context?.inUse) count++;
    return count;
  }
}
