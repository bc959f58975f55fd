export { create2Address, createAddress } from './addresses.js';
export type { EngineName, EvmOptions } from './evm.js';
export { createEvm, Evm } from './evm.js';
