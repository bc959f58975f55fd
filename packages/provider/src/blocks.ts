// Methods that read the chain of blocks: numbers, blocks, fees.
import type { Block, Chain } from './chain.js';
import type { Method } from './context.js';
import { invalidParams } from './errors.js';
import { param, quantity, readBoolean, readHash, readObject, readQuantity } from './params.js';
import { blockObject } from './rpc-objects.js';

const LATEST_TAGS = new Set(['latest', 'pending', 'safe', 'finalized']);
/** What eth_maxPriorityFeePerGas suggests and eth_sendTransaction tips by default: 1 gwei, as anvil does. */
export const DEFAULT_PRIORITY_FEE = 1_000_000_000n;

/**
 * The block a block parameter names: a tag (`latest`, `pending`, `safe` and
 * `finalized` are all the latest block: blocks are final at once; `earliest`
 * is genesis), a number, or an EIP-1898 object `{ blockNumber }` /
 * `{ blockHash }`. Undefined for a block the chain does not have.
 */
function findBlock(chain: Chain, value: unknown, field: string): Block | undefined {
  if (value === undefined || (typeof value === 'string' && LATEST_TAGS.has(value))) return chain.latest;
  if (value === 'earliest') return chain.block(0n);
  if (typeof value === 'object' && value !== null) {
    const object = readObject(value, field);
    if (object.blockHash !== undefined)
      return chain.blockByHash(readHash(object.blockHash, `${field}.blockHash`));
    return findBlock(chain, object.blockNumber, `${field}.blockNumber`);
  }
  if (typeof value !== 'string' || !value.startsWith('0x')) {
    throw invalidParams(
      field,
      `must be a block number or latest, pending, safe, finalized or earliest, got ${JSON.stringify(value)}`,
    );
  }
  return chain.block(readQuantity(value, field));
}

/** Like `findBlock`, for methods that need the block: an unknown one is invalid params. */
export function requireBlock(chain: Chain, value: unknown, field: string): Block {
  const block = findBlock(chain, value, field);
  if (block === undefined)
    throw invalidParams(field, `names a block the chain does not have: ${JSON.stringify(value)}`);
  return block;
}

const eth_chainId: Method = ({ chain }) => quantity(chain.chainId);
const net_version: Method = ({ chain }) => chain.chainId.toString();
const eth_blockNumber: Method = ({ chain }) => quantity(chain.latest.header.number);

const eth_getBlockByNumber: Method = ({ chain }, params) => {
  const block = findBlock(chain, param(params, 0), 'params[0]');
  const full = params[1] === undefined ? false : readBoolean(params[1], 'params[1]');
  return block === undefined ? null : blockObject(block, chain.executor.revision, full);
};

const eth_getBlockByHash: Method = ({ chain }, params) => {
  const block = chain.blockByHash(readHash(param(params, 0), 'params[0]'));
  const full = params[1] === undefined ? false : readBoolean(params[1], 'params[1]');
  return block === undefined ? null : blockObject(block, chain.executor.revision, full);
};

/** The next block's base fee plus the default tip: a legacy gas price that gets a transaction in. */
const eth_gasPrice: Method = ({ chain }) => quantity(chain.nextBaseFee() + DEFAULT_PRIORITY_FEE);
const eth_maxPriorityFeePerGas: Method = () => quantity(DEFAULT_PRIORITY_FEE);

/**
 * EIP-1559 fee history over the `blockCount` blocks up to `newestBlock`:
 * base fees (one more than the blocks: the next block's), gas used ratios and,
 * when percentiles are asked, each block's tip at them (one transaction a block:
 * its tip at every percentile, zero for an empty block).
 */
const eth_feeHistory: Method = ({ chain }, params) => {
  const count = readQuantity(param(params, 0), 'params[0]', 1024n);
  const newest = requireBlock(chain, param(params, 1), 'params[1]');
  const percentiles = params[2] ?? [];
  if (!Array.isArray(percentiles) || percentiles.some((p) => typeof p !== 'number' || p < 0 || p > 100)) {
    throw invalidParams('params[2]', 'must be an array of percentiles from 0 to 100');
  }
  const newestNumber = newest.header.number;
  const oldest = newestNumber + 1n - count > 0n ? newestNumber + 1n - count : 0n;
  const blocks: Block[] = [];
  for (let n = oldest; n <= newestNumber; n++) blocks.push(chain.block(n)!);
  const next = newest === chain.latest ? chain.nextBaseFee() : chain.block(newestNumber + 1n)!.header.baseFee;
  return {
    oldestBlock: quantity(oldest),
    baseFeePerGas: [...blocks.map((block) => quantity(block.header.baseFee)), quantity(next)],
    gasUsedRatio: blocks.map((block) => Number(block.header.gasUsed) / Number(block.header.gasLimit)),
    ...(params[2] === undefined
      ? {}
      : {
          reward: blocks.map((block) => {
            const tx = block.transactions[0];
            const tip = tx === undefined ? 0n : tx.effectiveGasPrice - block.header.baseFee;
            return percentiles.map(() => quantity(tip));
          }),
        }),
  };
};

export const blockMethods: Record<string, Method> = {
  eth_chainId,
  net_version,
  eth_blockNumber,
  eth_getBlockByNumber,
  eth_getBlockByHash,
  eth_gasPrice,
  eth_maxPriorityFeePerGas,
  eth_feeHistory,
};
