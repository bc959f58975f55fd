// Test harness: runs code through the whole frame loop against a WorldState.
import { emptyTxContext, type Message, type Result, type Revision, type TxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { WorldState } from '@tandem-evm/state';
import { createEvm, type EngineName, type Evm } from '../index.js';

export const CONTRACT = 0xc0den;
export const CALLER = 0xca11e7n;

export interface RunSpec {
  /** Assembly (see `assemble`) or raw bytes. */
  readonly code: string | Uint8Array;
  readonly revision: Revision | string;
  /** The engine; default the interpreter. */
  readonly engine?: EngineName;
  readonly input?: Uint8Array;
  readonly gas?: bigint;
  readonly value?: bigint;
  readonly isStatic?: boolean;
  readonly tx?: Partial<TxContext>;
  /** Prepares the state before the call (other accounts, storage). */
  readonly setup?: (state: WorldState) => void;
  /** Accounts warm at the start besides the caller, the contract and the precompiles. */
  readonly warm?: readonly bigint[];
}

export interface RunResult {
  readonly result: Result;
  readonly gasUsed: bigint;
  readonly state: WorldState;
  readonly evm: Evm;
}

/** Calls CONTRACT from CALLER; caller, contract and precompiles start warm, as in a transaction. */
export function run(spec: RunSpec): RunResult {
  const evm = createEvm({ revision: spec.revision, engine: spec.engine ?? 'interpreter' });
  const state = new WorldState();
  const code = typeof spec.code === 'string' ? assemble(spec.code) : spec.code;
  state.setAccount(CALLER, { balance: 10n ** 20n });
  state.setAccount(CONTRACT, { code });
  spec.setup?.(state);
  state.beginTransaction(emptyTxContext({ origin: CALLER, ...spec.tx }));
  for (const address of [CALLER, CONTRACT, ...precompileAddresses(evm.revision), ...(spec.warm ?? [])]) {
    state.accessAccount(address);
  }
  const gas = spec.gas ?? 1_000_000n;
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas,
    sender: CALLER,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: spec.value ?? 0n,
    input: spec.input ?? new Uint8Array(0),
    isStatic: spec.isStatic ?? false,
  };
  const result = evm.execute(message, state);
  return { result, gasUsed: gas - result.gasLeft, state, evm };
}

/** Runs code that leaves one word on the stack top, returning it via MSTORE/RETURN appended here. */
export function evaluate(code: string, revision: Revision | string = 'cancun'): bigint {
  const { result } = run({ code: `${code} PUSH0 MSTORE PUSH1 32 PUSH0 RETURN`, revision });
  if (result.status !== 'success') throw new Error(`evaluate: ${result.status}`);
  let value = 0n;
  for (const byte of result.output) value = (value << 8n) | BigInt(byte);
  return value;
}
