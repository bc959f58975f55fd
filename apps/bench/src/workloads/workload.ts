/** What the bench runs: messages against a pre-state, and code set-up. */

export type Group = 'main' | 'micro' | 'legacy' | 'call' | 'compile';

export const GROUPS: readonly Group[] = ['main', 'micro', 'legacy', 'call', 'compile'];

export interface AccountInit {
  readonly address: bigint;
  readonly code?: Uint8Array;
  readonly nonce?: bigint;
  readonly balance?: bigint;
  readonly storage?: ReadonlyMap<bigint, bigint>;
}

/** An engine's answer to a message, in one shape for every engine. */
export interface CallOutcome {
  /** `'success'`, `'revert'`, or another failure status. */
  readonly status: string;
  readonly gasUsed: bigint;
  readonly gasRefund: bigint;
  readonly output: Uint8Array;
}

/**
 * One top-level CALL from `caller` to `to`, run from the same pre-state with
 * fresh warm/cold sets every time (caller, callee and precompiles warm, as in
 * a transaction), no intrinsic gas. Verified against `expected` before it is
 * timed.
 */
export interface CallWorkload {
  readonly kind: 'call';
  readonly name: string;
  readonly group: Group;
  readonly accounts: readonly AccountInit[];
  readonly caller: bigint;
  readonly to: bigint;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly expected: CallOutcome;
}

/**
 * Engine set-up of one code: what an engine does before it can run code it
 * has not seen (the interpreter: jump-destination analysis and padding).
 * Verified by the jump destinations the engine found.
 */
export interface SetupWorkload {
  readonly kind: 'setup';
  readonly name: string;
  readonly group: 'compile';
  readonly code: Uint8Array;
  /** Valid jump destinations, one byte per code byte (1 = valid). */
  readonly expectedJumpdests: Uint8Array;
}

export type Workload = CallWorkload | SetupWorkload;
