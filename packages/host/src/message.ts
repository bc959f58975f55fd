import type { Status } from './status.js';
import type { Address } from './types.js';

export type CallKind = 'call' | 'callcode' | 'delegatecall' | 'staticcall' | 'create' | 'create2';

/**
 * One frame's input. For CALL-like kinds, `recipient` is the account whose
 * storage and balance the code acts on and `codeAddress` is where the code
 * comes from (they differ for CALLCODE and DELEGATECALL). For CREATE kinds,
 * `input` is the init code and `recipient`/`codeAddress` are ignored: the
 * frame loop derives the new address.
 */
export interface Message {
  readonly kind: CallKind;
  /** 0 for the top-level frame; a frame may not start at a depth above 1024. */
  readonly depth: number;
  /** Gas given to the frame. Up to 2^63-1. */
  readonly gas: bigint;
  readonly sender: Address;
  readonly recipient: Address;
  /** From Prague, when its code is an EIP-7702 delegation indicator, the code it points to runs. */
  readonly codeAddress: Address;
  /** Wei transferred (CALL, CALLCODE, CREATE*), or the apparent value (DELEGATECALL). */
  readonly value: bigint;
  readonly input: Uint8Array;
  readonly isStatic: boolean;
  /** CREATE2 salt. */
  readonly salt?: bigint;
  /**
   * Code to run instead of loading it from `codeAddress`. Lets a caller run
   * bytecode that is not deployed (the CLI, benchmarks).
   */
  readonly code?: Uint8Array;
}

/** One frame's outcome. */
export interface Result {
  readonly status: Status;
  readonly gasLeft: bigint;
  /** Refund counter accumulated by this frame and its successful children (may be negative within a tx). */
  readonly gasRefund: bigint;
  readonly output: Uint8Array;
  /** The created account for a successful CREATE/CREATE2. */
  readonly createdAddress?: Address;
}

export interface Log {
  readonly address: Address;
  readonly topics: readonly bigint[];
  readonly data: Uint8Array;
}
