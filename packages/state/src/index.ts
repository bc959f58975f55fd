export type { AccountData, AccountInit } from './account.js';
export type { RlpItem } from './rlp.js';
export { decodeRlp, encodeRlp, encodeRlpBytes, encodeRlpList } from './rlp.js';
export { EMPTY_LOGS_HASH, logsHash, stateRoot, storageRoot } from './state-root.js';
export { EMPTY_TRIE_ROOT, hexPrefix, trieRoot } from './trie.js';
export type { FinalizeOptions, WorldStateOptions } from './world-state.js';
export { stateTestBlockHash, WorldState } from './world-state.js';
