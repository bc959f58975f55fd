import { type ExecutionContext, MAX_MEMORY_SIZE } from '@tandem-evm/frame';
import { memoryExpansionCost } from '@tandem-evm/gas';

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
  if ((context.gasLeft -= cost) < 0 && !drawReserve(context)) return false;
  memory.grow(newWords * 32);
  return true;
}

/**
 * Covers a negative `gasLeft` from the reserve, which only a frame given more
 * than 2^53-1 gas has. Returns false if the frame is truly out of gas.
 */
export function drawReserve(context: ExecutionContext): boolean {
  const total = context.gasReserve + BigInt(context.gasLeft);
  if (total < 0n) return false;
  context.setGas(total);
  return true;
}

/** Charges `cost` gas; false when out of gas. */
export function chargeGas(context: ExecutionContext, cost: number): boolean {
  return (context.gasLeft -= cost) >= 0 || drawReserve(context);
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
  const bytes = context.memory.bytes;
  const available =
    sourceOffset >= BigInt(source.length) ? 0 : Math.min(size, source.length - Number(sourceOffset));
  if (available > 0) {
    const start = Number(sourceOffset);
    bytes.set(source.subarray(start, start + available), destination);
  }
  if (available < size) bytes.fill(0, destination + available, destination + size);
  context.memory.forget(destination, destination + size);
}

/**
 * Charges `cost` only if the frame can pay it; otherwise changes nothing and
 * returns false. Compiled code uses it to hand an instruction to the
 * interpreter untouched when it would run out of gas.
 */
export function tryChargeGas(context: ExecutionContext, cost: number): boolean {
  if (context.gasLeft >= cost) {
    context.gasLeft -= cost;
    return true;
  }
  if (context.gasReserve + BigInt(context.gasLeft) < BigInt(cost)) return false;
  context.gasLeft -= cost;
  return drawReserve(context);
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
