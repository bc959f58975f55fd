import type { ExecutionContext } from '@tandem-evm/frame';
import { copyCost } from '@tandem-evm/gas';
import type { Status } from '@tandem-evm/host';
import { chargeGas } from './gas-charges.js';
import { chargeMemory, copyToMemory } from './memory.js';

/**
 * CALLDATACOPY, CODECOPY and EXTCODECOPY: memory and per-word cost, then a
 * copy that reads zeros past the end of `source`.
 */
export function copyIntoMemory(
  context: ExecutionContext,
  source: Uint8Array,
  memoryOffset: bigint,
  sourceOffset: bigint,
  size: bigint,
): Status | undefined {
  if (!chargeMemory(context, memoryOffset, size)) return 'out-of-gas';
  const length = Number(size);
  if (!chargeGas(context, copyCost(length))) return 'out-of-gas';
  if (length > 0) copyToMemory(context, Number(memoryOffset), source, sourceOffset, length);
  return undefined;
}

/** RETURNDATACOPY: reading past the end of the return data is an exceptional halt (EIP-211). */
export function returnDataCopy(
  context: ExecutionContext,
  memoryOffset: bigint,
  dataOffset: bigint,
  size: bigint,
): Status | undefined {
  if (!chargeMemory(context, memoryOffset, size)) return 'out-of-gas';
  if (dataOffset + size > BigInt(context.returnData.length)) return 'invalid-memory-access';
  const length = Number(size);
  if (!chargeGas(context, copyCost(length))) return 'out-of-gas';
  if (length > 0) copyToMemory(context, Number(memoryOffset), context.returnData, dataOffset, length);
  return undefined;
}

/** MCOPY (EIP-5656): memory covers both regions; overlapping copies behave like memmove. */
export function mcopy(
  context: ExecutionContext,
  destination: bigint,
  source: bigint,
  size: bigint,
): Status | undefined {
  if (size !== 0n) {
    const end = destination > source ? destination : source;
    if (!chargeMemory(context, end, size)) return 'out-of-gas';
  }
  const length = Number(size);
  if (!chargeGas(context, copyCost(length))) return 'out-of-gas';
  if (length > 0) {
    const from = Number(source);
    const to = Number(destination);
    // One view over both regions, current and writable, for a memmove.
    const start = Math.min(from, to);
    const region = context.memory.writable(start, Math.max(from, to) + length);
    region.copyWithin(to - start, from - start, from - start + length);
  }
  return undefined;
}
