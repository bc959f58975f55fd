import type { Address } from '@tandem-evm/host';
import { hexToBytes, parseAddress } from '@tandem-evm/primitives';
import {
  type AccessListEntry,
  type AccountInit,
  type Authorization,
  addressOfPrivateKey,
  type BlockEnv,
  type Transaction,
} from '@tandem-evm/state';

/** Which element of the multi-transaction's `data`, `gasLimit` and `value` arrays a case uses. */
export interface CaseIndexes {
  readonly data: number;
  readonly gas: number;
  readonly value: number;
}

/** One element of `post[fork]`: one case. */
export interface PostEntry {
  readonly indexes: CaseIndexes;
  /** Expected state root. */
  readonly hash: bigint;
  /** Expected keccak256(rlp(logs)). */
  readonly logs: bigint;
  /** Present when the transaction must be rejected (`TransactionException.…` names joined by `|`). */
  readonly expectException?: string;
}

/**
 * The `transaction` object of a fixture: one transaction per combination of
 * `data`, `gasLimit` and `value` (retesteth's multi-transaction). Numbers that
 * do not fit their field (a value above 2^256) are kept as parsed, so that the
 * transaction is rejected rather than the file.
 */
export interface MultiTransaction {
  readonly sender: Address;
  /** `null` for a contract creation (`"to": ""`). */
  readonly to: Address | null;
  readonly nonce: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly bigint[];
  readonly data: readonly Uint8Array[];
  readonly gasLimit: readonly bigint[];
  readonly value: readonly bigint[];
  /** Parallel to `data`; `null` where that data has no access list. */
  readonly accessLists?: readonly (readonly AccessListEntry[] | null)[];
  /** EIP-7702 (type 4): the same for every case. */
  readonly authorizationList?: readonly Authorization[];
}

/** One test of a fixture file (ethereum/tests hold one per file; EEST files hold many). */
export interface StateTest {
  readonly name: string;
  readonly env: BlockEnv;
  readonly pre: ReadonlyMap<Address, AccountInit>;
  readonly transaction: MultiTransaction;
  /** Cases by fork name (`Cancun`, `Shanghai`, …). */
  readonly post: Readonly<Record<string, readonly PostEntry[]>>;
}

type Json = Record<string, unknown>;

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${field} must be an object`);
  }
  return value as Json;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${field} must be an array`);
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
  return value;
}

/**
 * A fixture number: `0x` hex (`0x` alone is zero), decimal, or retesteth's
 * `0x:bigint 0x…` form for values wider than their field.
 */
export function parseFixtureNumber(value: unknown, field: string): bigint {
  let text = string(value, field);
  if (text.startsWith('0x:bigint ')) text = text.slice('0x:bigint '.length);
  if (text === '0x' || text === '') return 0n;
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) {
    throw new TypeError(`${field} must be a hex or decimal number, got ${JSON.stringify(text)}`);
  }
  return BigInt(text);
}

function parseBytes(value: unknown, field: string): Uint8Array {
  return hexToBytes(string(value, field), field);
}

/** An EIP-2930 access list: `[{ address, storageKeys }]`. */
export function parseAccessList(value: unknown, field: string): AccessListEntry[] {
  return array(value, field).map((item, i) => {
    const entry = object(item, `${field}[${i}]`);
    return {
      address: parseAddress(string(entry.address, `${field}[${i}].address`), `${field}[${i}].address`),
      storageKeys: array(entry.storageKeys, `${field}[${i}].storageKeys`).map((key, k) =>
        parseFixtureNumber(key, `${field}[${i}].storageKeys[${k}]`),
      ),
    };
  });
}

/**
 * An EIP-7702 authorization list. Each tuple's `v` is its y parity; its
 * `signer` field is ignored: the runner recovers the authority itself, as a
 * client must (an invalid signature has no signer).
 */
export function parseAuthorizationList(value: unknown, field: string): Authorization[] {
  return array(value, field).map((item, i) => {
    const where = `${field}[${i}]`;
    const tuple = object(item, where);
    const number = (key: string) => parseFixtureNumber(tuple[key], `${where}.${key}`);
    return {
      chainId: number('chainId'),
      address: parseAddress(string(tuple.address, `${where}.address`), `${where}.address`),
      nonce: number('nonce'),
      yParity: number(tuple.yParity !== undefined ? 'yParity' : 'v'),
      r: number('r'),
      s: number('s'),
    };
  });
}

