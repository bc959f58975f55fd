export type { EngineName, EvmOptions } from './evm.js';
export { Evm, createEvm } from './evm.js';
export { createAddress, create2Address } from './addresses.js';
