export { ExecutionContext, MAX_NUMBER_GAS, STACK_LIMIT } from './context.js';
export { type Engine, RunOutcome } from './engine.js';
export { MAX_MEMORY_SIZE, Memory } from './memory.js';
export { ContextPool, DEFAULT_RETAINED_MEMORY } from './pool.js';
export type { CustomInstruction, FrameRules } from './rules.js';
