/**
 * @ethereumjs/evm (the TypeScript EVM to beat), driven the way its own VM
 * drives it for a transaction: one EVM per workload on its default
 * `SimpleStateManager` holding the same pre-state; per call, a state
 * checkpoint, a fresh journal with sender, recipient and precompiles warm
 * (what `runTx` does), `await evm.runCall(…)` without nonce increment or
 * intrinsic gas, then a revert to the pre-state.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM, type EVM, type EVMRunCallOpts } from '@ethereumjs/evm';
import { SimpleStateManager } from '@ethereumjs/statemanager';
import { bigIntToBytes, createAccount, createAddressFromBigInt, setLengthLeft } from '@ethereumjs/util';
import type { CallOutcome, CallWorkload, SetupWorkload } from '../workloads/index.js';
import { type BenchEngine, elapsedNs, type Prepared, sink } from './engine.js';

const HARDFORK = Hardfork.Cancun;

function newCommon(): Common {
  return new Common({ chain: Mainnet, hardfork: HARDFORK });
}

/** SSTORE's value encoding: shortest big-endian bytes, empty for zero. */
function storageValue(value: bigint): Uint8Array {
  return value === 0n ? new Uint8Array(0) : bigIntToBytes(value);
}

function statusOf(error: string | undefined): string {
  if (error === undefined) return 'success';
  if (error === 'revert') return 'revert';
  return `failure (${error})`;
}

async function prepareCall(workload: CallWorkload): Promise<Prepared<CallOutcome>> {
  const common = newCommon();
  const stateManager = new SimpleStateManager({ common });
  const evm = await createEVM({ common, stateManager });
  for (const account of workload.accounts) {
    const address = createAddressFromBigInt(account.address);
    await stateManager.putAccount(
      address,
      createAccount({ nonce: account.nonce ?? 0n, balance: account.balance ?? 0n }),
    );
    if (account.code !== undefined) await stateManager.putCode(address, account.code);
    for (const [key, value] of account.storage ?? []) {
      await stateManager.putStorage(address, setLengthLeft(bigIntToBytes(key), 32), storageValue(value));
    }
  }
  const caller = createAddressFromBigInt(workload.caller);
  const to = createAddressFromBigInt(workload.to);
  const warm = [caller.toString(), to.toString(), ...evm.precompiles.keys()];
  const options: EVMRunCallOpts = {
    caller,
    origin: caller,
    to,
    data: workload.input,
    gasLimit: workload.gas,
    value: 0n,
    skipNonceIncrement: true,
  };
  const once = async () => {
    await stateManager.checkpoint();
    evm.journal.cleanJournal();
    for (const address of warm) evm.journal.addAlwaysWarmAddress(address);
    const result = await evm.runCall(options);
    await stateManager.revert();
    stateManager.originalStorageCache.clear();
    return result;
  };
  return {
    async run() {
      const { execResult } = await once();
      return {
        status: statusOf(execResult.exceptionError?.error),
        gasUsed: execResult.executionGasUsed,
        gasRefund: execResult.gasRefund ?? 0n,
        output: execResult.returnValue.slice(),
      };
    },
    async time(iterations) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await once();
      return elapsedNs(start);
    },
  };
}

interface JumpAnalysis {
  _getValidJumpDestinations(code: Uint8Array): { jumps: Uint8Array };
}

let interpreterPrototype: Promise<JumpAnalysis> | undefined;

/**
 * ethereumjs has no set-up step of its own: its interpreter analyses the
 * code (jump destinations, an opcode array, PUSH values) on every call that
 * reaches a jump, in `Interpreter._getValidJumpDestinations`. The class is
 * not exported, so it is loaded from the same dist folder as the package.
 */
function loadInterpreterPrototype(): Promise<JumpAnalysis> {
  interpreterPrototype ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@ethereumjs/evm');
    const file = entry.replace(/[\\/]dist[\\/]cjs[\\/]index\.js$/, '/dist/esm/interpreter.js');
    const module = (await import(pathToFileURL(file).href)) as { Interpreter: { prototype: JumpAnalysis } };
    return module.Interpreter.prototype;
  })();
  return interpreterPrototype;
}

async function prepareSetup(workload: SetupWorkload): Promise<Prepared<Uint8Array>> {
  const common = newCommon();
  const evm: EVM = await createEVM({ common });
  // An interpreter as the EVM makes one for a call, as far as this method reads it.
  const interpreter = Object.assign(Object.create(await loadInterpreterPrototype()) as JumpAnalysis, {
    _evm: evm,
    common: evm.common,
  });
  const code = workload.code;
  return {
    async run() {
      return interpreter._getValidJumpDestinations(code).jumps;
    },
    async time(iterations) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++)
        sink.value ^= interpreter._getValidJumpDestinations(code).jumps.length;
      return elapsedNs(start);
    },
  };
}

export const ethereumjsEngine: BenchEngine = {
  name: 'ethereumjs',
  prepareCall,
  prepareSetup,
};
