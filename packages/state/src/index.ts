export type { AccountData, AccountInit } from './account.js';
export type { Authorization } from './authorization.js';
export {
  applyAuthorizations,
  authorityOf,
  PER_AUTH_BASE_COST,
  PER_EMPTY_ACCOUNT_COST,
} from './authorization.js';
export type { ParentGas } from './base-fee.js';
export { nextBaseFee } from './base-fee.js';
export { applyBlockReward } from './block-reward.js';
export type { Receipt } from './receipt.js';
export {
  BLOOM_BYTES,
  createReceipt,
  encodeReceipt,
  logsBloom,
  receiptsRoot,
  transactionsRoot,
} from './receipt.js';
export {
  CONSOLIDATION_REQUEST_TYPE,
  DEPOSIT_CONTRACT_ADDRESS,
  DEPOSIT_EVENT_SIGNATURE_HASH,
  DEPOSIT_REQUEST_TYPE,
  InvalidBlockError,
  parseDepositRequests,
  requestsHash,
  WITHDRAWAL_REQUEST_TYPE,
} from './requests.js';
export type { RlpItem } from './rlp.js';
export { decodeRlp, encodeRlp, encodeRlpBytes, encodeRlpList } from './rlp.js';
export { addressOfPrivateKey, recoverSigner, SECP256K1_ORDER, signDigest } from './signature.js';
export type { SignedTransaction, UnsignedTransaction } from './signed-transaction.js';
export {
  decodeSignedTransaction,
  encodeSignedTransaction,
  legacyChainId,
  recoverSender,
  signingHash,
  signTransaction,
  toTransaction,
  transactionHash,
} from './signed-transaction.js';
export { EMPTY_LOGS_HASH, logsHash, stateRoot, storageRoot } from './state-root.js';
export {
  applyBeaconRoot,
  applyBlockHashHistory,
  collectConsolidationRequests,
  collectWithdrawalRequests,
  SYSTEM_ADDRESS,
  SYSTEM_CALL_GAS,
  systemCall,
} from './system-calls.js';
export {
  BEACON_ROOTS_ADDRESS,
  BEACON_ROOTS_CODE,
  CONSOLIDATION_REQUEST_ADDRESS,
  CONSOLIDATION_REQUEST_CODE,
  HISTORY_SERVE_WINDOW,
  HISTORY_STORAGE_ADDRESS,
  HISTORY_STORAGE_CODE,
  WITHDRAWAL_REQUEST_ADDRESS,
  WITHDRAWAL_REQUEST_CODE,
} from './system-contracts.js';
export type { BlobSchedule, ParentBlobGas } from './transaction/blob-fees.js';
export { blobBaseFee, blobGasUsed, blobSchedule, nextExcessBlobGas } from './transaction/blob-fees.js';
export { executeTransaction } from './transaction/execute-transaction.js';
export { maxCost } from './transaction/fees.js';
export { floorDataGas, intrinsicGas } from './transaction/intrinsic-gas.js';
export type { TransactionRules } from './transaction/rules.js';
export { defaultTransactionRules, transactionRules } from './transaction/rules.js';
export type {
  AccessListEntry,
  BlockEnv,
  ExecutedTransaction,
  RejectedTransaction,
  Transaction,
  TransactionOutcome,
  TransactionType,
} from './transaction/types.js';
export { transactionType } from './transaction/types.js';
export { TX_GAS_LIMIT_CAP, validateTransaction } from './transaction/validate.js';
export { EMPTY_TRIE_ROOT, hexPrefix, orderedTrieRoot, trieRoot } from './trie.js';
export type { Withdrawal } from './withdrawals.js';
export { applyWithdrawals, withdrawalsRoot } from './withdrawals.js';
export type { FinalizeOptions, WorldStateOptions } from './world-state.js';
export { stateTestBlockHash, WorldState } from './world-state.js';
