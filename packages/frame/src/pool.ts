import { ExecutionContext } from './context.js';

/** Default cap on the memory buffer a pooled context keeps between frames. */
export const DEFAULT_RETAINED_MEMORY = 1 << 20;

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
    context.memory.reset(this.retainedMemory);
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
