/**
 * Per-call workloads (`call/…`): what one transaction's top-level call
 * costs, from a pre-state built here. Each is verified against the status,
 * gas and output written below; those numbers were produced by the
 * interpreter and by @ethereumjs/evm independently and agree (see README).
 */
import { readFileSync } from 'node:fs';
import { hexToBytes, keccak256, keccak256Word, wordToBytes } from '@tandem-evm/primitives';
import { assemble, label, push, pushLabel } from '../assembler.js';
import type { AccountInit, CallWorkload } from './workload.js';

/** The externally owned account every `call/…` workload calls from. */
export const CALLER = 0xca11e40000000000000000000000000000000001n;
/** Gas given to the top-level call: a block's worth. */
export const CALL_GAS = 30_000_000n;

const TOKEN = 0x70ce400000000000000000000000000000000020n;
const RECIPIENT = 0x4ec1e40000000000000000000000000000000030n;
const EMPTY_CALLEE = 0xe3e3e30000000000000000000000000000000040n;
const NESTED_CALLER = 0xa000000000000000000000000000000000000050n;
const NESTED_CALLEE = 0xb000000000000000000000000000000000000060n;
const CREATOR = 0xc4ea700000000000000000000000000000000070n;

const TOKEN_SUPPLY = 10n ** 24n;
const RECIPIENT_BALANCE = 5n * 10n ** 20n;
const TRANSFER_AMOUNT = 1000n;
const NESTED_CALLS = 1000;
const CREATES = 100;

const EMPTY = new Uint8Array(0);

interface TokenArtifact {
  readonly runtimeCode: string;
  readonly storage: { readonly totalSupply: number; readonly balanceOf: number };
}

function readTokenArtifact(): TokenArtifact {
  const url = new URL('../../contracts/BenchToken.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as TokenArtifact;
}

/** The 4-byte selector of a Solidity function signature. */
export function selector(signature: string): Uint8Array {
  return keccak256(new TextEncoder().encode(signature)).subarray(0, 4);
}

function abiWord(value: bigint): Uint8Array {
  return wordToBytes(value);
}

function calldata(signature: string, ...args: bigint[]): Uint8Array {
  const parts = [selector(signature), ...args.map(abiWord)];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Storage slot of `mapping(address => …)` at `slot`, entry `key`: keccak256(key . slot). */
export function mappingSlot(key: bigint, slot: number): bigint {
  const preimage = new Uint8Array(64);
  preimage.set(abiWord(key), 0);
  preimage.set(abiWord(BigInt(slot)), 32);
  return keccak256Word(preimage);
}

function tokenAccounts(): AccountInit[] {
  const artifact = readTokenArtifact();
  const { totalSupply, balanceOf } = artifact.storage;
  const storage = new Map<bigint, bigint>([
    [BigInt(totalSupply), TOKEN_SUPPLY + RECIPIENT_BALANCE],
    [mappingSlot(CALLER, balanceOf), TOKEN_SUPPLY],
    [mappingSlot(RECIPIENT, balanceOf), RECIPIENT_BALANCE],
  ]);
  return [
    { address: CALLER, balance: 10n ** 18n, nonce: 1n },
    { address: TOKEN, code: hexToBytes(artifact.runtimeCode), storage },
  ];
}

/** Returns one word of 1: a callee with code that does a little work and returns data. */
const RETURN_ONE = assemble([push(1), 'PUSH0', 'MSTORE', push(32), 'PUSH0', 'RETURN']);

/**
 * Calls NESTED_CALLEE `NESTED_CALLS` times in a loop with all gas and no
 * data, and reverts if any call fails.
 */
function nestedCaller(kind: 'CALL' | 'STATICCALL' | 'DELEGATECALL'): Uint8Array {
  return assemble([
    push(NESTED_CALLS),
    label('loop'),
    // retSize, retOffset, argsSize, argsOffset, [value], address, gas
    'PUSH0',
    'PUSH0',
    'PUSH0',
    'PUSH0',
    ...(kind === 'CALL' ? ['PUSH0'] : []),
    push(NESTED_CALLEE, 20),
    'GAS',
    kind,
    ...countDownOrRevert(),
  ]);
}

/**
 * The tail of both loop workloads: a zero result (a failed call or create)
 * reverts; otherwise decrement the counter on the stack and loop while it is
 * not zero.
 */
function countDownOrRevert() {
  return [
    'ISZERO',
    pushLabel('fail'),
    'JUMPI',
    push(1),
    'SWAP1',
    'SUB',
    'DUP1',
    pushLabel('loop'),
    'JUMPI',
    'STOP',
    label('fail'),
    'PUSH0',
    'DUP1',
    'REVERT',
  ];
}

/** Init code that deploys the one-byte code `00`: PUSH1 1 PUSH1 0 RETURN. */
const INIT_CODE = 0x60016000f3n;
const INIT_CODE_SIZE = 5;

/** CREATEs `CREATES` contracts from INIT_CODE in a loop, and reverts if one fails. */
const CREATOR_CODE = assemble([
  push(INIT_CODE, INIT_CODE_SIZE),
  'PUSH0',
  'MSTORE',
  push(CREATES),
  label('loop'),
  // size, offset, value
  push(INIT_CODE_SIZE),
  push(32 - INIT_CODE_SIZE),
  'PUSH0',
  'CREATE',
  ...countDownOrRevert(),
]);

function success(gasUsed: bigint, output: Uint8Array = EMPTY, gasRefund = 0n) {
  return { status: 'success', gasUsed, gasRefund, output };
}

function callWorkload(
  name: string,
  accounts: AccountInit[],
  to: bigint,
  input: Uint8Array,
  expected: CallWorkload['expected'],
): CallWorkload {
  return {
    kind: 'call',
    name,
    group: 'call',
    accounts: [
      ...(accounts.some((account) => account.address === CALLER) ? [] : [{ address: CALLER }]),
      ...accounts,
    ],
    caller: CALLER,
    to,
    input,
    gas: CALL_GAS,
    expected,
  };
}

export function callWorkloads(): CallWorkload[] {
  const nested = (kind: 'CALL' | 'STATICCALL' | 'DELEGATECALL', gasUsed: bigint) =>
    callWorkload(
      `call/nested-${kind.toLowerCase()}-${NESTED_CALLS}`,
      [
        { address: NESTED_CALLER, code: nestedCaller(kind) },
        { address: NESTED_CALLEE, code: RETURN_ONE },
      ],
      NESTED_CALLER,
      EMPTY,
      success(gasUsed),
    );
  return [
    callWorkload(
      'call/empty',
      [{ address: EMPTY_CALLEE, code: Uint8Array.of(0x00) }],
      EMPTY_CALLEE,
      EMPTY,
      success(0n),
    ),
    callWorkload(
      'call/erc20-transfer',
      tokenAccounts(),
      TOKEN,
      calldata('transfer(address,uint256)', RECIPIENT, TRANSFER_AMOUNT),
      success(12_663n, abiWord(1n)),
    ),
    callWorkload(
      'call/erc20-balanceOf',
      tokenAccounts(),
      TOKEN,
      calldata('balanceOf(address)', CALLER),
      success(2_538n, abiWord(TOKEN_SUPPLY)),
    ),
    nested('CALL', 175_503n),
    nested('STATICCALL', 173_503n),
    nested('DELEGATECALL', 173_503n),
    callWorkload(
      `call/create-${CREATES}`,
      [{ address: CREATOR, code: CREATOR_CODE, nonce: 1n }],
      CREATOR,
      EMPTY,
      success(3_226_114n),
    ),
  ];
}
