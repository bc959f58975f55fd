import { runTandem, type Scenario, scenarioFromJson } from '@tandem-evm/difftest';
import { createEvm, type EngineName } from '@tandem-evm/evm';
import {
  emptyTxContext,
  type Inspector,
  parseRevision,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { UsageError } from './args.js';

/** The account `tandem run` puts the code in, and the caller it calls from. */
export const RUN_ADDRESS = 0xc0de0000000000000000000000000000000c0de0n;
export const RUN_CALLER = 0x5e4de20000000000000000000000000005e4de20n;
export const DEFAULT_GAS = (1n << 63n) - 1n;

export interface RunOptions {
  /** The code to run; with `prestate`, replaces the code of the message's callee (optional there). */
  readonly code?: Uint8Array;
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
  readonly result: Result;
  readonly gasLimit: bigint;
}

/**
 * Runs code as the callee of one CALL at depth 0, with `input` as calldata,
 * in a fresh state where only that account has code; no intrinsic gas.
 * As in a transaction, the caller, the callee and the precompiles start warm.
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
  state.setAccount(RUN_ADDRESS, { code: options.code });
  state.beginTransaction(emptyTxContext({ origin: RUN_CALLER }));
  if (evm.revision >= Revision.Berlin) {
    for (const address of [RUN_CALLER, RUN_ADDRESS, ...precompileAddresses(evm.revision)])
      state.accessAccount(address);
  }
  const gas = options.gas ?? DEFAULT_GAS;
  const result = evm.execute(
    {
      kind: 'call',
      depth: 0,
      gas,
      sender: RUN_CALLER,
      recipient: RUN_ADDRESS,
      codeAddress: RUN_ADDRESS,
      value: 0n,
      input: options.input ?? new Uint8Array(0),
      isStatic: false,
    },
    state,
  );
  return { result, gasLimit: gas };
}

/** The `--json` form of a run: gas as decimal strings, output as hex. */
export function runOutcomeJson(outcome: RunOutcome): Record<string, string> {
  return {
    status: outcome.result.status,
    gasUsed: (outcome.gasLimit - outcome.result.gasLeft).toString(),
    gasRefund: outcome.result.gasRefund.toString(),
    output: bytesToHex(outcome.result.output),
  };
}

/** Reads `--code`/`--input`: hex, or `@path` to a file holding hex. */
export function readHexArgument(
  value: string,
  field: string,
  readFile: (path: string) => string,
): Uint8Array {
  const text = value.startsWith('@') ? readFile(value.slice(1)) : value;
  try {
    return hexToBytes(text.replace(/\s+/g, ''), field);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseGas(value: string): bigint {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(value))
    throw new UsageError(`--gas must be a non-negative integer, got '${value}'`);
  const gas = BigInt(value);
  if (gas > DEFAULT_GAS) throw new UsageError('--gas must be at most 2^63-1');
  return gas;
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
  const { status, gasLeft, gasRefund, output, createdAddress } = outcome;
  return {
    result: {
      status: status as Status,
      gasLeft,
      gasRefund,
      output,
      ...(createdAddress !== undefined ? { createdAddress } : {}),
    },
    gasLimit: scenario.message.gas,
  };
}
