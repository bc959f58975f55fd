// Test helpers for checking that both engines give the same answer (run a call with `run` from
// harness.ts and its `engine`). Programs can start with FORCE_COMPILE so that multipass compiles
// them instead of leaving straight-line code to the interpreter.
import type { Result } from '@tandem-evm/host';
import type { EngineName } from '../index.js';
import { CALLER, CONTRACT } from './harness.js';

export { CALLER, CONTRACT };

export const ENGINES = ['interpreter', 'multipass'] as const satisfies readonly EngineName[];

/** A backward JUMPI that is never taken (JUMPDEST PUSH0 PUSH0 JUMPI): multipass compiles what follows. */
export const FORCE_COMPILE = 'JUMPDEST PUSH0 PUSH0 JUMPI';

/** The output read as one big-endian number. */
export function outputWord(result: Result): bigint {
  let value = 0n;
  for (const byte of result.output) value = (value << 8n) | BigInt(byte);
  return value;
}
