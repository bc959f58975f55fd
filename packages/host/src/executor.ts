import type { Host } from './host.js';
import type { Message, Result } from './message.js';
import type { Revision } from './revision.js';

/**
 * Something that runs a message and the frames it starts against a host: what
 * transaction execution needs from an EVM. `Evm` from `@tandem-evm/evm`
 * satisfies it structurally, so packages below `evm` (such as `state`) can
 * take one as a parameter without importing it.
 */
export interface MessageExecutor {
  readonly revision: Revision;
  execute(message: Message, host: Host): Result;
}
