/** Tandem's engines through the public `@tandem-evm/evm` facade, on a `WorldState`. */
import { createEvm, type EngineName } from '@tandem-evm/evm';
import { emptyTxContext, type Message, Revision } from '@tandem-evm/host';
import { compile } from '@tandem-evm/multipass';
import { analyzeCode } from '@tandem-evm/opcodes';
import { precompileAddresses } from '@tandem-evm/precompiles';
import { WorldState } from '@tandem-evm/state';
import type { CallOutcome, CallWorkload, SetupWorkload } from '../workloads/index.js';
import { type BenchEngine, elapsedNs, type Prepared, sink } from './engine.js';

/**
 * What each engine does before it can run code it has not seen; the `Evm`
 * caches the result per code. For the interpreter that is the code analysis
 * (padding, jump destinations, PUSH values); multipass adds compilation to
 * JavaScript. Returns the jump destinations. An engine without an entry has
 * no `compile/…` numbers.
 */
const SETUP: Partial<Record<EngineName, (code: Uint8Array) => Uint8Array>> = {
  interpreter(code) {
    const analyzed = analyzeCode(code);
    sink.value ^= analyzed.padded.length;
    return analyzed.jumpdests;
  },
  multipass(code) {
    const analyzed = analyzeCode(code);
    const compiled = compile(analyzed, Revision.Cancun);
    sink.value ^= compiled.blockCount;
    return analyzed.jumpdests;
  },
};

async function prepareCall(engine: EngineName, workload: CallWorkload): Promise<Prepared<CallOutcome>> {
  const evm = createEvm({ revision: 'cancun', engine });
  const state = new WorldState();
  for (const { address, ...account } of workload.accounts) state.setAccount(address, account);
  // As a transaction would: sender, recipient and the precompiles start warm (EIP-2929).
  state.beginTransaction(emptyTxContext({ origin: workload.caller }));
  for (const address of [workload.caller, workload.to, ...precompileAddresses(evm.revision)]) {
    state.accessAccount(address);
  }
  const preState = state.snapshot();
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: workload.gas,
    sender: workload.caller,
    recipient: workload.to,
    codeAddress: workload.to,
    value: 0n,
    input: workload.input,
    isStatic: false,
  };
  return {
    async run() {
      const result = evm.execute(message, state);
      const outcome: CallOutcome = {
        status: result.status,
        gasUsed: workload.gas - result.gasLeft,
        gasRefund: result.gasRefund,
        output: result.output.slice(),
      };
      state.revert(preState);
      return outcome;
    },
    async time(iterations) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) {
        evm.execute(message, state);
        state.revert(preState);
      }
      return elapsedNs(start);
    },
  };
}

function prepareSetup(
  engine: EngineName,
  workload: SetupWorkload,
): Promise<Prepared<Uint8Array>> | undefined {
  const setup = SETUP[engine];
  if (setup === undefined) return undefined;
  const code = workload.code;
  return Promise.resolve({
    async run() {
      return setup(code);
    },
    async time(iterations) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) sink.value ^= setup(code).length;
      return elapsedNs(start);
    },
  });
}

export function tandemEngine(engine: EngineName): BenchEngine {
  return {
    name: engine,
    prepareCall: (workload) => prepareCall(engine, workload),
    prepareSetup: (workload) => prepareSetup(engine, workload),
  };
}
