import type { Status } from '@tandem-evm/host';
import type { ExecutionContext } from './context.js';

/**
 * An instruction an EVM is given (`createEvm({ opcodes })`). Its static gas
 * is charged and its stack bounds checked before `execute` runs; `inputs` are
 * the items it pops, top of the stack first. It returns the `stackOut` items
 * it pushes, top first (reduced modulo 2^256), or a status that ends the
 * frame (`'success'` stops it like STOP; any other status but `'revert'` is
 * an exceptional halt). Dynamic gas: `chargeGas(context, cost)` from
 * `@tandem-evm/runtime`, and return `'out-of-gas'` when it fails.
 */
export interface CustomInstruction {
  readonly code: number;
  readonly name: string;
  readonly stackIn: number;
  readonly stackOut: number;
  readonly execute: (context: ExecutionContext, inputs: readonly bigint[]) => readonly bigint[] | Status;
}

/**
 * What an EVM changes in the rules of its revision, for every frame it runs
 * (`ExecutionContext.rules`; undefined when it changes nothing).
 */
export interface FrameRules {
  /** Static gas per opcode byte, -1 where the opcode is undefined: the revision's table, patched. */
  readonly gasTable: Int32Array;
  /** Custom instructions by opcode byte. */
  readonly instructions: readonly (CustomInstruction | undefined)[];
  /** EIPs switched against the revision: EIP number to on/off. */
  readonly eips: Readonly<Record<number, boolean>>;
  /** No EIP-3860 init code size limit (a dev-chain switch; the init code gas stays). */
  readonly unlimitedCodeSize: boolean;
}
