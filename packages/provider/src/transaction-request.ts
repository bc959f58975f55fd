import type { Address } from '@tandem-evm/host';
import { bytesEqual } from '@tandem-evm/primitives';
import type { AccessListEntry, TransactionType } from '@tandem-evm/state';
import { invalidParams } from './errors.js';
import { optional, readAddress, readData, readHash, readObject, readQuantity } from './params.js';

/** The transaction object of eth_call, eth_estimateGas, eth_sendTransaction and debug_traceCall: all fields optional. */
export interface TransactionRequest {
  readonly from?: Address;
  /** Absent (or null) for a contract creation. */
  readonly to?: Address;
  readonly gas?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly value?: bigint;
  readonly data?: Uint8Array;
  readonly nonce?: bigint;
  readonly accessList?: readonly AccessListEntry[];
  readonly type?: TransactionType;
  readonly chainId?: bigint;
}

const MAX_UINT64 = (1n << 64n) - 1n;

function readAccessList(value: unknown, field: string): AccessListEntry[] {
  if (!Array.isArray(value)) throw invalidParams(field, 'must be an array');
  return value.map((entry, i) => {
    const object = readObject(entry, `${field}[${i}]`);
    const keys = object.storageKeys ?? [];
    if (!Array.isArray(keys)) throw invalidParams(`${field}[${i}].storageKeys`, 'must be an array');
    return {
      address: readAddress(object.address, `${field}[${i}].address`),
      storageKeys: keys.map((key, k) => readHash(key, `${field}[${i}].storageKeys[${k}]`)),
    };
  });
}

function readType(value: unknown, field: string): TransactionType {
  const type = readQuantity(value, field);
  if (type > 4n) throw invalidParams(field, `must be a transaction type 0 to 4, got ${value}`);
  return Number(type) as TransactionType;
}

/** Reads a transaction object; `input` and `data` are both accepted (they must agree when both are given). */
export function readTransactionRequest(value: unknown, field: string): TransactionRequest {
  const object = readObject(value, field);
  const input = optional(object, 'input', field, readData);
  const data = optional(object, 'data', field, readData);
  if (input !== undefined && data !== undefined && !bytesEqual(input, data)) {
    throw invalidParams(`${field}.input`, 'and data differ');
  }
  const request: Record<string, unknown> = {
    from: optional(object, 'from', field, readAddress),
    to: optional(object, 'to', field, readAddress),
    gas: optional(object, 'gas', field, (v, f) => readQuantity(v, f, MAX_UINT64)),
    gasPrice: optional(object, 'gasPrice', field, readQuantity),
    maxFeePerGas: optional(object, 'maxFeePerGas', field, readQuantity),
    maxPriorityFeePerGas: optional(object, 'maxPriorityFeePerGas', field, readQuantity),
    value: optional(object, 'value', field, readQuantity),
    data: input ?? data,
    nonce: optional(object, 'nonce', field, (v, f) => readQuantity(v, f, MAX_UINT64)),
    accessList: optional(object, 'accessList', field, readAccessList),
    type: optional(object, 'type', field, readType),
    chainId: optional(object, 'chainId', field, readQuantity),
  };
  if (
    request.gasPrice !== undefined &&
    (request.maxFeePerGas !== undefined || request.maxPriorityFeePerGas !== undefined)
  ) {
    throw invalidParams(`${field}.gasPrice`, 'cannot be given with maxFeePerGas or maxPriorityFeePerGas');
  }
  // Absent fields are left out, as exactOptionalPropertyTypes wants.
  for (const key of Object.keys(request)) if (request[key] === undefined) delete request[key];
  return request as TransactionRequest;
}
