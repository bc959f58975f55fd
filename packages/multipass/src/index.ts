export type { Block, Instruction } from './analysis.js';
export { analyze } from './analysis.js';
export type { CodeCacheStats } from './code-cache.js';
export { CodeCache } from './code-cache.js';
export type { BlockFunction, CompiledCode, Entries, Verdict } from './compile.js';
export { compile, generateSource, MAX_COMPILED_CODE_SIZE } from './compile.js';
export { createCompilingEngine } from './engine.js';
