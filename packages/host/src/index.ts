export type { Address, Word } from './types.js';
export { Revision, LATEST_REVISION, REVISION_NAMES, parseRevision, revisionName } from './revision.js';
export type { Status } from './status.js';
export { keepsGas } from './status.js';
export type { CallKind, Message, Result, Log } from './message.js';
export type { TxContext } from './context.js';
export { emptyTxContext } from './context.js';
export type { Host } from './host.js';
