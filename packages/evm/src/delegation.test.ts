// EIP-7702 delegated code (Prague), from the final EIP text, on the interpreter and on multipass.
// "CALL loads the code at address and executes it in the context of authority"; the same for
// CALLCODE, DELEGATECALL and STATICCALL. "If a code reading instruction accesses a cold account
// during the resolution of delegated code, add an additional EIP-2929 COLD_ACCOUNT_READ_COST cost
// of 2600 gas to the normal cost and add the account to accessed_addresses. Otherwise, assess a
// WARM_STORAGE_READ_COST cost of 100." EXTCODESIZE, EXTCODECOPY and EXTCODEHASH "operate on the
// delegation indicator itself" (EXTCODESIZE returns 23). A delegation to a precompile runs empty
// code; a chain of delegations is followed only once.
import { emptyTxContext } from '@tandem-evm/host';
import { assemble } from '@tandem-evm/opcodes';
import { bytesToHex, delegationCode, keccak256Word } from '@tandem-evm/primitives';
import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { createEvm } from './index.js';
import { CALLER, CONTRACT, ENGINES, FORCE_COMPILE, outputWord } from './test/engines.js';
import { run as runCall } from './test/harness.js';

const AUTHORITY = 0xa0a0n;
const SECOND_AUTHORITY = 0xa1a1n;
const TO_PRECOMPILE = 0xa2a2n;
const REPORTER = 0x7e70n;
const WRITER = 0x7e71n;
const PLAIN = 0x7e72n;

/** Returns ADDRESS, CALLER, CODESIZE and CALLVALUE as four words. */
const REPORTER_CODE = assemble(
  'ADDRESS PUSH0 MSTORE CALLER PUSH1 32 MSTORE CODESIZE PUSH1 64 MSTORE CALLVALUE PUSH1 96 MSTORE PUSH1 128 PUSH0 RETURN',
);
/** Stores 0x2a at slot 1 of the account it runs for. */
const WRITER_CODE = assemble('PUSH1 0x2a PUSH1 1 SSTORE STOP');

function accounts(state: WorldState): void {
  state.setAccount(REPORTER, { code: REPORTER_CODE });
  state.setAccount(WRITER, { code: WRITER_CODE });
  state.setAccount(PLAIN, { code: REPORTER_CODE });
  state.setAccount(AUTHORITY, { nonce: 1n, balance: 5n, code: delegationCode(REPORTER) });
  state.setAccount(SECOND_AUTHORITY, { nonce: 1n, code: delegationCode(AUTHORITY) });
  state.setAccount(TO_PRECOMPILE, { nonce: 1n, code: delegationCode(0x04n) });
}

/** A call of `kind` to `to` with the caller's calldata as input; returns 128 bytes of output and the flag. */
function callAndReport(kind: string, to: bigint): string {
  const value = kind === 'CALL' || kind === 'CALLCODE' ? 'PUSH0 ' : '';
  return `${FORCE_COMPILE} CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY PUSH1 128 PUSH0 CALLDATASIZE PUSH0 ${value}PUSH20 ${to} GAS ${kind} PUSH1 128 MSTORE PUSH1 160 PUSH0 RETURN`;
}

function words(output: Uint8Array): bigint[] {
  return Array.from({ length: output.length / 32 }, (_, i) =>
    outputWord({
      status: 'success',
      gasLeft: 0n,
      gasRefund: 0n,
      output: output.subarray(32 * i, 32 * i + 32),
    }),
  );
}