function optionalNumber(json: Json, key: string, field: string): bigint | undefined {
  return json[key] === undefined ? undefined : parseFixtureNumber(json[key], `${field}.${key}`);
}

/**
 * An EEST fixture's `config`: the chain id its transactions are signed for
 * (ethereum/tests have no config: mainnet's 1).
 */
function parseChainId(value: unknown, field: string): bigint | undefined {
  if (value === undefined) return undefined;
  const config = object(value, field);
  return config.chainid === undefined ? undefined : parseFixtureNumber(config.chainid, `${field}.chainid`);
}

function parseEnv(value: unknown, field: string, chainId: bigint | undefined): BlockEnv {
  const env = object(value, field);
  const number = (key: string) => parseFixtureNumber(env[key], `${field}.${key}`);
  return {
    coinbase: parseAddress(
      string(env.currentCoinbase, `${field}.currentCoinbase`),
      `${field}.currentCoinbase`,
    ),
    number: number('currentNumber'),
    timestamp: number('currentTimestamp'),
    gasLimit: number('currentGasLimit'),
    // Without currentRandom, PREVRANDAO reads the difficulty (as evmone does).
    prevRandao: env.currentRandom !== undefined ? number('currentRandom') : number('currentDifficulty'),
    baseFee: env.currentBaseFee !== undefined ? number('currentBaseFee') : 0n,
    excessBlobGas: env.currentExcessBlobGas !== undefined ? number('currentExcessBlobGas') : 0n,
    ...(chainId !== undefined ? { chainId } : {}),
  };
}

/**
 * Parses accounts by address (a fixture's `pre`, or a t8n `alloc`): nonce,
 * balance, code and storage, each optional.
 * @throws TypeError naming the field that is malformed.
 */
export function parsePre(value: unknown, field: string): Map<Address, AccountInit> {
  const pre = new Map<Address, AccountInit>();
  for (const [addressText, accountValue] of Object.entries(object(value, field))) {
    const where = `${field}[${addressText}]`;
    const account = object(accountValue, where);
    const storage = new Map<bigint, bigint>();
    for (const [key, slotValue] of Object.entries(object(account.storage ?? {}, `${where}.storage`))) {
      storage.set(
        parseFixtureNumber(key, `${where}.storage key`),
        parseFixtureNumber(slotValue, `${where}.storage[${key}]`),
      );
    }
    pre.set(parseAddress(addressText, where), {
      nonce: parseFixtureNumber(account.nonce ?? '0x', `${where}.nonce`),
      balance: parseFixtureNumber(account.balance ?? '0x', `${where}.balance`),
      code: parseBytes(account.code ?? '0x', `${where}.code`),
      storage,
    });
  }
  return pre;
}

/** The address of a secret key: keccak256(uncompressed public key without its prefix)[12:]. */
export function senderOfSecretKey(secretKey: Uint8Array): Address {
  return addressOfPrivateKey(secretKey);
}

/** `sender`, or for older fixtures without it, the address of `secretKey`. */
function parseSender(tx: Json, field: string): Address {
  if (tx.sender !== undefined) return parseAddress(string(tx.sender, `${field}.sender`), `${field}.sender`);
  if (tx.secretKey === undefined) throw new TypeError(`${field} needs a sender or a secretKey`);
  return senderOfSecretKey(parseBytes(tx.secretKey, `${field}.secretKey`));
}

function parseMultiTransaction(value: unknown, field: string): MultiTransaction {
  const tx = object(value, field);
  const to = string(tx.to ?? '', `${field}.to`);
  const optional = (key: string) => optionalNumber(tx, key, field);
  const gasPrice = optional('gasPrice');
  const maxFeePerGas = optional('maxFeePerGas');
  const maxPriorityFeePerGas = optional('maxPriorityFeePerGas');
  const maxFeePerBlobGas = optional('maxFeePerBlobGas');
  return {
    sender: parseSender(tx, field),
    to: to === '' ? null : parseAddress(to, `${field}.to`),
    nonce: parseFixtureNumber(tx.nonce, `${field}.nonce`),
    ...(gasPrice !== undefined ? { gasPrice } : {}),
    ...(maxFeePerGas !== undefined ? { maxFeePerGas } : {}),
    ...(maxPriorityFeePerGas !== undefined ? { maxPriorityFeePerGas } : {}),
    ...(maxFeePerBlobGas !== undefined ? { maxFeePerBlobGas } : {}),
    ...(tx.blobVersionedHashes !== undefined
      ? {
          blobVersionedHashes: array(tx.blobVersionedHashes, `${field}.blobVersionedHashes`).map((hash, i) =>
            parseFixtureNumber(hash, `${field}.blobVersionedHashes[${i}]`),
          ),
        }
      : {}),
    data: array(tx.data, `${field}.data`).map((data, i) => parseBytes(data, `${field}.data[${i}]`)),
    gasLimit: array(tx.gasLimit, `${field}.gasLimit`).map((gas, i) =>
      parseFixtureNumber(gas, `${field}.gasLimit[${i}]`),
    ),
    value: array(tx.value, `${field}.value`).map((v, i) => parseFixtureNumber(v, `${field}.value[${i}]`)),
    ...(tx.accessLists !== undefined
      ? {
          accessLists: array(tx.accessLists, `${field}.accessLists`).map((list, i) =>
            list === null ? null : parseAccessList(list, `${field}.accessLists[${i}]`),
          ),
        }
      : {}),
    ...(tx.authorizationList !== undefined
      ? { authorizationList: parseAuthorizationList(tx.authorizationList, `${field}.authorizationList`) }
      : {}),
  };
}

