import type { Address } from '@tandem-evm/host';
import type { Withdrawal } from '@tandem-evm/state';
import { type Json, jsonAddress, jsonArray, jsonFail, jsonNumber, jsonObject } from './json.js';

/** An ommer of the block: it earns a share of the reward by how far back it is. */
export interface Ommer {
  readonly delta: bigint;
  readonly address: Address;
}

/**
 * The `env` input, as go-ethereum's t8n reads it: the block's own fields,
 * and the parent's from which missing ones are derived.
 */
export interface T8nEnv {
  readonly coinbase: Address;
  readonly gasLimit: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly difficulty?: bigint;
  readonly random?: bigint;
  readonly baseFee?: bigint;
  readonly excessBlobGas?: bigint;
  readonly parentDifficulty?: bigint;
  readonly parentTimestamp: bigint;
  readonly parentUncleHash: bigint;
  readonly parentBaseFee?: bigint;
  readonly parentGasUsed: bigint;
  readonly parentGasLimit: bigint;
  readonly parentExcessBlobGas?: bigint;
  readonly parentBlobGasUsed?: bigint;
  readonly parentBeaconBlockRoot?: bigint;
  /** BLOCKHASH answers, by block number; absent means none given. */
  readonly blockHashes?: ReadonlyMap<bigint, bigint>;
  readonly ommers: readonly Ommer[];
  /** Absent means none given (an error from Shanghai); empty means a block without withdrawals. */
  readonly withdrawals?: readonly Withdrawal[];
}

/** `json[key]` as a number, or undefined when absent or null (geth's optional fields). */
function optionalNumber(json: Json, key: string): bigint | undefined {
  const value = json[key];
  return value === undefined || value === null ? undefined : jsonNumber(value, `env.${key}`);
}

function parseWithdrawals(value: unknown): Withdrawal[] {
  return jsonArray(value, 'env.withdrawals').map((item, i) => {
    const where = `env.withdrawals[${i}]`;
    const w = jsonObject(item, where);
    return {
      index: jsonNumber(w.index, `${where}.index`),
      validatorIndex: jsonNumber(w.validatorIndex, `${where}.validatorIndex`),
      address: jsonAddress(w.address, `${where}.address`),
      amount: jsonNumber(w.amount, `${where}.amount`),
    };
  });
}

/**
 * Parses the `env` input.
 * @throws T8nError (exit 10) naming the field that is missing or malformed.
 */
export function parseT8nEnv(value: unknown): T8nEnv {
  const env = jsonObject(value, 'env');
  const required = (key: string): bigint => {
    if (env[key] === undefined || env[key] === null) jsonFail(`env.${key} is required`);
    return jsonNumber(env[key], `env.${key}`);
  };
  const optional = (key: string) => optionalNumber(env, key);
  const optionalFields = {
    difficulty: optional('currentDifficulty'),
    random: optional('currentRandom'),
    baseFee: optional('currentBaseFee'),
    excessBlobGas: optional('currentExcessBlobGas'),
    parentDifficulty: optional('parentDifficulty'),
    parentBaseFee: optional('parentBaseFee'),
    parentExcessBlobGas: optional('parentExcessBlobGas'),
    parentBlobGasUsed: optional('parentBlobGasUsed'),
    parentBeaconBlockRoot: optional('parentBeaconBlockRoot'),
  };
  const blockHashes =
    env.blockHashes === undefined || env.blockHashes === null
      ? undefined
      : new Map(
          Object.entries(jsonObject(env.blockHashes, 'env.blockHashes')).map(([number, hash]) => [
            jsonNumber(number, 'env.blockHashes key'),
            jsonNumber(hash, `env.blockHashes[${number}]`),
          ]),
        );
  const withdrawals =
    env.withdrawals === undefined || env.withdrawals === null ? undefined : parseWithdrawals(env.withdrawals);
  return {
    coinbase: jsonAddress(env.currentCoinbase, 'env.currentCoinbase'),
    gasLimit: required('currentGasLimit'),
    number: required('currentNumber'),
    timestamp: required('currentTimestamp'),
    ...Object.fromEntries(Object.entries(optionalFields).filter(([, v]) => v !== undefined)),
    parentTimestamp: optional('parentTimestamp') ?? 0n,
    parentUncleHash: optional('parentUncleHash') ?? 0n,
    parentGasUsed: optional('parentGasUsed') ?? 0n,
    parentGasLimit: optional('parentGasLimit') ?? 0n,
    ...(blockHashes !== undefined ? { blockHashes } : {}),
    ommers: jsonArray(env.ommers ?? [], 'env.ommers').map((item, i) => {
      const ommer = jsonObject(item, `env.ommers[${i}]`);
      return {
        delta: jsonNumber(ommer.delta, `env.ommers[${i}].delta`),
        address: jsonAddress(ommer.address, `env.ommers[${i}].address`),
      };
    }),
    ...(withdrawals !== undefined ? { withdrawals } : {}),
  };
}
