export type { CompiledCodeCacheStats } from './code-cache.js';
export { CompiledCodeCache } from './code-cache.js';
export type { BlockFunction, CompiledCode, Entries, Verdict } from './compile.js';
export { compile, generateSource, MAX_COMPILED_CODE_SIZE } from './compile.js';
export { createCompilingEngine, HOT_JUMPS_PER_CODE_BYTE } from './engine.js';
