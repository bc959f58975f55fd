export type { OpcodeInfo } from './table.js';
export { OPCODES, OPCODE_BY_NAME, OpcodeFlag, opcodeInfo, PUSH1, PUSH32, JUMPDEST } from './table.js';
export { analyzeJumpdests, padCode } from './analysis.js';
export type { Instruction } from './disassemble.js';
export { disassemble, formatDisassembly } from './disassemble.js';
export { assemble } from './assemble.js';
