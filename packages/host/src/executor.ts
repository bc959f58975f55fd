import type { Host } from './host.js';
import type { Message, Result } from './message.js';
import type { Revision } from './revision.js';
import type { Address } from './types.js';

/**
 * Switches for development chains, off by default. Transaction execution
 * reads them from its executor; the EVM applies the code-size one.
 */
export interface DevOptions {
  /** A sender who cannot pay `gasLimit * maxFee + value` gets the difference before the transaction runs. */
  readonly skipBalanceCheck?: boolean;
  /** Any transaction nonce is accepted; the sender's nonce still goes up by one. */
  readonly skipNonceCheck?: boolean;
  /** No EIP-170 limit on deployed code and no EIP-3860 limit on init code (its gas stays). */
  readonly unlimitedCodeSize?: boolean;
}

/**
 * Something that runs a message and the frames it starts against a host: what
 * transaction execution needs from an EVM. `Evm` from `@tandem-evm/evm`
 * satisfies it structurally, so packages below `evm` (such as `state`) can
 * take one as a parameter without importing it.
 *
 * The optional members let an executor change transaction rules along with
 * its own; absent, the revision's rules hold.
 */
export interface MessageExecutor {
  readonly revision: Revision;
  execute(message: Message, host: Host): Result;
  /** Whether an EIP is active (an EVM may switch some on or off against its revision). */
  isEipActive?(eip: number): boolean;
  /** The precompiles the executor runs, ascending: they start warm (EIP-2929). */
  readonly precompileAddresses?: readonly Address[];
  readonly dev?: DevOptions;
}
