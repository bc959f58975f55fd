import type { ExecutionContext } from '@tandem-evm/frame';
import { expCost } from '@tandem-evm/gas';
import type { Status } from '@tandem-evm/host';
import { ADDRESS_MASK, MAX_WORD, SIGN_BIT } from '@tandem-evm/primitives';
import * as runtime from '@tandem-evm/runtime';
import { BLOCK_FALLBACK, BLOCK_HALTED, type ColdExit } from './codegen.js';

/** Writes a cold exit's items (see ColdExit) to the stack; returns the new stack height. */
function writeExit(context: ExecutionContext, sp: number, exit: ColdExit, values: bigint[]): number {
  const stack = context.stack;
  const { depths, sources } = exit;
  for (let i = 0; i < depths.length; i++) {
    const source = sources[i]!;
    stack[sp - depths[i]!] = typeof source === 'bigint' ? source : values[source]!;
  }
  return sp + exit.delta;
}

/**
 * Everything generated code may call, handed to it as `rt`. Generated code
 * reaches nothing else: no globals, no module system.
 */
export const bindings = {
  ...runtime,
  M: MAX_WORD,
  A: ADDRESS_MASK,
  S: SIGN_BIT,
  expCost,
  keccak: runtime.keccakOfMemory,

  codeOf(context: ExecutionContext): Uint8Array {
    return context.code.subarray(0, context.codeSize);
  },

  halt(context: ExecutionContext, pc: number, sp: number, status: Status, output?: Uint8Array): number {
    context.pc = pc;
    context.stackTop = sp;
    context.halt(status, output);
    return BLOCK_HALTED;
  },

  /** Hands the rest of the frame to the interpreter, from the start of the block or chunk at `pc`. */
  fallback(context: ExecutionContext, pc: number, sp: number): number {
    context.pc = pc;
    context.stackTop = sp;
    return BLOCK_FALLBACK;
  },

  /** A cold path's way to the interpreter: gives back the gas charged ahead and writes the block's stack. */
  exitToInterpreter(context: ExecutionContext, sp: number, exit: ColdExit, ...values: bigint[]): number {
    context.gasCounter += exit.gasBack;
    return bindings.fallback(context, exit.pc, writeExit(context, sp, exit, values));
  },

  /** A cold path's halt with `status`, the block's stack written first. */
  exitHalted(
    context: ExecutionContext,
    sp: number,
    exit: ColdExit,
    status: Status,
    ...values: bigint[]
  ): number {
    return bindings.halt(context, exit.pc, writeExit(context, sp, exit, values), status);
  },

  /** A jump to a computed destination: the next block's pc, or a bad-jump halt. */
  jump(context: ExecutionContext, pc: number, sp: number, target: bigint): number {
    const destination = runtime.offsetOf(target);
    if (destination < 0 || destination >= context.codeSize || context.jumpdests[destination] !== 1) {
      return bindings.halt(context, pc, sp, 'bad-jump-destination');
    }
    context.stackTop = sp;
    return destination;
  },

  returnOrRevert(
    context: ExecutionContext,
    pc: number,
    sp: number,
    status: Status,
    offset: bigint,
    size: bigint,
  ): number {
    const output = runtime.memoryOutput(context, offset, size);
    return output === undefined
      ? bindings.halt(context, pc, sp, 'out-of-gas')
      : bindings.halt(context, pc, sp, status, output);
  },
};

export type Bindings = typeof bindings;
