import { hexToBytes } from '@tandem-evm/primitives';
import {
  decodeRlp,
  decodeSignedTransaction,
  encodeRlp,
  encodeRlpBytes,
  encodeRlpList,
  encodeSignedTransaction,
  legacyChainId,
  type RlpItem,
  type SignedTransaction,
  signTransaction,
  type TransactionType,
  type UnsignedTransaction,
} from '@tandem-evm/state';
import { parseAccessList, parseAuthorizationList } from '@tandem-evm/statetest';
import { T8N_EXIT, T8nError } from './exit-codes.js';
import { type Json, jsonAddress, jsonArray, jsonBytes, jsonNumber, jsonObject } from './json.js';

/** One input transaction: decoded (and signed, if it came with a key), or why it could not be. */
export type T8nTransaction =
  | { readonly kind: 'ok'; readonly tx: SignedTransaction }
  | { readonly kind: 'undecodable'; readonly error: string };

function present(json: Json, key: string): boolean {
  return json[key] !== undefined && json[key] !== null;
}

/**
 * One transaction of a JSON txs input, in go-ethereum's JSON form (`gas`,
 * `input`, `to` null for a creation…). With a `secretKey` and a zero
 * signature it is signed here: EIP-155 with `chainId` unless `"protected": false`.
 */
function parseJsonTransaction(value: unknown, index: number, chainId: bigint): SignedTransaction {
  const field = `txs[${index}]`;
  const json = jsonObject(value, field);
  const number = (key: string) => jsonNumber(json[key], `${field}.${key}`);
  const optional = (key: string) => (present(json, key) ? { [key]: number(key) } : {});
  const type = Number(present(json, 'type') ? number('type') : 0n);
  if (type > 4) throw new T8nError(T8N_EXIT.json, `${field}.type: unknown transaction type ${type}`);
  const data = json.input ?? json.data ?? '0x';
  const typedChainId = present(json, 'chainId') ? number('chainId') : chainId;
  const unsigned: UnsignedTransaction = {
    type: type as TransactionType,
    nonce: number('nonce'),
    gasLimit: number('gas'),
    to: present(json, 'to') ? jsonAddress(json.to, `${field}.to`) : null,
    value: present(json, 'value') ? number('value') : 0n,
    data: jsonBytes(data, `${field}.input`),
    ...(type === 0 || type === 1 ? optional('gasPrice') : {}),
    ...(type >= 2 ? { ...optional('maxPriorityFeePerGas'), ...optional('maxFeePerGas') } : {}),
    ...(type >= 1 ? { accessList: parseAccessList(json.accessList ?? [], `${field}.accessList`) } : {}),
    ...(type === 3
      ? {
          ...optional('maxFeePerBlobGas'),
          blobVersionedHashes: jsonArray(json.blobVersionedHashes ?? [], `${field}.blobVersionedHashes`).map(
            (hash, i) => jsonNumber(hash, `${field}.blobVersionedHashes[${i}]`),
          ),
        }
      : {}),
    ...(type === 4
      ? {
          authorizationList: parseAuthorizationList(
            json.authorizationList ?? [],
            `${field}.authorizationList`,
          ),
        }
      : {}),
  };
  const v = present(json, 'v') ? number('v') : present(json, 'yParity') ? number('yParity') : 0n;
  const r = present(json, 'r') ? number('r') : 0n;
  const s = present(json, 's') ? number('s') : 0n;
  const isUnsigned = v === 0n && r === 0n && s === 0n;
  if (present(json, 'secretKey') && isUnsigned) {
    const key = jsonBytes(json.secretKey, `${field}.secretKey`);
    const isProtected = json.protected !== false;
    const withChain =
      type !== 0 ? { ...unsigned, chainId: typedChainId } : isProtected ? { ...unsigned, chainId } : unsigned;
    return signTransaction(withChain, key);
  }
  if (type !== 0) return { ...unsigned, chainId: typedChainId, v, r, s };
  const legacyChain = legacyChainId(v);
  return { ...unsigned, ...(legacyChain !== undefined ? { chainId: legacyChain } : {}), v, r, s };
}

/**
 * The transactions of a JSON txs input (an array in go-ethereum's form).
 * @throws T8nError (exit 10) naming the field that is malformed.
 */
export function parseJsonTransactions(value: unknown, chainId: bigint): T8nTransaction[] {
  return jsonArray(value ?? [], 'txs').map((item, index) => {
    try {
      const tx = parseJsonTransaction(item, index, chainId);
      encodeSignedTransaction(tx); // throws for a fee field the type needs and the JSON lacks
      return { kind: 'ok', tx };
    } catch (error) {
      if (error instanceof T8nError) throw error;
      throw new T8nError(T8N_EXIT.json, `txs[${index}]: ${(error as Error).message}`);
    }
  });
}

/**
 * The transactions of an RLP input: the hex of a block body's transaction list,
 * where a legacy transaction is a list and a typed one a byte string. One that
 * does not decode is kept as undecodable, to be rejected, as geth does.
 * @throws T8nError (exit 12) when the whole is not an RLP list.
 */
export function parseRlpTransactions(hex: string): T8nTransaction[] {
  let list: RlpItem;
  try {
    list = decodeRlp(hexToBytes(hex, 'txs'));
  } catch (error) {
    throw new T8nError(T8N_EXIT.rlp, `txs: ${(error as Error).message}`);
  }
  if (list instanceof Uint8Array)
    throw new T8nError(T8N_EXIT.rlp, 'txs: the RLP must be a list of transactions');
  return list.map((item) => {
    try {
      const bytes = item instanceof Uint8Array ? item : encodeRlp(item);
      return { kind: 'ok', tx: decodeSignedTransaction(bytes) };
    } catch (error) {
      return { kind: 'undecodable', error: (error as Error).message };
    }
  });
}

/** The block body's transaction list: each encoding, a typed one wrapped as a byte string. */
export function encodeBody(txs: readonly SignedTransaction[]): Uint8Array {
  return encodeRlpList(
    txs.map((tx) => {
      const encoded = encodeSignedTransaction(tx);
      return tx.type === 0 ? encoded : encodeRlpBytes(encoded);
    }),
  );
}
