import {
  type AccountDump,
  dumpAccount,
  runTandem,
  type Scenario,
  scenarioFromJson,
  sortedAccounts,
} from '@tandem-evm/difftest';
import { createEvm, type EngineName, type Evm } from '@tandem-evm/evm';
import {
  type Address,
  emptyTxContext,
  type Inspector,
  type Log,
  type Message,
  parseRevision,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { addressToHex, bytesToHex } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { UsageError } from './args.js';

/** The account `tandem run` puts the code in, and the caller it calls from. */
export const RUN_ADDRESS = 0xc0de0000000000000000000000000000000c0de0n;
export const RUN_CALLER = 0x5e4de20000000000000000000000000005e4de20n;
export const DEFAULT_GAS = (1n << 63n) - 1n;

export interface RunOptions {
  /** The code to run; with `prestate`, replaces the code of the message's callee (optional there). */
  readonly code?: Uint8Array;
  /**
   * The code is init code: deploy it from the caller, then, if `input` is
   * given, call the created contract with it (in a second transaction, on the
   * state the constructor left). Not with `prestate`.
   */
  readonly create?: boolean;
  readonly input?: Uint8Array;
  readonly gas?: bigint;
  readonly revision?: string;
  readonly engine?: EngineName;
  /** Hooks the run calls at every instruction and frame (an `Eip3155Tracer` for `--trace`). */
  readonly inspector?: Inspector;
  /**
   * A scenario (pre-state, block and transaction context, message) in the JSON
   * form `tandem fuzz` writes, or a whole reproducer: the message runs on that
   * state instead. `input`, `gas`, `revision` and `code` override its parts.
   */
  readonly prestate?: string;
}

export interface RunOutcome {
  /** The outcome of the call (with `create` and no input: of the creation). */
  readonly result: Result;
  readonly gasLimit: bigint;
  /** With `create`: what the deployment produced; `createdAddress` is set when it succeeded. */
  readonly creation?: Result;
  /** The logs of the run, the constructor's first. */
  readonly logs: readonly Log[];
  /** Every account of the state after the run, by address. */
  readonly postState: ReadonlyMap<string, AccountDump>;
}

/** Starts a transaction from the run's caller: as in a real one, the caller, `callee` and the precompiles start warm. */
function beginRun(state: WorldState, evm: Evm, callee: Address | undefined): void {
  state.beginTransaction(emptyTxContext({ origin: RUN_CALLER }));
  if (evm.revision < Revision.Berlin) return;
  for (const address of [
    RUN_CALLER,
    ...(callee !== undefined ? [callee] : []),
    ...precompileAddresses(evm.revision),
  ])
    state.accessAccount(address);
}

function topLevelMessage(
  kind: 'call' | 'create',
  recipient: Address,
  gas: bigint,
  input: Uint8Array,
): Message {
  return {
    kind,
    depth: 0,
    gas,
    sender: RUN_CALLER,
    recipient,
    codeAddress: recipient,
    value: 0n,
    input,
    isStatic: false,
  };
}

/**
 * Runs code as the callee of one CALL at depth 0, with `input` as calldata,
 * in a fresh state where only that account has code; no intrinsic gas.
 * As in a transaction, the caller, the callee and the precompiles start warm.
 * With `create`, deploys the code first and calls what it created.
 */
export function runCode(options: RunOptions): RunOutcome {
  if (options.prestate !== undefined) return runPrestate(options, options.prestate);
  if (options.code === undefined) throw new TypeError('runCode: code is required without a prestate');
  const evm = createEvm({
    revision: options.revision ?? 'osaka',
    engine: options.engine ?? 'interpreter',
    ...(options.inspector !== undefined ? { inspector: options.inspector } : {}),
  });
  const state = new WorldState();
  const gas = options.gas ?? DEFAULT_GAS;
  const input = options.input ?? new Uint8Array(0);
  const deleteEmptyTouched = evm.revision >= Revision.SpuriousDragon;
  let callee = RUN_ADDRESS;
  let creation: Result | undefined;
  const logs: Log[] = [];
  if (options.create === true) {
    state.setAccount(RUN_CALLER, {});
    beginRun(state, evm, undefined);
    creation = evm.execute(topLevelMessage('create', 0n, gas, options.code), state);
    logs.push(...state.logs);
    state.finalizeTransaction({ deleteEmptyTouched });
    if (options.input === undefined || creation.createdAddress === undefined) {
      return { result: creation, gasLimit: gas, creation, logs, postState: dumpState(state) };
    }
    callee = creation.createdAddress;
  } else {
    state.setAccount(RUN_ADDRESS, { code: options.code });
  }
  beginRun(state, evm, callee);
  const result = evm.execute(topLevelMessage('call', callee, gas, input), state);
  logs.push(...state.logs);
  state.finalizeTransaction({ deleteEmptyTouched });
  return {
    result,
    gasLimit: gas,
    ...(creation !== undefined ? { creation } : {}),
    logs,
    postState: dumpState(state),
  };
}

function dumpState(state: WorldState): ReadonlyMap<string, AccountDump> {
  return sortedAccounts(
    [...state.accounts].map(([address, account]) => [address, dumpAccount(account)] as const),
  );
}

/** The `--json` form of a run: gas as decimal strings, bytes and log topics as hex; the post-state on request. */
export interface RunJson {
  readonly status: Status;
  readonly gasUsed: string;
  readonly gasRefund: string;
  readonly output: string;
  readonly createdAddress?: string;
  readonly logs: readonly {
    readonly address: string;
    readonly topics: readonly string[];
    readonly data: string;
  }[];
  readonly postState?: Record<string, AccountDump>;
}

export function runOutcomeJson(outcome: RunOutcome, options: { postState?: boolean } = {}): RunJson {
  const created = (outcome.creation ?? outcome.result).createdAddress;
  return {
    status: outcome.result.status,
    gasUsed: (outcome.gasLimit - outcome.result.gasLeft).toString(),
    gasRefund: outcome.result.gasRefund.toString(),
    output: bytesToHex(outcome.result.output),
    ...(created !== undefined ? { createdAddress: addressToHex(created) } : {}),
    logs: outcome.logs.map((log) => ({
      address: addressToHex(log.address),
      topics: log.topics.map((topic) => `0x${topic.toString(16).padStart(64, '0')}`),
      data: bytesToHex(log.data),
    })),
    ...(options.postState === true ? { postState: Object.fromEntries(outcome.postState) } : {}),
  };
}

/** Replays a scenario or reproducer (see `RunOptions.prestate`) the way `tandem fuzz` ran it. */
function runPrestate(options: RunOptions, text: string): RunOutcome {
  let scenario: Scenario;
  try {
    scenario = scenarioFromJson(JSON.parse(text));
    if (options.revision !== undefined) scenario = { ...scenario, revision: parseRevision(options.revision) };
  } catch (error) {
    throw new UsageError(`--prestate: ${(error as Error).message}`);
  }
  const { message } = scenario;
  const code = options.code;
  scenario = {
    ...scenario,
    accounts:
      code === undefined || message.kind === 'create'
        ? scenario.accounts
        : [
            ...scenario.accounts.filter((account) => account.address !== message.to),
            {
              address: message.to,
              nonce: 0n,
              balance: 0n,
              storage: [],
              ...scenario.accounts.find((account) => account.address === message.to),
              code,
            },
          ],
    message: {
      ...message,
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.gas !== undefined ? { gas: options.gas } : {}),
      ...(code !== undefined && message.kind === 'create' ? { input: code } : {}),
    },
  };
  const outcome = runTandem(scenario, options.engine ?? 'interpreter', { recordHostCalls: false });
  if (outcome.error !== undefined) throw new Error(outcome.error);
  const { status, gasLeft, gasRefund, output, createdAddress, logs, accounts } = outcome;
  return {
    result: {
      status: status as Status,
      gasLeft,
      gasRefund,
      output,
      ...(createdAddress !== undefined ? { createdAddress } : {}),
    },
    gasLimit: scenario.message.gas,
    logs,
    postState: accounts,
  };
}
