export type { AnalyzedCode } from './analysis.js';
export { analyzeCode, analyzeJumpdests, padCode } from './analysis.js';
export { assemble } from './assemble.js';
export type { Block, BlockInstruction } from './blocks.js';
export { analyzeBlocks, entryPoints, MAX_BLOCK_INSTRUCTIONS, runsIntoNext } from './blocks.js';
export type { Instruction } from './disassemble.js';
export { disassemble, formatDisassembly } from './disassemble.js';
export type { OpcodeName } from './op.js';
export { OP } from './op.js';
export type { OpcodeInfo } from './table.js';
export {
  hasFlags,
  instructionSize,
  isPush,
  OPCODE_BY_NAME,
  OPCODES,
  OpcodeFlag,
  opcodeInfo,
} from './table.js';
