import type { Address } from '@tandem-evm/host';
import {
  addressToBytes,
  bigintToMinimalBytes,
  bytesToWord,
  concatBytes,
  keccak256,
  keccak256Word,
  wordToBytes,
} from '@tandem-evm/primitives';
import type { Authorization } from './authorization.js';
import { decodeRlp, encodeRlp, type RlpItem } from './rlp.js';
import { recoverSigner, SECP256K1_ORDER, signDigest } from './signature.js';
import type { AccessListEntry, Transaction, TransactionType } from './transaction/types.js';

// Transactions as they travel and as blocks commit to them (EIP-2718 envelopes):
// type 0 is a bare RLP list (legacy, with EIP-155's chain id folded into v), types
// 1–4 are `type ‖ rlp(fields)`. Type 3 is the canonical form a block holds, without
// the blob sidecar of the network form.

/** A transaction with everything it carries but its signature. */
export interface UnsignedTransaction {
  readonly type: TransactionType;
  /** Every typed transaction has one; a legacy one only when EIP-155 protects it. */
  readonly chainId?: bigint;
  readonly nonce: bigint;
  /** Types 0 and 1. */
  readonly gasPrice?: bigint;
  /** Types 2, 3 and 4. */
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly gasLimit: bigint;
  /** `null` for a contract creation (not allowed for types 3 and 4). */
  readonly to: Address | null;
  readonly value: bigint;
  readonly data: Uint8Array;
  /** Types 1–4. */
  readonly accessList?: readonly AccessListEntry[];
  /** Type 3. */
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly bigint[];
  /** Type 4. */
  readonly authorizationList?: readonly Authorization[];
}

