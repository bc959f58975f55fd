export { chargeAccountAccess, chargeDelegationAccess, chargeSlotAccess } from './access.js';
export { add, byte, clz, exp, sar, sdiv, signExtend, slt, smod, sub } from './arithmetic.js';
export { applyChildResult, prepareCall, prepareCreate } from './calls.js';
export { copyIntoMemory, mcopy, returnDataCopy } from './copies.js';
export { isEipActive } from './eips.js';
export { blobHash, blockHash, callDataLoad, keccakOfMemory, memoryOutput, offsetOf } from './environment.js';
export { chargeGas, drawReserve, tryChargeGas } from './gas-charges.js';
export { chargeMemory, chargeMemoryEnd, copyToMemory, tryExpandMemory } from './memory.js';
export { log, selfDestruct, sstore } from './state.js';
