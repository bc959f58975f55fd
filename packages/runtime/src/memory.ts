import { type ExecutionContext, MAX_MEMORY_SIZE } from '@tandem-evm/frame';
import { memoryExpansionCost } from '@tandem-evm/gas';
import { chargeGas, tryChargeGas } from './gas-charges.js';

const MAX_MEMORY_BIG = BigInt(MAX_MEMORY_SIZE);

/**
 * Charges for memory covering [offset, offset + size) and grows it. Returns
 * false when the frame is out of gas (including regions past 4 GiB, which no
 * gas can pay for on mainnet). A zero size touches nothing, whatever the offset.
 */
export function chargeMemory(context: ExecutionContext, offset: bigint, size: bigint): boolean {
  if (size === 0n) return true;
  if (offset > MAX_MEMORY_BIG || size > MAX_MEMORY_BIG) return false;
  const end = Number(offset) + Number(size);
  if (end > MAX_MEMORY_SIZE) return false;
  return chargeMemoryEnd(context, end);
}

/** Like chargeMemory for a region whose end is already a small number. */
export function chargeMemoryEnd(context: ExecutionContext, end: number): boolean {
  const memory = context.memory;
  if (end <= memory.size) return true;
  const newWords = Math.ceil(end / 32);
  const cost = memoryExpansionCost(memory.size / 32, newWords);
  if (!chargeGas(context, cost)) return false;
  memory.grow(newWords * 32);
  return true;
}

/**
 * Copies `size` bytes of `source` from `sourceOffset` into memory at
 * `destination`, zero-filling what lies past the end of `source`.
 * The memory region must already be charged.
 */
export function copyToMemory(
  context: ExecutionContext,
  destination: number,
  source: Uint8Array,
  sourceOffset: bigint,
  size: number,
): void {
  const region = context.memory.writable(destination, destination + size);
  const available =
    sourceOffset >= BigInt(source.length) ? 0 : Math.min(size, source.length - Number(sourceOffset));
  if (available > 0) {
    const start = Number(sourceOffset);
    region.set(source.subarray(start, start + available));
  }
  if (available < size) region.fill(0, available);
}

/** Grows memory to cover `end` bytes if the frame can pay for it; otherwise changes nothing and returns false. */
export function tryExpandMemory(context: ExecutionContext, end: number): boolean {
  const memory = context.memory;
  if (end <= memory.size) return true;
  if (end > MAX_MEMORY_SIZE) return false;
  const newWords = Math.ceil(end / 32);
  if (!tryChargeGas(context, memoryExpansionCost(memory.size / 32, newWords))) return false;
  memory.grow(newWords * 32);
  return true;
}
