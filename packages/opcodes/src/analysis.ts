import { bytesToWord } from '@tandem-evm/primitives';
import { OP } from './op.js';
import { instructionSize } from './table.js';

/** What an engine needs to run a code, computed once per code. */
export interface AnalyzedCode {
  /** The code followed by 33 zero bytes (see padCode). */
  readonly padded: Uint8Array;
  /** The code's length. */
  readonly size: number;
  /** One byte per code byte: 1 at a valid JUMPDEST. */
  readonly jumpdests: Uint8Array;
  /** The value each PUSH pushes, at the PUSH's pc (0 elsewhere), so no engine decodes immediates twice. */
  readonly pushValues: readonly bigint[];
}

/** Analyses code for execution. */
export function analyzeCode(code: Uint8Array): AnalyzedCode {
  const padded = padCode(code);
  const pushValues = new Array<bigint>(code.length).fill(0n);
  for (let pc = 0; pc < code.length; pc++) {
    const size = instructionSize(code[pc]!) - 1;
    if (size > 0) {
      pushValues[pc] = bytesToWord(padded, pc + 1, size);
      pc += size;
    }
  }
  return { padded, size: code.length, jumpdests: analyzeJumpdests(code), pushValues };
}

/**
 * Marks the valid jump destinations of `code`: JUMPDEST bytes that are not
 * inside a PUSH's immediate data. Returns one byte per code byte (1 = valid).
 */
export function analyzeJumpdests(code: Uint8Array): Uint8Array {
  const jumpdests = new Uint8Array(code.length);
  for (let pc = 0; pc < code.length; pc++) {
    const op = code[pc]!;
    if (op === OP.JUMPDEST) jumpdests[pc] = 1;
    else pc += instructionSize(op) - 1;
  }
  return jumpdests;
}

/**
 * Code padded so that the interpreter can read any PUSH immediate and the
 * final STOP without bounds checks: 33 zero bytes after the code (a PUSH32 at
 * the last byte, then an implicit STOP).
 */
export function padCode(code: Uint8Array): Uint8Array {
  const padded = new Uint8Array(code.length + 33);
  padded.set(code);
  return padded;
}
