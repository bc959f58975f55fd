export type { CallFrame } from './call-tracer.js';
export type { Block, MinedTransaction, PendingTransaction } from './chain.js';
export { Chain } from './chain.js';
export { ProviderRpcError, RpcErrorCode, revertReason } from './errors.js';
export type { ProviderOptions, RequestArguments, TandemProvider } from './provider.js';
export { createProvider } from './provider.js';
export type { StructLog } from './struct-logger.js';
export { devAccountKey } from './wallet.js';
