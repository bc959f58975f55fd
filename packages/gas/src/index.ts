export { chunkCost, endsGasChunk } from './chunks.js';
export * from './dynamic.js';
export type { SstoreCost } from './sstore.js';
export { hasNetSstoreMetering, SSTORE_SENTRY_GAS, sstoreCost } from './sstore.js';
export { staticGasTable, UNDEFINED_OPCODE } from './static.js';
export * from './transaction.js';
