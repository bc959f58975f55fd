import type { ExecutionContext } from '@tandem-evm/frame';
import type { Revision } from '@tandem-evm/host';

/**
 * Whether EIP `eip`, part of mainnet from revision `since`, applies to the
 * frame: the EVM's switch when it set one (`createEvm({ eips })`), otherwise
 * whether the frame's revision includes it.
 */
export function isEipActive(context: ExecutionContext, eip: number, since: Revision): boolean {
  const rules = context.rules;
  if (rules === undefined) return context.revision >= since;
  return rules.eips[eip] ?? context.revision >= since;
}
