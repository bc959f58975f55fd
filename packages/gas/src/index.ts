export { staticGasTable, UNDEFINED_OPCODE } from './static.js';
export * from './dynamic.js';
export type { SstoreCost } from './sstore.js';
export { sstoreCost, hasNetSstoreMetering, SSTORE_SENTRY_GAS } from './sstore.js';
