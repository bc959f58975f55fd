import { SWITCHABLE_EIPS } from '@tandem-evm/evm';
import { parseRevision, Revision } from '@tandem-evm/host';
import { T8N_EXIT, T8nError } from './exit-codes.js';

/** What `--state.fork` selects: a revision, EIPs switched on top of it, and the difficulty bomb's delay. */
export interface T8nFork {
  readonly name: string;
  readonly revision: Revision;
  /** `Fork+EIP+EIP`: extra EIPs for `createEvm({ eips })`. */
  readonly eips: Readonly<Record<number, boolean>>;
  /** Blocks the difficulty bomb is pushed back by (EIP-649 and its successors); 0 before Byzantium. */
  readonly bombDelay: bigint;
}

/** go-ethereum's names for the forks that only moved the difficulty bomb. */
const BOMB_ONLY_FORKS: Readonly<Record<string, { revision: Revision; bombDelay: bigint }>> = {
  MuirGlacier: { revision: Revision.Istanbul, bombDelay: 9_000_000n },
  ArrowGlacier: { revision: Revision.London, bombDelay: 10_700_000n },
  GrayGlacier: { revision: Revision.London, bombDelay: 11_400_000n },
};

/** The bomb delay each revision brings: EIP-649 (Byzantium), EIP-1234, EIP-2384 (Muir Glacier, before Berlin), EIP-3554 (London). */
function bombDelayOf(revision: Revision): bigint {
  if (revision >= Revision.London) return 9_700_000n;
  if (revision >= Revision.Berlin) return 9_000_000n;
  if (revision >= Revision.Constantinople) return 5_000_000n;
  if (revision >= Revision.Byzantium) return 3_000_000n;
  return 0n;
}

/**
 * Parses `--state.fork`: a fork name as geth and the fixtures spell it
 * (`Berlin`, `EIP150`, `Merge`, `GrayGlacier`…), optionally with `+EIP` suffixes.
 * @throws T8nError (exit 3) for an unknown fork or an EIP Tandem cannot switch on.
 */
export function parseT8nFork(text: string): T8nFork {
  const [name = '', ...extra] = text.split('+');
  const bombOnly = BOMB_ONLY_FORKS[name];
  let revision: Revision;
  try {
    revision = bombOnly?.revision ?? parseRevision(name, '--state.fork');
  } catch (error) {
    throw new T8nError(T8N_EXIT.config, (error as Error).message);
  }
  const eips: Record<number, boolean> = {};
  for (const eip of extra) {
    if (!/^[0-9]+$/.test(eip) || SWITCHABLE_EIPS[Number(eip)] === undefined) {
      throw new T8nError(T8N_EXIT.config, `--state.fork: EIP '${eip}' cannot be switched on in ${text}`);
    }
    eips[Number(eip)] = true;
  }
  return { name: text, revision, eips, bombDelay: bombOnly?.bombDelay ?? bombDelayOf(revision) };
}
