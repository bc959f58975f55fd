import type { ExecutionContext } from '@tandem-evm/frame';
import {
  ACCOUNT_CREATION_COST,
  allButOne64th,
  CALL_STIPEND,
  CALL_VALUE_COST,
  initcodeCostPerWord,
  MAX_INITCODE_SIZE,
  numWords,
} from '@tandem-evm/gas';
import { type Address, type CallKind, type Result, Revision, type Status } from '@tandem-evm/host';
import { chargeAccountAccess, chargeDelegationAccess } from './access.js';
import { isEipActive } from './eips.js';
import { chargeGas } from './gas-charges.js';
import { chargeMemory } from './memory.js';

const EMPTY = new Uint8Array(0);

function memorySlice(context: ExecutionContext, offset: bigint, size: bigint): Uint8Array {
  if (size === 0n) return EMPTY;
  const start = Number(offset);
  return context.memory.readable(start, start + Number(size)).slice();
}

/**
 * A view of the caller's memory as a child's calldata, without a copy: the
 * caller's memory cannot change while the child runs, and nothing keeps the
 * input once the child has returned (a precompile's output is its own array).
 * Copying instead costs a memcpy of the whole input per call.
 */
function memoryView(context: ExecutionContext, offset: bigint, size: bigint): Uint8Array {
  if (size === 0n) return EMPTY;
  const start = Number(offset);
  return context.memory.readable(start, start + Number(size));
}

/**
 * CALL, CALLCODE, DELEGATECALL and STATICCALL up to the point where the child
 * frame starts: access and memory costs, value and new-account costs, the gas
 * handed to the child (EIP-150's all but 1/64 from Tangerine Whistle), and the
 * child message. Returns a failure status, or undefined with `pendingCall` set.
 * `value` is 0 for DELEGATECALL and STATICCALL.
 */
export function prepareCall(
  context: ExecutionContext,
  kind: Exclude<CallKind, 'create' | 'create2'>,
  requestedGas: bigint,
  address: Address,
  value: bigint,
  inputOffset: bigint,
  inputSize: bigint,
  outputOffset: bigint,
  outputSize: bigint,
): Status | undefined {
  const revision = context.revision;
  const host = context.host;
  const message = context.message;
  if (!chargeAccountAccess(context, address)) return 'out-of-gas';
  if (revision >= Revision.Prague && !chargeDelegationAccess(context, address)) return 'out-of-gas';
  if (!chargeMemory(context, inputOffset, inputSize) || !chargeMemory(context, outputOffset, outputSize)) {
    return 'out-of-gas';
  }
  const hasValue = value !== 0n;
  let cost = hasValue ? CALL_VALUE_COST : 0;
  if (kind === 'call') {
    if (hasValue && message.isStatic) return 'static-mode-violation';
    // Before EIP-161 any call to a missing account creates it; after, only a call with value to an empty one.
    const createsAccount =
      revision < Revision.SpuriousDragon ? !host.accountExists(address) : hasValue && host.isEmpty(address);
    if (createsAccount) cost += ACCOUNT_CREATION_COST;
  }
  if (!chargeGas(context, cost)) return 'out-of-gas';

  const available = context.gasLeft;
  let childGas: bigint;
  if (revision >= Revision.TangerineWhistle) {
    const cap = allButOne64th(available);
    childGas = requestedGas < cap ? requestedGas : cap;
  } else {
    if (requestedGas > available) return 'out-of-gas';
    childGas = requestedGas;
  }
  context.setGasLeft(available - childGas);
  if (hasValue) childGas += BigInt(CALL_STIPEND);

  context.pendingOutputOffset = outputSize === 0n ? 0 : Number(outputOffset);
  context.pendingOutputSize = Number(outputSize);
  context.pendingCall = {
    kind,
    depth: message.depth + 1,
    gas: childGas,
    sender: kind === 'delegatecall' ? message.sender : message.recipient,
    recipient: kind === 'call' || kind === 'staticcall' ? address : message.recipient,
    codeAddress: address,
    value: kind === 'delegatecall' ? message.value : value,
    input: memoryView(context, inputOffset, inputSize),
    isStatic: message.isStatic || kind === 'staticcall',
  };
  return undefined;
}

/**
 * CREATE and CREATE2 up to the point where the init code starts: memory,
 * EIP-3860 size limit and initcode cost, and the gas handed over.
 */
export function prepareCreate(
  context: ExecutionContext,
  kind: 'create' | 'create2',
  value: bigint,
  offset: bigint,
  size: bigint,
  salt: bigint,
): Status | undefined {
  const revision = context.revision;
  const message = context.message;
  if (message.isStatic) return 'static-mode-violation';
  if (!chargeMemory(context, offset, size)) return 'out-of-gas';
  const limitsInitcode = isEipActive(context.rules?.eips, context.revision, 3860, Revision.Shanghai);
  if (limitsInitcode && size > BigInt(MAX_INITCODE_SIZE) && context.rules?.unlimitedCodeSize !== true) {
    return 'out-of-gas';
  }
  const costPerWord = initcodeCostPerWord(kind === 'create2', revision, limitsInitcode);
  if (!chargeGas(context, numWords(Number(size)) * costPerWord)) return 'out-of-gas';
  const available = context.gasLeft;
  const childGas = revision >= Revision.TangerineWhistle ? allButOne64th(available) : available;
  context.setGasLeft(available - childGas);
  context.pendingOutputSize = 0;
  const child = {
    kind,
    depth: message.depth + 1,
    gas: childGas,
    sender: message.recipient,
    recipient: 0n,
    codeAddress: 0n,
    value,
    input: memorySlice(context, offset, size),
    isStatic: false,
  };
  context.pendingCall = kind === 'create2' ? { ...child, salt } : child;
  return undefined;
}

/**
 * Applies a finished child frame to its parent: return data, output copied
 * to memory, unused gas and (on success) refunds taken back. Returns the word
 * the instruction pushes: success flag for calls, new address or 0 for creates.
 */
export function applyChildResult(context: ExecutionContext, result: Result): bigint {
  const call = context.pendingCall!;
  context.pendingCall = undefined;
  const success = result.status === 'success';
  context.returnData = result.output;
  context.setGasLeft(context.gasLeft + result.gasLeft);
  if (success) context.gasRefund += Number(result.gasRefund);
  if (call.kind === 'create' || call.kind === 'create2') {
    return success && result.createdAddress !== undefined ? result.createdAddress : 0n;
  }
  const copySize = Math.min(context.pendingOutputSize, result.output.length);
  if (copySize > 0) {
    const offset = context.pendingOutputOffset;
    context.memory.writable(offset, offset + copySize).set(result.output.subarray(0, copySize));
  }
  return success ? 1n : 0n;
}
