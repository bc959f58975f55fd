// Test helper: runs one call on a chosen engine, so that a test can check both engines give the
// same answer. Programs can start with FORCE_COMPILE so that multipass compiles them instead of
// leaving straight-line code to the interpreter.
import { emptyTxContext, type Message, type Result, type TxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { WorldState } from '@tandem-evm/state';
import { createEvm, type EngineName, type Evm } from '../index.js';
import { CALLER, CONTRACT } from './harness.js';

export { CALLER, CONTRACT };

export const ENGINES = ['interpreter', 'multipass'] as const satisfies readonly EngineName[];

/** A backward JUMPI that is never taken (JUMPDEST PUSH0 PUSH0 JUMPI): multipass compiles what follows. */
export const FORCE_COMPILE = 'JUMPDEST PUSH0 PUSH0 JUMPI';

export interface EngineRun {
  readonly result: Result;
  readonly gasUsed: bigint;
  readonly state: WorldState;
  readonly evm: Evm;
}

export interface EngineRunSpec {
  readonly code: string | Uint8Array;
  readonly revision: string;
  readonly engine: EngineName;
  readonly input?: Uint8Array;
  readonly gas?: bigint;
  readonly tx?: Partial<TxContext>;
  /** Other accounts (and anything else) before the call. */
  readonly setup?: (state: WorldState) => void;
  /** Accounts warm at the start besides the caller, the contract and the precompiles. */
  readonly warm?: readonly bigint[];
}

/** Calls CONTRACT from CALLER on `engine`; caller, contract and precompiles start warm, as in a transaction. */
export function runOn(spec: EngineRunSpec): EngineRun {
  const evm = createEvm({ revision: spec.revision, engine: spec.engine });
  const state = new WorldState();
  state.setAccount(CALLER, { balance: 10n ** 20n });
  state.setAccount(CONTRACT, { code: typeof spec.code === 'string' ? assemble(spec.code) : spec.code });
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
    value: 0n,
    input: spec.input ?? new Uint8Array(0),
    isStatic: false,
  };
  const result = evm.execute(message, state);
  return { result, gasUsed: gas - result.gasLeft, state, evm };
}

/** The output read as one big-endian number. */
export function outputWord(result: Result): bigint {
  let value = 0n;
  for (const byte of result.output) value = (value << 8n) | BigInt(byte);
  return value;
}
