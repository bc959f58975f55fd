import { JUMPDEST, PUSH1, PUSH32 } from './table.js';

/**
 * Marks the valid jump destinations of `code`: JUMPDEST bytes that are not
 * inside a PUSH's immediate data. Returns one byte per code byte (1 = valid).
 */
export function analyzeJumpdests(code: Uint8Array): Uint8Array {
  const jumpdests = new Uint8Array(code.length);
  for (let pc = 0; pc < code.length; pc++) {
    const op = code[pc]!;
    if (op === JUMPDEST) jumpdests[pc] = 1;
    else if (op >= PUSH1 && op <= PUSH32) pc += op - PUSH1 + 1;
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
