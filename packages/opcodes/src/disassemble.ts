import { bytesToHex } from '@tandem-evm/primitives';
import { instructionSize, OPCODES } from './table.js';

export interface Instruction {
  readonly pc: number;
  readonly opcode: number;
  /** Mnemonic; `INVALID_0xNN` for an undefined byte. */
  readonly name: string;
  /** PUSH data, cut short where the code ends. */
  readonly immediate?: Uint8Array;
}

/** Decodes code into instructions (opcodes of every revision; undefined bytes named `INVALID_0xNN`). */
export function disassemble(code: Uint8Array): Instruction[] {
  const out: Instruction[] = [];
  for (let pc = 0; pc < code.length; pc++) {
    const opcode = code[pc]!;
    const info = OPCODES[opcode];
    const name = info ? info.name : `INVALID_0x${opcode.toString(16).padStart(2, '0')}`;
    const size = instructionSize(opcode) - 1;
    if (size > 0) {
      out.push({ pc, opcode, name, immediate: code.subarray(pc + 1, pc + 1 + size) });
      pc += size;
    } else {
      out.push({ pc, opcode, name });
    }
  }
  return out;
}

/** One instruction a line: `0005: PUSH1 0x80`. */
export function formatDisassembly(code: Uint8Array): string {
  return disassemble(code)
    .map((ins) => {
      const pc = ins.pc.toString(16).padStart(4, '0');
      return ins.immediate ? `${pc}: ${ins.name} ${bytesToHex(ins.immediate)}` : `${pc}: ${ins.name}`;
    })
    .join('\n');
}
