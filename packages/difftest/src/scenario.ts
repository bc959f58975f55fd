import { type Address, parseRevision, type Revision, revisionName, type TxContext } from '@tandem-evm/host';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';

/** One account of a scenario's pre-state. */
export interface ScenarioAccount {
  readonly address: Address;
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly code: Uint8Array;
  /** Slot/value pairs; zero values are allowed and mean "unset". */
  readonly storage: readonly (readonly [bigint, bigint])[];
}

export interface AccessListEntry {
  readonly address: Address;
  readonly storageKeys: readonly bigint[];
}

/**
 * The top-level message of a scenario: a CALL of `to` (at `depth`, which may
 * start close to the 1024 limit), or a CREATE whose init code is `input`.
 */
export interface ScenarioMessage {
  readonly kind: 'call' | 'create';
  readonly depth: number;
  readonly sender: Address;
  /** The callee (ignored for 'create'). */
  readonly to: Address;
  readonly value: bigint;
  readonly input: Uint8Array;
  readonly gas: bigint;
}

/**
 * Everything one differential run needs, engine-independent: a revision,
 * the pre-state, the block/transaction context, what starts warm, and the
 * message. Runs start as a transaction would after its intrinsic checks:
 * sender, callee, precompiles, the access list and (from Shanghai) the
 * coinbase are warm; no intrinsic gas is charged and the sender's nonce is
 * left alone for a call.
 */
export interface Scenario {
  readonly revision: Revision;
  readonly accounts: readonly ScenarioAccount[];
  readonly tx: TxContext;
  readonly accessList: readonly AccessListEntry[];
  readonly message: ScenarioMessage;
}

/** The JSON form of a scenario: numbers as 0x-hex strings, bytes as 0x-hex, the revision by name. */
export interface ScenarioJson {
  readonly revision: string;
  readonly accounts: Record<
    string,
    { nonce: string; balance: string; code: string; storage: Record<string, string> }
  >;
  readonly tx: Record<string, string | string[]>;
  readonly accessList: { address: string; storageKeys: string[] }[];
  readonly message: {
    kind: 'call' | 'create';
    depth: number;
    sender: string;
    to: string;
    value: string;
    input: string;
    gas: string;
  };
}

export function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

export function addressHex(address: Address): string {
  return `0x${address.toString(16).padStart(40, '0')}`;
}

function big(text: unknown, field: string): bigint {
  if (typeof text !== 'string' || !/^0x[0-9a-fA-F]+$|^[0-9]+$/.test(text)) {
    throw new TypeError(`${field} must be a hex or decimal string, got ${JSON.stringify(text)}`);
  }
  return BigInt(text);
}

function bytes(text: unknown, field: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError(`${field} must be a hex string`);
  return hexToBytes(text, field);
}

const TX_FIELDS = [
  'origin',
  'gasPrice',
  'coinbase',
  'number',
  'timestamp',
  'gasLimit',
  'prevRandao',
  'chainId',
  'baseFee',
  'blobBaseFee',
] as const;

export function scenarioToJson(scenario: Scenario): ScenarioJson {
  const accounts: ScenarioJson['accounts'] = {};
  for (const account of scenario.accounts) {
    const storage: Record<string, string> = {};
    for (const [key, value] of account.storage) storage[hex(key)] = hex(value);
    accounts[addressHex(account.address)] = {
      nonce: hex(account.nonce),
      balance: hex(account.balance),
      code: bytesToHex(account.code),
      storage,
    };
  }
  const tx: Record<string, string | string[]> = {};
  for (const field of TX_FIELDS) tx[field] = hex(scenario.tx[field]);
  tx.blobHashes = scenario.tx.blobHashes.map(hex);
  const { message } = scenario;
  return {
    revision: revisionName(scenario.revision),
    accounts,
    tx,
    accessList: scenario.accessList.map((entry) => ({
      address: addressHex(entry.address),
      storageKeys: entry.storageKeys.map(hex),
    })),
    message: {
      kind: message.kind,
      depth: message.depth,
      sender: addressHex(message.sender),
      to: addressHex(message.to),
      value: hex(message.value),
      input: bytesToHex(message.input),
      gas: hex(message.gas),
    },
  };
}

