import type { Log } from '@tandem-evm/host';
import { bytesToHex } from '@tandem-evm/primitives';
import { addressHex, hex } from './scenario.js';
import { statusClass } from './status.js';

/** An account of a post-state, in the JSON form reproducers hold (zero slots omitted). */
export interface AccountDump {
  readonly nonce: string;
  readonly balance: string;
  readonly code: string;
  readonly storage: Record<string, string>;
}

/** The result of one run, comparable between runners. */
export interface Outcome {
  /** Runner name: `interpreter`, `multipass`, `auto`, `ethereumjs`. */
  readonly runner: string;
  /** Tandem's exact status, or the other EVM's status mapped to a `StatusClass`. */
  readonly status: string;
  readonly gasLeft: bigint;
  readonly gasRefund: bigint;
  readonly output: Uint8Array;
  readonly createdAddress: bigint | undefined;
  readonly logs: readonly Log[];
  /** The post-state after the transaction's end (self-destructs and EIP-161 clean-up applied), by address. */
  readonly accounts: ReadonlyMap<string, AccountDump>;
  /** The state root of the post-state, when the runner computed it. */
  readonly stateRoot?: bigint;
  /** The recording host's log (Tandem runners only). */
  readonly hostCalls?: readonly string[];
  /** Earlier runs of the same message on the same instance (the `auto` engine warming up), each summarised. */
  readonly repeats?: readonly string[];
  /** The exception a runner threw, if it did: always a divergence. */
  readonly error?: string;
}

/** The outcome of a runner that threw: no result, only the error (always a divergence). */
export function threwOutcome(runner: string, error: unknown, hostCalls?: readonly string[]): Outcome {
  return {
    runner,
    status: 'threw',
    gasLeft: 0n,
    gasRefund: 0n,
    output: new Uint8Array(0),
    createdAddress: undefined,
    logs: [],
    accounts: new Map(),
    ...(hostCalls === undefined ? {} : { hostCalls }),
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

export function dumpAccount(account: {
  nonce: bigint;
  balance: bigint;
  code: Uint8Array;
  storage: Iterable<readonly [bigint, bigint]>;
}): AccountDump {
  const storage: Record<string, string> = {};
  const slots = [...account.storage].filter(([, value]) => value !== 0n).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, value] of slots) storage[hex(key)] = hex(value);
  return {
    nonce: hex(account.nonce),
    balance: hex(account.balance),
    code: bytesToHex(account.code),
    storage,
  };
}

/** The accounts and slots of a post-state, to ask another EVM's state about (see `runEthereumjs`). */
export function dumpedSlots(outcome: Outcome): Map<bigint, bigint[]> {
  const slots = new Map<bigint, bigint[]>();
  for (const [address, dump] of outcome.accounts)
    slots.set(BigInt(address), Object.keys(dump.storage).map(BigInt));
  return slots;
}

/** Accounts sorted by address, keyed by their 40-digit hex address. */
export function sortedAccounts(entries: Iterable<readonly [bigint, AccountDump]>): Map<string, AccountDump> {
  return new Map(
    [...entries]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([address, dump]) => [addressHex(address), dump]),
  );
}

export function logLine(log: Log): string {
  return `${addressHex(log.address)} [${log.topics.map(hex).join(' ')}] ${bytesToHex(log.data)}`;
}

/** FNV-1a of the lines, so that a summary can stand for a whole host-call log. */
function digest(lines: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 10, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

/** One line standing for a run's result and host-call log, for the `repeats` of a run. */
export function runSummary(
  outcome: Pick<Outcome, 'status' | 'gasLeft' | 'gasRefund' | 'output'> & { hostCalls?: readonly string[] },
): string {
  const calls = outcome.hostCalls ?? [];
  return `${outcome.status} gasLeft=${outcome.gasLeft} refund=${outcome.gasRefund} output=${bytesToHex(outcome.output)} hostCalls=${calls.length}/${digest(calls)}`;
}

/** One field on which two outcomes differ. */
export interface Difference {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** For lists (host calls, logs, traces): the first index where they differ. */
  readonly index?: number;
}

function firstDifference(expected: readonly string[], actual: readonly string[]): number {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) if (expected[i] !== actual[i]) return i;
  return -1;
}

function listDifference(field: string, expected: readonly string[], actual: readonly string[]): Difference[] {
  const index = firstDifference(expected, actual);
  if (index < 0) return [];
  return [{ field, index, expected: expected[index] ?? '(end)', actual: actual[index] ?? '(end)' }];
}

export interface CompareOptions {
  /** Compare statuses by class only (another EVM names failures differently). */
  readonly byStatusClass?: boolean;
  /**
   * Pairs [expected class, actual class] accepted as equal: documented cases
   * where the other EVM names the same exceptional halt differently.
   */
  readonly statusEquivalences?: readonly (readonly [string, string])[];
}

/**
 * Every field on which `actual` differs from `expected`: status, gas left,
 * refund, output, created address, logs, the post-state account by account,
 * the host-call log and the warm-up runs (when both have them).
 */
export function compareOutcomes(
  expected: Outcome,
  actual: Outcome,
  options: CompareOptions = {},
): Difference[] {
  const differences: Difference[] = [];
  const add = (field: string, a: unknown, b: unknown) => {
    if (a !== b) differences.push({ field, expected: a, actual: b });
  };
  add('error', expected.error, actual.error);
  const status = (outcome: Outcome) =>
    options.byStatusClass && !outcome.status.startsWith('ethereumjs:')
      ? statusClass(outcome.status)
      : outcome.status;
  const [expectedStatus, actualStatus] = [status(expected), status(actual)];
  const equivalent = options.statusEquivalences?.some(([a, b]) => a === expectedStatus && b === actualStatus);
  if (!equivalent) add('status', expectedStatus, actualStatus);
  add('gasLeft', expected.gasLeft, actual.gasLeft);
  add('gasRefund', expected.gasRefund, actual.gasRefund);
  add('output', bytesToHex(expected.output), bytesToHex(actual.output));
  add('createdAddress', expected.createdAddress, actual.createdAddress);
  differences.push(...listDifference('logs', expected.logs.map(logLine), actual.logs.map(logLine)));
  const addresses = new Set([...expected.accounts.keys(), ...actual.accounts.keys()]);
  for (const address of [...addresses].sort()) {
    const a = expected.accounts.get(address);
    const b = actual.accounts.get(address);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      differences.push({ field: `account ${address}`, expected: a ?? '(none)', actual: b ?? '(none)' });
    }
  }
  if (expected.stateRoot !== undefined && actual.stateRoot !== undefined) {
    add('stateRoot', hex(expected.stateRoot), hex(actual.stateRoot));
  }
  if (expected.hostCalls !== undefined && actual.hostCalls !== undefined) {
    differences.push(...listDifference('hostCalls', expected.hostCalls, actual.hostCalls));
  }
  if (actual.repeats !== undefined) {
    const reference = runSummary(expected);
    actual.repeats.forEach((summary, i) => {
      if (summary !== reference)
        differences.push({ field: `repeat ${i}`, expected: reference, actual: summary });
    });
  }
  return differences;
}