/** A transaction and its signature. */
export interface SignedTransaction extends UnsignedTransaction {
  /** Legacy: 27/28, or `chainId * 2 + 35/36` with EIP-155. Typed: the y parity, 0 or 1. */
  readonly v: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;
const LEGACY_V_OFFSET = 27n;
const EIP155_V_OFFSET = 35n;

const int = (value: bigint): Uint8Array => bigintToMinimalBytes(value);

function encodeAccessList(list: readonly AccessListEntry[] = []): RlpItem {
  return list.map((entry) => [addressToBytes(entry.address), entry.storageKeys.map(wordToBytes)]);
}

function encodeAuthorizationList(list: readonly Authorization[] = []): RlpItem {
  return list.map((a) => [
    int(a.chainId),
    addressToBytes(a.address),
    int(a.nonce),
    int(a.yParity),
    int(a.r),
    int(a.s),
  ]);
}

function required(value: bigint | undefined, type: TransactionType, field: string): bigint {
  if (value === undefined) throw new TypeError(`a type ${type} transaction needs ${field}`);
  return value;
}

/** The fields of a typed transaction before its signature, in the order its EIP lists them. */
function typedFields(tx: UnsignedTransaction): RlpItem[] {
  const { type } = tx;
  const to = tx.to === null ? new Uint8Array(0) : addressToBytes(tx.to);
  const chainId = int(required(tx.chainId, type, 'chainId'));
  const nonce = int(tx.nonce);
  const rest = [int(tx.gasLimit), to, int(tx.value), tx.data, encodeAccessList(tx.accessList)];
  if (type === 1) return [chainId, nonce, int(required(tx.gasPrice, type, 'gasPrice')), ...rest];
  const fees = [
    int(required(tx.maxPriorityFeePerGas, type, 'maxPriorityFeePerGas')),
    int(required(tx.maxFeePerGas, type, 'maxFeePerGas')),
  ];
  if (type === 2) return [chainId, nonce, ...fees, ...rest];
  if (type === 3) {
    const blobFee = int(required(tx.maxFeePerBlobGas, type, 'maxFeePerBlobGas'));
    return [chainId, nonce, ...fees, ...rest, blobFee, (tx.blobVersionedHashes ?? []).map(wordToBytes)];
  }
  return [chainId, nonce, ...fees, ...rest, encodeAuthorizationList(tx.authorizationList)];
}

function legacyFields(tx: UnsignedTransaction): RlpItem[] {
  const to = tx.to === null ? new Uint8Array(0) : addressToBytes(tx.to);
  const gasPrice = int(required(tx.gasPrice, 0, 'gasPrice'));
  return [int(tx.nonce), gasPrice, int(tx.gasLimit), to, int(tx.value), tx.data];
}

/** The bytes of a transaction as blocks hold them: an RLP list (type 0) or `type ‖ rlp(fields)`. */
export function encodeSignedTransaction(tx: SignedTransaction): Uint8Array {
  const signature = [int(tx.v), int(tx.r), int(tx.s)];
  if (tx.type === 0) return encodeRlp([...legacyFields(tx), ...signature]);
  return concatBytes(Uint8Array.of(tx.type), encodeRlp([...typedFields(tx), ...signature]));
}

/** keccak-256 of the encoded transaction: its hash, as receipts and blocks name it. */
export function transactionHash(tx: SignedTransaction): bigint {
  return keccak256Word(encodeSignedTransaction(tx));
}

/**
 * The digest the sender signs: for a legacy transaction the RLP of its six
 * fields, plus `chainId, 0, 0` with EIP-155; for a typed one `type ‖ rlp(fields)`.
 */
export function signingHash(tx: UnsignedTransaction): Uint8Array {
  if (tx.type === 0) {
    const replayProtection = tx.chainId === undefined ? [] : [int(tx.chainId), int(0n), int(0n)];
    return keccak256(encodeRlp([...legacyFields(tx), ...replayProtection]));
  }
  return keccak256(concatBytes(Uint8Array.of(tx.type), encodeRlp(typedFields(tx))));
}

/** The recovery bit of the signature: v itself for a typed transaction, derived from v for a legacy one. */
function yParityOf(tx: SignedTransaction): number {
  if (tx.type !== 0) {
    if (tx.v > 1n) throw new RangeError(`signature: y parity must be 0 or 1, got ${tx.v}`);
    return Number(tx.v);
  }
  const offset = tx.chainId === undefined ? LEGACY_V_OFFSET : tx.chainId * 2n + EIP155_V_OFFSET;
  const parity = tx.v - offset;
  if (parity !== 0n && parity !== 1n) {
    throw new RangeError(`signature: v ${tx.v} does not fit chain id ${tx.chainId ?? '(none)'}`);
  }
  return Number(parity);
}

/**
 * The sender: the address whose key signed `signingHash(tx)`.
 * @throws RangeError for a signature no sender can have made (s above half the
 *   order, EIP-2; r or s zero or too large; a v that fits neither 27/28 nor the chain id).
 */
export function recoverSender(tx: SignedTransaction): Address {
  const { r, s } = tx;
  if (r === 0n || r >= SECP256K1_ORDER) throw new RangeError('signature: r is out of range');
  if (s === 0n || s > SECP256K1_ORDER / 2n)
    throw new RangeError('signature: s is out of range (EIP-2 wants low s)');
  const sender = recoverSigner(signingHash(tx), yParityOf(tx), r, s);
  if (sender === undefined) throw new RangeError('signature: no public key recovers from it');
  return sender;
}

/** Signs `tx` with a 32-byte private key (deterministic, low s); a legacy transaction with a chain id gets EIP-155's v. */
export function signTransaction(tx: UnsignedTransaction, privateKey: Uint8Array): SignedTransaction {
  const { yParity, r, s } = signDigest(signingHash(tx), privateKey);
  const parity = BigInt(yParity);
  let v = parity;
  if (tx.type === 0)
    v = tx.chainId === undefined ? LEGACY_V_OFFSET + parity : tx.chainId * 2n + EIP155_V_OFFSET + parity;
  return { ...tx, v, r, s };
}

/** The transaction `executeTransaction` runs, from the signed one and its sender (recovered when not given). */
export function toTransaction(tx: SignedTransaction, sender: Address = recoverSender(tx)): Transaction {
  const { chainId: _chainId, v: _v, r: _r, s: _s, ...fields } = tx;
  // Every typed transaction has an access list, if only an empty one.
  return { ...fields, sender, ...(tx.type === 0 ? {} : { accessList: tx.accessList ?? [] }) };
}

// --- decoding

/** Reads RLP items by field name, so an error says which field is wrong. */
class FieldReader {
  #next = 0;
  constructor(
    readonly items: readonly RlpItem[],
    readonly what: string,
  ) {}

