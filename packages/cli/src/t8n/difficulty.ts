import { Revision } from '@tandem-evm/host';
import { EMPTY_LOGS_HASH } from '@tandem-evm/state';

/** What a proof-of-work block's difficulty depends on. */
export interface DifficultyInputs {
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly parentTimestamp: bigint;
  readonly parentDifficulty: bigint;
  /** The parent's ommers hash: anything but the empty list's hash (or zero, for "not given") means it had ommers. */
  readonly parentUncleHash: bigint;
}

/** keccak-256 of the RLP of an empty list: the ommers hash of a block without ommers (and the empty logs hash). */
const EMPTY_OMMERS_HASH = EMPTY_LOGS_HASH;
const MINIMUM_DIFFICULTY = 131_072n;
const BOUND_DIVISOR = 2048n;
const BOMB_PERIOD = 100_000n;

/**
 * Ethash's difficulty of a block: the parent's, adjusted by 1/2048 for how
 * fast the parent came (Frontier: faster than 13 s goes up; Homestead,
 * EIP-2: by `1 − Δt/10`, at least −99; Byzantium, EIP-100: `(2 if the parent
 * had ommers else 1) − Δt/9`), at least 131,072, plus the ice age's
 * `2^(period − 2)` with the period counted on the block number less `bombDelay`.
 */
export function blockDifficulty(inputs: DifficultyInputs, revision: Revision, bombDelay: bigint): bigint {
  const { parentDifficulty } = inputs;
  const step = parentDifficulty / BOUND_DIVISOR;
  const elapsed = inputs.timestamp - inputs.parentTimestamp;
  let adjustment: bigint;
  if (revision >= Revision.Byzantium) {
    const hadOmmers = inputs.parentUncleHash !== 0n && inputs.parentUncleHash !== EMPTY_OMMERS_HASH;
    adjustment = (hadOmmers ? 2n : 1n) - elapsed / 9n;
  } else if (revision >= Revision.Homestead) {
    adjustment = 1n - elapsed / 10n;
  } else {
    adjustment = elapsed < 13n ? 1n : -1n;
  }
  if (adjustment < -99n) adjustment = -99n;
  let difficulty = parentDifficulty + step * adjustment;
  if (difficulty < MINIMUM_DIFFICULTY) difficulty = MINIMUM_DIFFICULTY;
  const fakeNumber = inputs.number > bombDelay ? inputs.number - bombDelay : 0n;
  const period = fakeNumber / BOMB_PERIOD;
  if (period > 1n) difficulty += 1n << (period - 2n);
  return difficulty;
}
