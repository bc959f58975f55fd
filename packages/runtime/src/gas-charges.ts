import type { ExecutionContext } from '@tandem-evm/frame';

/**
 * Charging gas from a frame's counter (ExecutionContext.gasCounter, a JS
 * number) and, only when it runs dry, from the bigint reserve above 2^53-1
 * (decision 0002).
 */

/** Charges `cost` gas; false when out of gas. */
export function chargeGas(context: ExecutionContext, cost: number): boolean {
  return (context.gasCounter -= cost) >= 0 || drawReserve(context);
}

/**
 * Covers a negative `gasCounter` from the reserve, which only a frame given
 * more than 2^53-1 gas has. Returns false if the frame is truly out of gas.
 */
export function drawReserve(context: ExecutionContext): boolean {
  const gasLeft = context.gasLeft;
  if (gasLeft < 0n) return false;
  context.setGasLeft(gasLeft);
  return true;
}

/**
 * Charges `cost` only if the frame can pay it; otherwise changes nothing and
 * returns false. Compiled code uses it to hand an instruction to the
 * interpreter untouched when it would run out of gas.
 */
export function tryChargeGas(context: ExecutionContext, cost: number): boolean {
  if (context.gasCounter >= cost) {
    context.gasCounter -= cost;
    return true;
  }
  if (context.gasLeft < BigInt(cost)) return false;
  context.gasCounter -= cost;
  return drawReserve(context);
}
