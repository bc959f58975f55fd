// The JSON objects of blocks, transactions, receipts and logs, as geth and
// anvil answer them (quantities as 0x hex, hashes as 64 hex digits).

import { Revision } from '@tandem-evm/host';
import { addressToHex, bytesToHex } from '@tandem-evm/primitives';
import { EMPTY_TRIE_ROOT, requestsHash } from '@tandem-evm/state';
import { EMPTY_OMMERS_HASH } from './block-header.js';
import type { Block, MinedTransaction } from './chain.js';
import { hash, quantity } from './params.js';

/** A log as eth_getLogs and receipts show it; one transaction per block, so its index is 0. */
export function logObject(tx: MinedTransaction, logIndex: number): Record<string, unknown> {
  const log = tx.outcome.logs[logIndex]!;
  return {
    address: addressToHex(log.address),
    topics: log.topics.map(hash),
    data: bytesToHex(log.data),
    blockNumber: quantity(tx.block.header.number),
    blockHash: hash(tx.block.hash),
    blockTimestamp: quantity(tx.block.header.timestamp),
    transactionHash: hash(tx.hash),
    transactionIndex: '0x0',
    logIndex: quantity(logIndex),
    removed: false,
  };
}

export function transactionObject(tx: MinedTransaction): Record<string, unknown> {
  const { signed } = tx;
  const type = signed.type;
  const fields: Record<string, unknown> = {
    type: quantity(type),
    hash: hash(tx.hash),
    blockHash: hash(tx.block.hash),
    blockNumber: quantity(tx.block.header.number),
    transactionIndex: '0x0',
    from: addressToHex(tx.sender),
    to: signed.to === null ? null : addressToHex(signed.to),
    nonce: quantity(signed.nonce),
    gas: quantity(signed.gasLimit),
    gasPrice: quantity(tx.effectiveGasPrice),
    value: quantity(signed.value),
    input: bytesToHex(signed.data),
    v: quantity(signed.v),
    r: quantity(signed.r),
    s: quantity(signed.s),
  };
  if (signed.chainId !== undefined) fields.chainId = quantity(signed.chainId);
  if (type >= 2) {
    fields.maxFeePerGas = quantity(signed.maxFeePerGas ?? 0n);
    fields.maxPriorityFeePerGas = quantity(signed.maxPriorityFeePerGas ?? 0n);
  }
  if (type >= 1) {
    fields.yParity = quantity(signed.v);
    fields.accessList = (signed.accessList ?? []).map((entry) => ({
      address: addressToHex(entry.address),
      storageKeys: entry.storageKeys.map(hash),
    }));
  }
  return fields;
}

export function receiptObject(tx: MinedTransaction): Record<string, unknown> {
  const { outcome, receipt, signed } = tx;
  return {
    type: quantity(signed.type),
    transactionHash: hash(tx.hash),
    transactionIndex: '0x0',
    blockHash: hash(tx.block.hash),
    blockNumber: quantity(tx.block.header.number),
    from: addressToHex(tx.sender),
    to: signed.to === null ? null : addressToHex(signed.to),
    cumulativeGasUsed: quantity(receipt.cumulativeGasUsed),
    gasUsed: quantity(outcome.gasUsed),
    effectiveGasPrice: quantity(tx.effectiveGasPrice),
    contractAddress: outcome.createdAddress === undefined ? null : addressToHex(outcome.createdAddress),
    logs: outcome.logs.map((_, index) => logObject(tx, index)),
    logsBloom: bytesToHex(receipt.logsBloom),
    status: receipt.succeeded ? '0x1' : '0x0',
  };
}

/** A block; its transactions as hashes, or as objects when `full`. */
export function blockObject(block: Block, revision: Revision, full: boolean): Record<string, unknown> {
  const { header } = block;
  const fields: Record<string, unknown> = {
    number: quantity(header.number),
    hash: hash(block.hash),
    parentHash: hash(header.parentHash),
    nonce: '0x0000000000000000',
    sha3Uncles: hash(EMPTY_OMMERS_HASH),
    logsBloom: bytesToHex(header.logsBloom),
    transactionsRoot: hash(header.transactionsRoot),
    stateRoot: hash(header.stateRoot),
    receiptsRoot: hash(header.receiptsRoot),
    miner: addressToHex(header.coinbase),
    difficulty: '0x0',
    extraData: '0x',
    gasLimit: quantity(header.gasLimit),
    gasUsed: quantity(header.gasUsed),
    timestamp: quantity(header.timestamp),
    mixHash: hash(header.prevRandao),
    transactions: block.transactions.map((tx) => (full ? transactionObject(tx) : hash(tx.hash))),
    uncles: [],
  };
  if (revision >= Revision.London) fields.baseFeePerGas = quantity(header.baseFee);
  if (revision >= Revision.Shanghai) {
    fields.withdrawals = [];
    fields.withdrawalsRoot = hash(EMPTY_TRIE_ROOT);
  }
  if (revision >= Revision.Cancun) {
    fields.blobGasUsed = '0x0';
    fields.excessBlobGas = '0x0';
    fields.parentBeaconBlockRoot = hash(0n);
  }
  if (revision >= Revision.Prague) fields.requestsHash = hash(requestsHash([]));
  return fields;
}
