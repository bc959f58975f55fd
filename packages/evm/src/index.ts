export { create2Address, createAddress } from './addresses.js';
export type {
  CustomPrecompile,
  OpcodeOption,
  PrecompileCall,
  PrecompileOption,
  PrecompileOutcome,
} from './customisation.js';
export { type Eip3155Summary, Eip3155Tracer } from './eip3155.js';
export { SWITCHABLE_EIPS, type SwitchableEip } from './eips.js';
export type { EngineName, EvmOptions } from './evm.js';
export { createEvm, Evm } from './evm.js';
