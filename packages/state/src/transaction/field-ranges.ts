import type { Transaction } from './types.js';

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_ADDRESS = (1n << 160n) - 1n;

/** Values a signed transaction cannot encode (ethereum/tests: `RLP_INVALID_VALUE` and the like). */
export function fieldRangeError(tx: Transaction): string | undefined {
  const uint256Fields: [string, bigint | undefined][] = [
    ['value', tx.value],
    ['gasPrice', tx.gasPrice],
    ['maxFeePerGas', tx.maxFeePerGas],
    ['maxPriorityFeePerGas', tx.maxPriorityFeePerGas],
    ['maxFeePerBlobGas', tx.maxFeePerBlobGas],
  ];
  for (const [field, value] of uint256Fields) {
    if (value !== undefined && (value < 0n || value > MAX_UINT256)) return `RLP_INVALID_VALUE: ${field}`;
  }
  if (tx.nonce < 0n || tx.nonce > MAX_UINT64) return 'RLP_INVALID_VALUE: nonce';
  if (tx.gasLimit < 0n || tx.gasLimit > MAX_UINT64) return 'RLP_INVALID_VALUE: gasLimit';
  if (tx.sender < 0n || tx.sender > MAX_ADDRESS) return 'RLP_INVALID_VALUE: sender';
  if (tx.to !== null && (tx.to < 0n || tx.to > MAX_ADDRESS)) return 'RLP_INVALID_VALUE: to';
  // EIP-7702's bounds on an authorization tuple's fields.
  for (const { chainId, address, nonce, yParity, r, s } of tx.authorizationList ?? []) {
    if (chainId < 0n || chainId > MAX_UINT256) return 'RLP_INVALID_VALUE: authorization chainId';
    if (nonce < 0n || nonce > MAX_UINT64) return 'RLP_INVALID_VALUE: authorization nonce';
    if (address < 0n || address > MAX_ADDRESS) return 'RLP_INVALID_VALUE: authorization address';
    if (yParity < 0n || yParity > 0xffn) return 'RLP_INVALID_VALUE: authorization yParity';
    if (r < 0n || r > MAX_UINT256 || s < 0n || s > MAX_UINT256)
      return 'RLP_INVALID_VALUE: authorization signature';
  }
  return undefined;
}

/** The largest nonce: an account there cannot send (EIP-2681). */
export const MAX_NONCE = MAX_UINT64;
