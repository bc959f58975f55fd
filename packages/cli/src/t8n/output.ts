import type { Log } from '@tandem-evm/host';
import { addressToHex, bigintToHex, bytesToHex } from '@tandem-evm/primitives';
import {
  type AccountData,
  encodeSignedTransaction,
  logsBloom,
  logsHash,
  receiptsRoot,
  requestsHash,
  stateRoot,
  transactionsRoot,
  withdrawalsRoot,
} from '@tandem-evm/state';
import type { T8nEnv } from './env.js';
import type { IncludedTransaction, TransitionOutput } from './transition.js';

// The JSON go-ethereum's t8n writes: numbers as minimal 0x hex, hashes as 32 bytes.

/** go-ethereum's t8n names the block it builds 0x1337…, since it has no header to hash. */
const T8N_BLOCK_HASH = 0x1337n << 240n;
const ZERO_ADDRESS = addressToHex(0n);

const hash = (value: bigint): string => `0x${value.toString(16).padStart(64, '0')}`;

/** One account of the `alloc` output: zero nonce, empty code and empty storage are left out; balance never is. */
function allocAccount(account: AccountData): Record<string, unknown> {
  const storage = [...account.storage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...(account.code.length > 0 ? { code: bytesToHex(account.code) } : {}),
    ...(storage.length > 0
      ? { storage: Object.fromEntries(storage.map(([key, value]) => [hash(key), hash(value)])) }
      : {}),
    balance: bigintToHex(account.balance),
    ...(account.nonce !== 0n ? { nonce: bigintToHex(account.nonce) } : {}),
  };
}

/** The post-state as an `alloc` object, by address in ascending order. */
export function allocJson(accounts: Iterable<readonly [bigint, AccountData]>): Record<string, unknown> {
  const sorted = [...accounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    sorted.map(([address, account]) => [addressToHex(address), allocAccount(account)]),
  );
}

function logJson(log: Log, included: IncludedTransaction, position: number, env: T8nEnv, logIndex: number) {
  return {
    address: addressToHex(log.address),
    topics: log.topics.map(hash),
    data: bytesToHex(log.data),
    blockNumber: bigintToHex(env.number),
    transactionHash: hash(included.hash),
    transactionIndex: bigintToHex(BigInt(position)),
    blockHash: hash(T8N_BLOCK_HASH),
    blockTimestamp: bigintToHex(env.timestamp),
    logIndex: bigintToHex(BigInt(logIndex)),
    removed: false,
  };
}

function receiptsJson(output: TransitionOutput, env: T8nEnv): Record<string, unknown>[] {
  let logIndex = 0;
  return output.included.map((included, position) => {
    const { receipt, tx } = included;
    return {
      ...(tx.type !== 0 ? { type: bigintToHex(BigInt(tx.type)) } : {}),
      root: receipt.postStateRoot !== undefined ? hash(receipt.postStateRoot) : '0x',
      status: receipt.succeeded && receipt.postStateRoot === undefined ? '0x1' : '0x0',
      cumulativeGasUsed: bigintToHex(receipt.cumulativeGasUsed),
      logsBloom: bytesToHex(receipt.logsBloom),
      logs: receipt.logs.map((log) => logJson(log, included, position, env, logIndex++)),
      transactionHash: hash(included.hash),
      contractAddress:
        included.contractAddress !== undefined ? addressToHex(included.contractAddress) : ZERO_ADDRESS,
      gasUsed: bigintToHex(included.gasUsed),
      // go-ethereum's t8n leaves it unset, and prints null.
      effectiveGasPrice: null,
      ...(tx.type === 3
        ? {
            blobGasUsed: bigintToHex(included.blobGasUsed),
            blobGasPrice: bigintToHex(output.block.blobBaseFee ?? 0n),
          }
        : {}),
      blockHash: hash(T8N_BLOCK_HASH),
      blockNumber: bigintToHex(env.number),
      transactionIndex: bigintToHex(BigInt(position)),
    };
  });
}

/** The `result` output: the roots, hashes and receipts a header would commit to, and what was rejected. */
export function resultJson(output: TransitionOutput, env: T8nEnv): Record<string, unknown> {
  const { block, included, requests } = output;
  const logs = included.flatMap(({ receipt }) => receipt.logs);
  return {
    stateRoot: hash(stateRoot(output.state)),
    txRoot: hash(transactionsRoot(included.map(({ tx }) => encodeSignedTransaction(tx)))),
    receiptsRoot: hash(receiptsRoot(included.map(({ receipt }) => receipt))),
    logsHash: hash(logsHash(logs)),
    logsBloom: bytesToHex(logsBloom(logs)),
    receipts: receiptsJson(output, env),
    ...(output.rejected.length > 0 ? { rejected: output.rejected } : {}),
    currentDifficulty: block.difficulty !== undefined ? bigintToHex(block.difficulty) : null,
    gasUsed: bigintToHex(output.gasUsed),
    ...(block.baseFee !== undefined ? { currentBaseFee: bigintToHex(block.baseFee) } : {}),
    ...(env.withdrawals !== undefined ? { withdrawalsRoot: hash(withdrawalsRoot(env.withdrawals)) } : {}),
    ...(block.excessBlobGas !== undefined
      ? {
          currentExcessBlobGas: bigintToHex(block.excessBlobGas),
          blobGasUsed: bigintToHex(output.blobGasUsed),
        }
      : {}),
    ...(requests !== undefined ? { requestsHash: hash(requestsHash(requests)) } : {}),
    // Only the requests that carry data; null before Prague.
    requests: requests?.filter((item) => item.length > 1).map(bytesToHex) ?? null,
  };
}
