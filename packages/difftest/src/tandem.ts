import { createEvm, type EngineName, type Evm } from '@tandem-evm/evm';
import { type Message, type Result, Revision } from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { delegationTarget } from '@tandem-evm/primitives';
import { stateRoot, WorldState } from '@tandem-evm/state';
import { dumpAccount, type Outcome, runSummary, sortedAccounts, threwOutcome } from './outcome.js';
import { RecordingHost } from './recording-host.js';
import { entryCode, type Scenario } from './scenario.js';
import { callLine, resultLine, type TraceCounters, traceEngine } from './trace.js';

/**
 * Runs the `auto` engine makes of a message before the compared one: the
 * evm package's AUTO_COMPILE_AFTER_RUNS (8, not exported), so that the entry
 * code is compiled by the compared run while code reached less often is not.
 */
export const AUTO_WARM_UP_RUNS = 8;

export const ENGINE_NAMES: readonly EngineName[] = ['interpreter', 'multipass', 'auto'];

/** The state a scenario starts from, in a transaction, with what a transaction warms already warm. */
export function prepareState(scenario: Scenario): WorldState {
  const state = WorldState.fromAccounts(
    scenario.accounts.map((account) => [account.address, account] as const),
  );
  state.beginTransaction(scenario.tx);
  if (scenario.revision >= Revision.Berlin) {
    for (const address of warmAddresses(scenario)) state.accessAccount(address);
    for (const entry of scenario.accessList) {
      for (const key of entry.storageKeys) state.accessStorage(entry.address, key);
    }
  }
  return state;
}

/**
 * Addresses warm before the message runs (EIP-2929 from Berlin): sender,
 * callee, precompiles, access-list addresses, from Shanghai (EIP-3651) the
 * coinbase and, from Prague (EIP-7702), the account a delegated callee's code
 * comes from. A created address is warmed by the create itself.
 */
export function warmAddresses(scenario: Scenario): bigint[] {
  const { message, revision } = scenario;
  const warm = [message.sender];
  if (message.kind === 'call') {
    warm.push(message.to);
    const target = revision >= Revision.Prague ? delegationTarget(entryCode(scenario)) : undefined;
    if (target !== undefined) warm.push(target);
  }
  warm.push(...precompileAddresses(revision));
  warm.push(...scenario.accessList.map((entry) => entry.address));
  if (revision >= Revision.Shanghai) warm.push(scenario.tx.coinbase);
  return warm;
}

export function scenarioMessage(scenario: Scenario): Message {
  const { message } = scenario;
  const isCreate = message.kind === 'create';
  return {
    kind: message.kind,
    depth: message.depth,
    gas: message.gas,
    sender: message.sender,
    recipient: isCreate ? 0n : message.to,
    codeAddress: isCreate ? 0n : message.to,
    value: message.value,
    input: message.input,
    isStatic: false,
  };
}

export interface TandemRunOptions {
  /**
   * Runs of the message before the compared one, each reverted (default:
   * enough for the `auto` engine to compile the entry code, none for the
   * others). Each is summarised in `Outcome.repeats`.
   */
  readonly warmUpRuns?: number;
  /** Collects trace lines (see trace.ts); with `steps`, one line per interpreted instruction. */
  readonly trace?: { readonly lines?: string[]; readonly counters: TraceCounters; readonly steps: boolean };
  /** Keep the host-call log (default true). */
  readonly recordHostCalls?: boolean;
  /** Adds the host calls made, by method, to this map (coverage). */
  readonly hostCounts?: Map<string, number>;
  /** Compute the post-state's state root (to compare with another EVM's). */
  readonly stateRoot?: boolean;
}

function traced(evm: Evm, trace: NonNullable<TandemRunOptions['trace']>): void {
  // The frame loop takes each new frame's engine from `evm.engine`.
  Object.defineProperty(evm, 'engine', {
    value: traceEngine(evm.engine, trace.lines, trace.counters, trace.steps),
  });
}

/**
 * Runs the scenario on one of Tandem's engines and returns everything the
 * differential properties compare. An exception from the engine is caught
 * and returned as `error` (with status 'threw').
 */
export function runTandem(scenario: Scenario, engine: EngineName, options: TandemRunOptions = {}): Outcome {
  const evm = createEvm({ revision: scenario.revision, engine });
  if (options.trace !== undefined) traced(evm, options.trace);
  const message = scenarioMessage(scenario);
  const warmUps = options.warmUpRuns ?? (engine === 'auto' ? AUTO_WARM_UP_RUNS : 0);
  const repeats: string[] = [];
  // Each run gets a fresh state holding the same code arrays, so the instance's caches (analysis,
  // compiled code) carry over from run to run while the state does not: reverting one state between
  // runs would not do, as the touch of 0x03 survives a revert by design.
  let state = prepareState(scenario);
  let host = new RecordingHost(state);
  host.recording = options.recordHostCalls ?? true;
  let result: Result;
  try {
    for (let i = 0; i < warmUps; i++) {
      const warm = evm.execute(message, host);
      repeats.push(runSummary({ ...warm, hostCalls: host.calls }));
      state = prepareState(scenario);
      host = new RecordingHost(state);
      host.recording = options.recordHostCalls ?? true;
    }
    if (options.trace?.lines !== undefined) options.trace.lines.length = 0;
    options.trace?.lines?.push(callLine(message));
    result = evm.execute(message, host);
    options.trace?.lines?.push(resultLine(message.depth, result));
  } catch (error) {
    return threwOutcome(engine, error, host.calls);
  }
  for (const [method, count] of host.counts)
    options.hostCounts?.set(method, (options.hostCounts.get(method) ?? 0) + count);
  state.finalizeTransaction({ deleteEmptyTouched: scenario.revision >= Revision.SpuriousDragon });
  return {
    runner: engine,
    status: result.status,
    gasLeft: result.gasLeft,
    gasRefund: result.gasRefund,
    output: result.output,
    createdAddress: result.createdAddress,
    logs: state.logs,
    accounts: sortedAccounts(
      [...state].map(([address, account]) => [address, dumpAccount(account)] as const),
    ),
    hostCalls: host.calls,
    ...(warmUps > 0 ? { repeats } : {}),
    ...(options.stateRoot === true ? { stateRoot: stateRoot(state) } : {}),
  };
}
