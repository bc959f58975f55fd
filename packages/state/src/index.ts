export type { AccountData, AccountInit } from './account.js';
export type { RlpItem } from './rlp.js';
export { decodeRlp, encodeRlp, encodeRlpBytes, encodeRlpList } from './rlp.js';
export { EMPTY_LOGS_HASH, logsHash, stateRoot, storageRoot } from './state-root.js';
export type {
  AccessListEntry,
  BlockEnv,
  ExecutedTransaction,
  RejectedTransaction,
  Transaction,
  TransactionOutcome,
  TransactionType,
} from './transaction.js';
export {
  applyBlockReward,
  blobBaseFee,
  blobGasUsed,
  executeTransaction,
  intrinsicGas,
  transactionType,
  validateTransaction,
} from './transaction.js';
export { EMPTY_TRIE_ROOT, hexPrefix, trieRoot } from './trie.js';
export type { FinalizeOptions, WorldStateOptions } from './world-state.js';
export { stateTestBlockHash, WorldState } from './world-state.js';
