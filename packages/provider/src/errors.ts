import { bytesToHex, bytesToWord } from '@tandem-evm/primitives';

/** JSON-RPC 2.0 and EIP-1474 error codes the provider answers with. */
export const RpcErrorCode = {
  /** The request is not a `{ method, params }` object. */
  invalidRequest: -32600,
  /** The method does not exist. */
  methodNotFound: -32601,
  /** A parameter is missing, of the wrong type or out of range. */
  invalidParams: -32602,
  /** A bug or an exception thrown under the provider (the state is left as it was). */
  internal: -32603,
  /** The transaction cannot run: a wrong nonce, too little gas or balance, an unknown sender (EIP-1474). */
  invalidInput: -32000,
  /** What geth and anvil answer when an eth_call or eth_estimateGas reverts; `data` holds the revert data. */
  executionReverted: 3,
} as const;

/**
 * An EIP-1193 `ProviderRpcError`: `code` and `message` as JSON-RPC sends them,
 * and `data` when there is more (a revert's return data as `0x` hex).
 */
export class ProviderRpcError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
    this.data = data;
  }
}

/** A bad parameter, named as the caller wrote it (`params[0].to`). */
export function invalidParams(field: string, problem: string): ProviderRpcError {
  return new ProviderRpcError(RpcErrorCode.invalidParams, `invalid params: ${field} ${problem}`);
}

/** A transaction that cannot run; `reason` is the state package's (`NONCE_MISMATCH_TOO_LOW`, …). */
export function rejectedTransaction(reason: string): ProviderRpcError {
  return new ProviderRpcError(RpcErrorCode.invalidInput, `transaction rejected: ${reason}`);
}

/** The ABI selector of `Error(string)`, which Solidity's `revert("…")` and `require(…, "…")` return. */
const ERROR_STRING_SELECTOR = '0x08c379a0';

/** The reason string of `Error(string)` revert data, or undefined for any other data. */
export function revertReason(output: Uint8Array): string | undefined {
  if (output.length < 68 || bytesToHex(output.subarray(0, 4)) !== ERROR_STRING_SELECTOR) return undefined;
  const offset = 4n + bytesToWord(output, 4);
  if (offset + 32n > BigInt(output.length)) return undefined;
  const start = Number(offset) + 32;
  const length = bytesToWord(output, start - 32);
  if (BigInt(start) + length > BigInt(output.length)) return undefined;
  return new TextDecoder().decode(output.subarray(start, start + Number(length)));
}

/** A reverted call, as geth and anvil answer it: code 3, `execution reverted[: reason]`, the revert data. */
export function executionReverted(output: Uint8Array): ProviderRpcError {
  const reason = revertReason(output);
  const message = reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`;
  return new ProviderRpcError(RpcErrorCode.executionReverted, message, bytesToHex(output));
}