  bytes(field: string): Uint8Array {
    const item = this.items[this.#next++];
    if (!(item instanceof Uint8Array)) throw new TypeError(`${this.what}: ${field} must be a byte string`);
    return item;
  }

  list(field: string): readonly RlpItem[] {
    const item = this.items[this.#next++];
    if (item === undefined || item instanceof Uint8Array)
      throw new TypeError(`${this.what}: ${field} must be a list`);
    return item;
  }

  /** A big-endian integer without leading zeros, at most `max`. */
  uint(field: string, max = MAX_UINT256): bigint {
    return decodeUint(this.bytes(field), max, `${this.what}: ${field}`);
  }

  address(field: string): Address {
    const bytes = this.bytes(field);
    if (bytes.length !== 20)
      throw new RangeError(`${this.what}: ${field} must be 20 bytes, got ${bytes.length}`);
    return bytesToWord(bytes, 0, 20);
  }

  /** The callee: 20 bytes, or empty for a creation. */
  to(): Address | null {
    const bytes = this.items[this.#next];
    if (bytes instanceof Uint8Array && bytes.length === 0) {
      this.#next++;
      return null;
    }
    return this.address('to');
  }

  accessList(): AccessListEntry[] {
    return this.list('accessList').map((entry, i) => {
      const where = `accessList[${i}]`;
      if (entry instanceof Uint8Array || entry.length !== 2) {
        throw new TypeError(`${this.what}: ${where} must be a list [address, storageKeys]`);
      }
      const reader = new FieldReader(entry, this.what);
      const address = reader.address(`${where}.address`);
      const storageKeys = reader.list(`${where}.storageKeys`).map((key, k) => {
        if (!(key instanceof Uint8Array) || key.length !== 32) {
          throw new RangeError(`${this.what}: ${where}.storageKeys[${k}] must be 32 bytes`);
        }
        return bytesToWord(key);
      });
      return { address, storageKeys };
    });
  }

  authorizationList(): Authorization[] {
    return this.list('authorizationList').map((tuple, i) => {
      const where = `authorizationList[${i}]`;
      if (tuple instanceof Uint8Array || tuple.length !== 6) {
        throw new TypeError(`${this.what}: ${where} must be a list of 6 fields`);
      }
      const reader = new FieldReader(tuple, this.what);
      return {
        chainId: reader.uint(`${where}.chainId`),
        address: reader.address(`${where}.address`),
        nonce: reader.uint(`${where}.nonce`, MAX_UINT64),
        yParity: reader.uint(`${where}.yParity`, 0xffn),
        r: reader.uint(`${where}.r`),
        s: reader.uint(`${where}.s`),
      };
    });
  }
}

function decodeUint(bytes: Uint8Array, max: bigint, field: string): bigint {
  if (bytes.length > 0 && bytes[0] === 0)
    throw new RangeError(`${field} has leading zero bytes (non-canonical integer)`);
  const value = bytes.length === 0 ? 0n : bytesToWord(bytes, 0, bytes.length);
  if (value > max) throw new RangeError(`${field} is too large: ${value}`);
  return value;
}

/** Field counts of each type's RLP list, signature included. */
const FIELD_COUNTS: Readonly<Record<TransactionType, number>> = { 0: 9, 1: 11, 2: 12, 3: 14, 4: 13 };

function fieldList(bytes: Uint8Array, type: TransactionType): readonly RlpItem[] {
  const item = decodeRlp(bytes);
  const what = `type ${type} transaction`;
  if (item instanceof Uint8Array) throw new TypeError(`${what}: must be an RLP list`);
  if (type === 3 && item[0] !== undefined && !(item[0] instanceof Uint8Array)) {
    throw new TypeError(
      `${what}: the network form with blobs is not a block's transaction; give the canonical form`,
    );
  }
  if (item.length !== FIELD_COUNTS[type]) {
    throw new TypeError(`${what}: must have ${FIELD_COUNTS[type]} fields, got ${item.length}`);
  }
  return item;
}

/**
 * Decodes a transaction from its encoding (what `encodeSignedTransaction`
 * gives). The legacy chain id comes from v (EIP-155: v ≥ 35).
 * @throws TypeError for a wrong shape or an unknown type, RangeError for a
 *   field out of range or not canonical; the message names the field.
 */
export function decodeSignedTransaction(bytes: Uint8Array): SignedTransaction {
  if (bytes.length === 0) throw new TypeError('transaction: no bytes');
  const first = bytes[0]!;
  if (first >= 0xc0) return decodeLegacy(bytes);
  if (first < 1 || first > 4) throw new TypeError(`transaction: unknown type 0x${first.toString(16)}`);
  const type = first as TransactionType;
  const reader = new FieldReader(fieldList(bytes.subarray(1), type), `type ${type} transaction`);
  const chainId = reader.uint('chainId');
  const nonce = reader.uint('nonce', MAX_UINT64);
  const fees =
    type === 1
      ? { gasPrice: reader.uint('gasPrice') }
      : {
          maxPriorityFeePerGas: reader.uint('maxPriorityFeePerGas'),
          maxFeePerGas: reader.uint('maxFeePerGas'),
        };
  const gasLimit = reader.uint('gasLimit', MAX_UINT64);
  // EIP-4844 and EIP-7702 transactions cannot create: their callee is an address, never empty.
  const to = type >= 3 ? reader.address('to') : reader.to();
  const value = reader.uint('value');
  const data = reader.bytes('data');
  const accessList = reader.accessList();
  const extra =
    type === 3
      ? {
          maxFeePerBlobGas: reader.uint('maxFeePerBlobGas'),
          blobVersionedHashes: reader.list('blobVersionedHashes').map((hash, i) => {
            if (!(hash instanceof Uint8Array) || hash.length !== 32) {
              throw new RangeError(`type 3 transaction: blobVersionedHashes[${i}] must be 32 bytes`);
            }
            return bytesToWord(hash);
          }),
        }
      : type === 4
        ? { authorizationList: reader.authorizationList() }
        : {};
  const v = reader.uint('yParity');
  const r = reader.uint('r');
  const s = reader.uint('s');
  return { type, chainId, nonce, ...fees, gasLimit, to, value, data, accessList, ...extra, v, r, s };
}

/** The chain id a legacy transaction's v carries: `(v − 35) / 2` with EIP-155, none for 27/28. */
export function legacyChainId(v: bigint): bigint | undefined {
  return v >= EIP155_V_OFFSET ? (v - EIP155_V_OFFSET) / 2n : undefined;
}

function decodeLegacy(bytes: Uint8Array): SignedTransaction {
  const reader = new FieldReader(fieldList(bytes, 0), 'legacy transaction');
  const nonce = reader.uint('nonce', MAX_UINT64);
  const gasPrice = reader.uint('gasPrice');
  const gasLimit = reader.uint('gasLimit', MAX_UINT64);
  const to = reader.to();
  const value = reader.uint('value');
  const data = reader.bytes('data');
  const v = reader.uint('v');
  const r = reader.uint('r');
  const s = reader.uint('s');
  const chainId = legacyChainId(v);
  return {
    type: 0,
    ...(chainId !== undefined ? { chainId } : {}),
    nonce,
    gasPrice,
    gasLimit,
    to,
    value,
    data,
    v,
    r,
    s,
  };
}
