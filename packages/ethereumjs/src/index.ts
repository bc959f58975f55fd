export type { AsyncRun, AsyncStateSource, Guesses, LoadedAccount } from './state-bridge.js';
export { BridgeHost, executeWithAsyncState, StateCache, StateMiss } from './state-bridge.js';
export type { BridgeStats, TandemEvmOptions } from './tandem-evm.js';
export { createTandemEVM, TandemEVM } from './tandem-evm.js';
