// eth_getLogs: the logs of a range of blocks (or of one block by hash), filtered by address and topics.
import { requireBlock } from './blocks.js';
import type { Block } from './chain.js';
import type { Method } from './context.js';
import { invalidParams } from './errors.js';
import { param, readAddress, readHash, readObject } from './params.js';
import { logObject } from './rpc-objects.js';

/** One position of a topic filter: any topic (null), or one of a set. */
type TopicFilter = ReadonlySet<bigint> | null;

function readAddresses(value: unknown, field: string): ReadonlySet<bigint> | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  return new Set(
    list.map((address, i) => readAddress(address, Array.isArray(value) ? `${field}[${i}]` : field)),
  );
}

function readTopics(value: unknown, field: string): TopicFilter[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParams(field, 'must be an array');
  return value.map((entry, i) => {
    if (entry === null) return null;
    const list = Array.isArray(entry) ? entry : [entry];
    return new Set(
      list.map((topic, k) =>
        readHash(topic, Array.isArray(entry) ? `${field}[${i}][${k}]` : `${field}[${i}]`),
      ),
    );
  });
}

const eth_getLogs: Method = ({ chain }, params) => {
  const filter = readObject(param(params, 0), 'params[0]');
  let blocks: Block[];
  if (filter.blockHash !== undefined) {
    if (filter.fromBlock !== undefined || filter.toBlock !== undefined) {
      throw invalidParams('params[0].blockHash', 'cannot be given with fromBlock or toBlock');
    }
    const block = chain.blockByHash(readHash(filter.blockHash, 'params[0].blockHash'));
    if (block === undefined)
      throw invalidParams('params[0].blockHash', 'names a block the chain does not have');
    blocks = [block];
  } else {
    const from = requireBlock(chain, filter.fromBlock, 'params[0].fromBlock').header.number;
    const to = requireBlock(chain, filter.toBlock, 'params[0].toBlock').header.number;
    if (from > to) throw invalidParams('params[0].fromBlock', 'is after toBlock');
    blocks = [];
    for (let n = from; n <= to; n++) blocks.push(chain.block(n)!);
  }
  const addresses = readAddresses(filter.address, 'params[0].address');
  const topics = readTopics(filter.topics, 'params[0].topics');
  const matches: Record<string, unknown>[] = [];
  for (const block of blocks) {
    for (const tx of block.transactions) {
      tx.outcome.logs.forEach((log, index) => {
        if (addresses !== null && !addresses.has(log.address)) return;
        const topicsMatch = topics.every(
          (wanted, i) => wanted === null || (i < log.topics.length && wanted.has(log.topics[i]!)),
        );
        if (topicsMatch) matches.push(logObject(tx, index));
      });
    }
  }
  return matches;
};

export const logMethods: Record<string, Method> = { eth_getLogs };
