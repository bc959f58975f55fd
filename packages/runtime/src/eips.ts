import type { Revision } from '@tandem-evm/host';

/**
 * Whether EIP `eip`, part of mainnet from revision `since`, applies: the
 * EVM's switch when it set one (`createEvm({ eips })`, a frame's
 * `rules.eips`), otherwise whether `revision` includes it.
 */
export function isEipActive(
  switches: Readonly<Record<number, boolean>> | undefined,
  revision: Revision,
  eip: number,
  since: Revision,
): boolean {
  return switches?.[eip] ?? revision >= since;
}
