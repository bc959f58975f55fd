export type { AnalyzedCode } from './analysis.js';
export { analyzeCode, analyzeJumpdests, padCode } from './analysis.js';
export { assemble } from './assemble.js';
export type { Instruction } from './disassemble.js';
export { disassemble, formatDisassembly } from './disassemble.js';
export type { OpcodeInfo } from './table.js';
export { JUMPDEST, OPCODE_BY_NAME, OPCODES, OpcodeFlag, opcodeInfo, PUSH1, PUSH32 } from './table.js';