function parseIndex(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${field} must be a non-negative integer`);
  }
  return value;
}

function parsePost(value: unknown, field: string): Record<string, PostEntry[]> {
  const post: Record<string, PostEntry[]> = {};
  for (const [fork, entries] of Object.entries(object(value, field))) {
    post[fork] = array(entries, `${field}.${fork}`).map((item, i) => {
      const where = `${field}.${fork}[${i}]`;
      const entry = object(item, where);
      const indexes = object(entry.indexes, `${where}.indexes`);
      const expectException = entry.expectException;
      return {
        indexes: {
          data: parseIndex(indexes.data, `${where}.indexes.data`),
          gas: parseIndex(indexes.gas, `${where}.indexes.gas`),
          value: parseIndex(indexes.value, `${where}.indexes.value`),
        },
        hash: parseFixtureNumber(entry.hash, `${where}.hash`),
        logs: parseFixtureNumber(entry.logs, `${where}.logs`),
        ...(expectException !== undefined
          ? { expectException: string(expectException, `${where}.expectException`) }
          : {}),
      };
    });
  }
  return post;
}

/**
 * Parses a fixture file (its JSON text or the parsed object) into its tests.
 * @throws TypeError naming the field that is malformed.
 */
export function parseStateTestFile(json: string | unknown): StateTest[] {
  const root = object(typeof json === 'string' ? JSON.parse(json) : json, 'fixture');
  return Object.entries(root).map(([name, value]) => {
    const test = object(value, name);
    return {
      name,
      env: parseEnv(test.env, `${name}.env`, parseChainId(test.config, `${name}.config`)),
      pre: parsePre(test.pre, `${name}.pre`),
      transaction: parseMultiTransaction(test.transaction, `${name}.transaction`),
      post: parsePost(test.post, `${name}.post`),
    };
  });
}

/** The concrete transaction of one case: `data[d]`, `gasLimit[g]`, `value[v]`, `accessLists[d]`. */
export function caseTransaction(multi: MultiTransaction, indexes: CaseIndexes): Transaction {
  const pick = <T>(items: readonly T[], index: number, field: string): T => {
    const item = items[index];
    if (item === undefined)
      throw new RangeError(`indexes.${field}: ${index} is out of range (${items.length})`);
    return item;
  };
  const accessList = multi.accessLists?.[indexes.data] ?? undefined;
  return {
    sender: multi.sender,
    to: multi.to,
    nonce: multi.nonce,
    data: pick(multi.data, indexes.data, 'data'),
    gasLimit: pick(multi.gasLimit, indexes.gas, 'gas'),
    value: pick(multi.value, indexes.value, 'value'),
    ...(multi.gasPrice !== undefined ? { gasPrice: multi.gasPrice } : {}),
    ...(multi.maxFeePerGas !== undefined ? { maxFeePerGas: multi.maxFeePerGas } : {}),
    ...(multi.maxPriorityFeePerGas !== undefined ? { maxPriorityFeePerGas: multi.maxPriorityFeePerGas } : {}),
    ...(multi.maxFeePerBlobGas !== undefined ? { maxFeePerBlobGas: multi.maxFeePerBlobGas } : {}),
    ...(multi.blobVersionedHashes !== undefined ? { blobVersionedHashes: multi.blobVersionedHashes } : {}),
    ...(multi.authorizationList !== undefined ? { authorizationList: multi.authorizationList } : {}),
    ...(accessList !== undefined ? { accessList } : {}),
  };
}
