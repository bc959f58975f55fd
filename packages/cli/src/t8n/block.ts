import { Revision } from '@tandem-evm/host';
import { type BlockEnv, blobBaseFee, nextBaseFee, nextExcessBlobGas } from '@tandem-evm/state';
import { blockDifficulty } from './difficulty.js';
import type { T8nEnv } from './env.js';
import { T8N_EXIT, T8nError } from './exit-codes.js';
import type { T8nFork } from './fork.js';

/** The block the transactions run in, with what t8n derived for it. */
export interface T8nBlock {
  readonly env: BlockEnv;
  /** Before the merge: given, or derived from the parent; after it, absent (the result says null). */
  readonly difficulty?: bigint;
  /** From London (derived from the parent's when not given); before, as given, if given. */
  readonly baseFee?: bigint;
  /** From Cancun, when the env gives it or the parent's blob gas to derive it; blob transactions need it. */
  readonly excessBlobGas?: bigint;
  readonly blobBaseFee?: bigint;
}

function configError(message: string): never {
  throw new T8nError(T8N_EXIT.config, message);
}

/** London: the base fee given, or derived from the parent's (EIP-1559). */
function baseFeeOf(env: T8nEnv): bigint {
  if (env.baseFee !== undefined) return env.baseFee;
  if (env.parentBaseFee === undefined || env.number === 0n) {
    configError(
      "EIP-1559 needs 'currentBaseFee', or 'parentBaseFee' (with parentGasUsed and parentGasLimit) in env",
    );
  }
  return nextBaseFee({
    baseFee: env.parentBaseFee,
    gasUsed: env.parentGasUsed,
    gasLimit: env.parentGasLimit,
  });
}

/** Before the merge: the difficulty given, or derived from the parent's. */
function difficultyOf(env: T8nEnv, fork: T8nFork): bigint {
  if (env.difficulty !== undefined) return env.difficulty;
  if (env.parentDifficulty === undefined) {
    configError("'currentDifficulty' is missing, and without 'parentDifficulty' it cannot be derived");
  }
  if (env.number === 0n) configError("'currentDifficulty' must be given for block 0");
  if (env.timestamp <= env.parentTimestamp) {
    configError(
      `'currentDifficulty' cannot be derived: currentTimestamp (${env.timestamp}) must come after parentTimestamp (${env.parentTimestamp})`,
    );
  }
  return blockDifficulty({ ...env, parentDifficulty: env.parentDifficulty }, fork.revision, fork.bombDelay);
}

/** Cancun: the excess blob gas given, or derived from the parent's; undefined when neither is there. */
function excessBlobGasOf(env: T8nEnv, revision: Revision): bigint | undefined {
  if (env.excessBlobGas !== undefined) return env.excessBlobGas;
  if (env.parentExcessBlobGas === undefined || env.parentBlobGasUsed === undefined) return undefined;
  return nextExcessBlobGas(
    {
      excessBlobGas: env.parentExcessBlobGas,
      blobGasUsed: env.parentBlobGasUsed,
      baseFee: env.parentBaseFee ?? 0n,
    },
    revision,
  );
}

/**
 * The block of `env` under `fork`, checked as go-ethereum checks it: London
 * needs a base fee (or the parent's to derive it), Shanghai withdrawals, the
 * merge a `currentRandom` and no difficulty, Cancun a parent beacon block root;
 * before the merge the difficulty is derived from the parent when missing.
 * @throws T8nError (exit 3) for an env the fork cannot run.
 */
export function deriveBlock(env: T8nEnv, fork: T8nFork, chainId: bigint): T8nBlock {
  const { revision } = fork;
  // Before London a given base fee is only echoed in the result (no opcode or rule reads it).
  const baseFee = revision >= Revision.London ? baseFeeOf(env) : env.baseFee;
  if (revision >= Revision.Shanghai && env.withdrawals === undefined) {
    configError("Shanghai needs 'withdrawals' in env");
  }
  let difficulty: bigint | undefined;
  if (revision >= Revision.Paris) {
    if (env.random === undefined) configError("after the merge, env needs 'currentRandom'");
    if (env.difficulty !== undefined && env.difficulty !== 0n) {
      configError("after the merge, 'currentDifficulty' must be zero or omitted");
    }
  } else {
    difficulty = difficultyOf(env, fork);
  }
  if (revision >= Revision.Cancun && env.parentBeaconBlockRoot === undefined) {
    configError("Cancun needs 'parentBeaconBlockRoot' in env");
  }
  const excessBlobGas = revision >= Revision.Cancun ? excessBlobGasOf(env, revision) : undefined;
  return {
    env: {
      coinbase: env.coinbase,
      number: env.number,
      timestamp: env.timestamp,
      gasLimit: env.gasLimit,
      // DIFFICULTY before the merge, PREVRANDAO after it (EIP-4399).
      prevRandao: revision >= Revision.Paris ? (env.random ?? 0n) : (difficulty ?? 0n),
      baseFee: baseFee ?? 0n,
      excessBlobGas: excessBlobGas ?? 0n,
      chainId,
    },
    ...(difficulty !== undefined ? { difficulty } : {}),
    ...(baseFee !== undefined ? { baseFee } : {}),
    ...(excessBlobGas !== undefined
      ? { excessBlobGas, blobBaseFee: blobBaseFee(excessBlobGas, revision) }
      : {}),
  };
}
