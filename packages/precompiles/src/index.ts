import type { Result, Revision } from '@tandem-evm/host';
import { LATEST_REVISION, revisionName } from '@tandem-evm/host';
import { EMPTY_OUTPUT } from './input.js';
import { PRECOMPILES, type Precompile } from './registry.js';

/** What one revision has active, built once so lookups on every CALL stay cheap. */
interface RevisionTable {
  /** Active addresses, ascending. */
  readonly addresses: readonly bigint[];
  /** One past the highest active address: most addresses fail this single comparison. */
  readonly addressLimit: bigint;
  /** Active precompiles indexed by address number; holes for inactive or unused addresses. */
  readonly byAddress: readonly (Precompile | undefined)[];
}

const TABLES: readonly RevisionTable[] = Array.from({ length: LATEST_REVISION + 1 }, (_, revision) => {
  const active = PRECOMPILES.filter((precompile) => precompile.since <= revision);
  const byAddress: (Precompile | undefined)[] = [];
  for (const precompile of active) byAddress[Number(precompile.address)] = precompile;
  return {
    addresses: Object.freeze(active.map((precompile) => precompile.address)),
    addressLimit: BigInt(byAddress.length),
    byAddress,
  };
});

function tableOf(revision: Revision): RevisionTable {
  const table = TABLES[revision];
  if (table === undefined) throw new RangeError(`revision: unknown revision number ${revision}`);
  return table;
}

/** Addresses of the precompiles active in `revision`, ascending (for the EIP-2929 warm set). */
export function precompileAddresses(revision: Revision): readonly bigint[] {
  return tableOf(revision).addresses;
}

function activePrecompile(address: bigint, revision: Revision): Precompile | undefined {
  const table = tableOf(revision);
  return address > 0n && address < table.addressLimit ? table.byAddress[Number(address)] : undefined;
}

/** True if `address` is a precompile in `revision`. Cheap enough for every CALL. */
export function isPrecompile(address: bigint, revision: Revision): boolean {
  return activePrecompile(address, revision) !== undefined;
}

function failure(status: 'out-of-gas' | 'precompile-failure'): Result {
  return { status, gasLeft: 0n, gasRefund: 0n, output: EMPTY_OUTPUT };
}

/**
 * Runs a precompile: status 'success' with gasLeft = gas - cost, or 'out-of-gas' /
 * 'precompile-failure' with gasLeft 0n; gasRefund 0n; output empty on failure.
 * @throws RangeError if `gas` is negative or `address` is not a precompile in `revision`.
 */
export function runPrecompile(address: bigint, input: Uint8Array, gas: bigint, revision: Revision): Result {
  if (gas < 0n) throw new RangeError(`gas: must not be negative, got ${gas}`);
  const precompile = activePrecompile(address, revision);
  if (precompile === undefined) {
    throw new RangeError(
      `address: 0x${address.toString(16)} is not a precompile in ${revisionName(revision)}`,
    );
  }
  const cost = precompile.gas(input, revision);
  if (cost > gas) return failure('out-of-gas');
  const output = precompile.run(input, revision);
  if (output === undefined) return failure('precompile-failure');
  return { status: 'success', gasLeft: gas - cost, gasRefund: 0n, output };
}
