export type { TxContext } from './context.js';
export { emptyTxContext } from './context.js';
export type { MessageExecutor } from './executor.js';
export type { Host } from './host.js';
export type { CallKind, Log, Message, Result } from './message.js';
export { LATEST_REVISION, parseRevision, REVISION_NAMES, Revision, revisionName } from './revision.js';
export type { Status } from './status.js';
export { keepsGas } from './status.js';
export type { Address, Word } from './types.js';
