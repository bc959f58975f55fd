import { createEvm, type EngineName } from '@tandem-evm/evm';
import { emptyTxContext, type Result, Revision } from '@tandem-evm/host';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { UsageError } from './args.js';

/** The account `tandem run` puts the code in, and the caller it calls from. */
export const RUN_ADDRESS = 0xc0de0000000000000000000000000000000c0de0n;
export const RUN_CALLER = 0x5e4de20000000000000000000000000005e4de20n;
export const DEFAULT_GAS = (1n << 63n) - 1n;

export interface RunOptions {
  readonly code: Uint8Array;
  readonly input?: Uint8Array;
  readonly gas?: bigint;
  readonly revision?: string;
  readonly engine?: EngineName;
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
  const evm = createEvm({ revision: options.revision ?? 'cancun', engine: options.engine ?? 'interpreter' });
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