describe.each(ENGINES)('EIP-7702 delegated code on %s', (engine) => {
  const run = (code: string, options: { warm?: bigint[]; revision?: string; input?: Uint8Array } = {}) =>
    runCall({ code, revision: options.revision ?? 'prague', engine, setup: accounts, ...options });

  it('CALL runs the target’s code in the authority’s context', () => {
    const { result } = run(callAndReport('CALL', AUTHORITY));
    expect(words(result.output)).toEqual([AUTHORITY, CONTRACT, BigInt(REPORTER_CODE.length), 0n, 1n]);
  });

  it('CALL writes the authority’s storage, not the target’s', () => {
    const { state } = runCall({
      code: callAndReport('CALL', 0xa3a3n),
      revision: 'prague',
      engine,
      setup: (s) => {
        accounts(s);
        s.setAccount(0xa3a3n, { nonce: 1n, code: delegationCode(WRITER) });
      },
    });
    expect(state.getStorage(0xa3a3n, 1n)).toBe(0x2an);
    expect(state.getStorage(WRITER, 1n)).toBe(0n);
  });

  it('DELEGATECALL and CALLCODE run it in the caller’s context; STATICCALL in the authority’s', () => {
    expect(words(run(callAndReport('DELEGATECALL', AUTHORITY)).result.output).slice(0, 2)).toEqual([
      CONTRACT,
      CALLER,
    ]);
    expect(words(run(callAndReport('CALLCODE', AUTHORITY)).result.output).slice(0, 2)).toEqual([
      CONTRACT,
      CONTRACT,
    ]);
    expect(words(run(callAndReport('STATICCALL', AUTHORITY)).result.output).slice(0, 3)).toEqual([
      AUTHORITY,
      CONTRACT,
      BigInt(REPORTER_CODE.length),
    ]);
  });

  it.each(['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL'])(
    '%s pays 2600 more for a cold target, 100 more for a warm one, and warms it',
    (kind) => {
      // PLAIN has the target's code, so the two runs differ only in the delegation.
      const direct = run(callAndReport(kind, PLAIN));
      const delegated = run(callAndReport(kind, AUTHORITY));
      expect(delegated.gasUsed - direct.gasUsed).toBe(2600n);
      expect(delegated.state.accessAccount(REPORTER)).toBe(true);
      const warmTarget = run(callAndReport(kind, AUTHORITY), { warm: [REPORTER] });
      expect(warmTarget.gasUsed - direct.gasUsed).toBe(100n);
    },
  );

  it('fails a call that cannot pay for the target, consuming all gas', () => {
    const code = `PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH20 ${AUTHORITY} PUSH0 CALL STOP`;
    // Five PUSH0 (10), PUSH20 (3), PUSH0 (2), CALL 100 + cold 2500: 2615 pays the callee alone.
    const direct = runCall({
      code: code.replace(`${AUTHORITY}`, `${PLAIN}`),
      revision: 'prague',
      engine,
      setup: accounts,
    });
    expect(direct.gasUsed).toBe(2615n);
    const short = run(code, {});
    expect(short.gasUsed).toBe(2615n + 2600n);
    const tooShort = runCall({ code, revision: 'prague', engine, setup: accounts, gas: 2615n + 2599n });
    expect(tooShort.result.status).toBe('out-of-gas');
  });

  it('EXTCODESIZE, EXTCODEHASH and EXTCODECOPY see the 23-byte indicator and leave the target cold', () => {
    const code = `PUSH20 ${AUTHORITY} EXTCODESIZE PUSH0 MSTORE PUSH20 ${AUTHORITY} EXTCODEHASH PUSH1 32 MSTORE PUSH1 23 PUSH0 PUSH1 64 PUSH20 ${AUTHORITY} EXTCODECOPY PUSH1 96 PUSH0 RETURN`;
    const { result, state } = run(`${FORCE_COMPILE} ${code}`);
    const indicator = delegationCode(REPORTER);
    expect(words(result.output).slice(0, 2)).toEqual([23n, keccak256Word(indicator)]);
    expect(bytesToHex(result.output.subarray(64, 87))).toBe(bytesToHex(indicator));
    expect(state.accessAccount(REPORTER)).toBe(false);
    // Priced like any account: the same as the instructions on PLAIN (cold, 3 · 100 + 2500).
    const onPlain = run(`${FORCE_COMPILE} ${code.replaceAll(`${AUTHORITY}`, `${PLAIN}`)}`);
    expect(run(`${FORCE_COMPILE} ${code}`).gasUsed).toBe(onPlain.gasUsed);
  });

  it('runs empty code for a delegation to a precompile', () => {
    const input = new TextEncoder().encode('hello');
    // CALL with the input, then the success flag and RETURNDATASIZE.
    const code = `${FORCE_COMPILE} CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY PUSH0 PUSH0 CALLDATASIZE PUSH0 PUSH0 PUSH20 ${TO_PRECOMPILE} GAS CALL PUSH0 MSTORE RETURNDATASIZE PUSH1 32 MSTORE PUSH1 64 PUSH0 RETURN`;
    const { result, gasUsed } = run(code, { input });
    // Success and no return data: the identity precompile would have echoed the input.
    expect(words(result.output)).toEqual([1n, 0n]);
    // Against a direct call of 0x04: the cold authority (2600) and the warm target 0x04 (100)
    // instead of the warm precompile (100) and its price (15 + 3 per word).
    const direct = run(code.replace(`${TO_PRECOMPILE}`, '0x04'), { input });
    expect(words(direct.result.output)).toEqual([1n, 5n]);
    expect(gasUsed - direct.gasUsed).toBe(2600n + 100n - (100n + 15n + 3n));
  });

  it('follows a chain of delegations only once: the second indicator runs as code and fails', () => {
    const { result, state } = run(callAndReport('CALL', SECOND_AUTHORITY));
    expect(words(result.output)[4]).toBe(0n);
    // AUTHORITY (the first hop) was paid for and warmed; REPORTER, two hops away, was not.
    expect(state.accessAccount(AUTHORITY)).toBe(true);
    expect(state.accessAccount(REPORTER)).toBe(false);
  });

  it('does not follow delegations before Prague: the indicator runs as code and fails', () => {
    const { result } = run(callAndReport('CALL', AUTHORITY), { revision: 'cancun' });
    expect(words(result.output)[4]).toBe(0n);
    expect(run(callAndReport('CALL', AUTHORITY), { revision: 'osaka' }).result.output.length).toBe(160);
  });
});

describe('a top-level message to a delegated account', () => {
  it.each(ENGINES)('runs the target’s code on %s', (engine) => {
    const evm = createEvm({ revision: 'prague', engine });
    const state = new WorldState();
    accounts(state);
    state.beginTransaction(emptyTxContext({ origin: CALLER }));
    const result = evm.execute(
      {
        kind: 'call',
        depth: 0,
        gas: 100_000n,
        sender: CALLER,
        recipient: AUTHORITY,
        codeAddress: AUTHORITY,
        value: 0n,
        input: new Uint8Array(0),
        isStatic: false,
      },
      state,
    );
    expect(words(result.output)).toEqual([AUTHORITY, CALLER, BigInt(REPORTER_CODE.length), 0n]);
  });
});