/**
 * Reads a scenario from its JSON form (or from a reproducer, which holds one
 * under `scenario`). Bad input is a TypeError/RangeError naming the field.
 */
export function scenarioFromJson(json: unknown): Scenario {
  if (typeof json !== 'object' || json === null) throw new TypeError('scenario must be an object');
  const source = ('scenario' in json ? (json as { scenario: unknown }).scenario : json) as ScenarioJson;
  if (typeof source !== 'object' || source === null) throw new TypeError('scenario must be an object');
  const revision = parseRevision(source.revision, 'scenario.revision');
  const accounts: ScenarioAccount[] = Object.entries(source.accounts ?? {}).map(([address, account]) => ({
    address: big(address, 'account address'),
    nonce: big(account.nonce ?? '0x0', `accounts[${address}].nonce`),
    balance: big(account.balance ?? '0x0', `accounts[${address}].balance`),
    code: bytes(account.code ?? '0x', `accounts[${address}].code`),
    storage: Object.entries(account.storage ?? {}).map(
      ([key, value]) =>
        [big(key, `accounts[${address}].storage key`), big(value, `accounts[${address}].storage`)] as const,
    ),
  }));
  const txSource = source.tx ?? {};
  const field = (name: (typeof TX_FIELDS)[number], fallback: bigint) =>
    txSource[name] === undefined ? fallback : big(txSource[name], `tx.${name}`);
  const blobHashes = txSource.blobHashes ?? [];
  if (!Array.isArray(blobHashes)) throw new TypeError('tx.blobHashes must be an array');
  const tx: TxContext = {
    origin: field('origin', 0n),
    gasPrice: field('gasPrice', 0n),
    coinbase: field('coinbase', 0n),
    number: field('number', 0n),
    timestamp: field('timestamp', 0n),
    gasLimit: field('gasLimit', 0n),
    prevRandao: field('prevRandao', 0n),
    chainId: field('chainId', 1n),
    baseFee: field('baseFee', 0n),
    blobHashes: blobHashes.map((value, i) => big(value, `tx.blobHashes[${i}]`)),
    blobBaseFee: field('blobBaseFee', 0n),
  };
  const m = source.message;
  if (typeof m !== 'object' || m === null) throw new TypeError('scenario.message must be an object');
  if (m.kind !== 'call' && m.kind !== 'create')
    throw new RangeError("message.kind must be 'call' or 'create'");
  const depth = m.depth ?? 0;
  if (!Number.isInteger(depth) || depth < 0 || depth > 1024) {
    throw new RangeError('message.depth must be an integer in [0, 1024]');
  }
  return {
    revision,
    accounts,
    tx,
    accessList: (source.accessList ?? []).map((entry, i) => ({
      address: big(entry.address, `accessList[${i}].address`),
      storageKeys: entry.storageKeys.map((key, j) => big(key, `accessList[${i}].storageKeys[${j}]`)),
    })),
    message: {
      kind: m.kind,
      depth,
      sender: big(m.sender, 'message.sender'),
      to: big(m.to ?? '0x0', 'message.to'),
      value: big(m.value ?? '0x0', 'message.value'),
      input: bytes(m.input ?? '0x', 'message.input'),
      gas: big(m.gas, 'message.gas'),
    },
  };
}

/** The code the top-level message runs: the callee's code, or the init code of a create. */
export function entryCode(scenario: Scenario): Uint8Array {
  const { message } = scenario;
  if (message.kind === 'create') return message.input;
  return scenario.accounts.find((account) => account.address === message.to)?.code ?? new Uint8Array(0);
}
