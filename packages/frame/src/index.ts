export { Memory, MAX_MEMORY_SIZE } from './memory.js';
export { ExecutionContext, STACK_LIMIT, MAX_NUMBER_GAS } from './context.js';
export { ContextPool, DEFAULT_RETAINED_MEMORY } from './pool.js';
export type { Engine } from './engine.js';
