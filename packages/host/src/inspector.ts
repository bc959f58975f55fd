import type { Log, Message, Result } from './message.js';
import type { Status } from './status.js';
import type { Address } from './types.js';

/** One executed instruction, as an inspector's `step` sees it. */
export interface StepEvent {
  readonly pc: number;
  /** The opcode byte. */
  readonly opcode: number;
  /** Its name (a custom opcode's own name; `0x0c` for a byte no table defines). */
  readonly opName: string;
  /** Gas left before the instruction. */
  readonly gas: bigint;
  /**
   * Gas the instruction took: static and dynamic, including what it handed
   * to a child frame (as geth reports a CALL). For an instruction that failed
   * exceptionally, its static cost.
   */
  readonly gasCost: bigint;
  /** The operand stack before the instruction, bottom first (a copy). */
  readonly stack: readonly bigint[];
  /** Memory size in bytes before the instruction. */
  readonly memorySize: number;
  /** The frame's call depth (0 for the top-level frame). */
  readonly depth: number;
  /**
   * This frame's refund counter before the instruction (it may be negative,
   * EIP-2200); for SSTORE, after it: geth settles SSTORE's refund with its
   * gas, before it records the step, and tracers print what geth prints.
   */
  readonly refund: number;
  /** The status the instruction ended the frame with, when it is not success; undefined otherwise. */
  readonly error: Status | undefined;
}

/**
 * Hooks an EVM calls while it runs, when one is attached
 * (`createEvm({ inspector })`). Every hook is optional. Without an inspector
 * the EVM runs its plain engines, which contain no hook and no check for one;
 * with one, frames run in a stepping interpreter that calls `step` after each
 * instruction, and the frame loop calls the frame hooks.
 *
 * Order: `call`/`create` when a frame is requested (before its first step,
 * and also for precompiles, accounts without code and frames that fail before
 * they start), then the frame's steps (a CALL's own step comes before the
 * child's `call`), then `callEnd`/`createEnd` with the result its caller gets.
 */
export interface Inspector {
  /** After each instruction (or its failure), before any frame it started runs. */
  step?(event: StepEvent): void;
  /** A CALL, CALLCODE, DELEGATECALL or STATICCALL frame (or the top-level call) is about to run. */
  call?(message: Message): void;
  callEnd?(result: Result, message: Message): void;
  /** A CREATE or CREATE2 frame is about to run (`message.input` is the init code). */
  create?(message: Message): void;
  /** `result.createdAddress` is set when the creation succeeded. */
  createEnd?(result: Result, message: Message): void;
  /** A LOG instruction succeeded (the log is reverted with its frame if the frame fails later). */
  log?(log: Log): void;
  /** A SELFDESTRUCT succeeded: `balance` moved from `address` to `beneficiary`. */
  selfDestruct?(address: Address, beneficiary: Address, balance: bigint): void;
}
