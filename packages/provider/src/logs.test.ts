import { describe, expect, it } from 'vitest';
import { deploy, testChain } from './test/rpc.js';

const word = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('eth_getLogs', () => {
  it('filters by block range, address and topics', async () => {
    const chain = await testChain();
    // LOG2 with topics (calldata word, 7) and no data.
    const source = 'PUSH1 7 PUSH0 CALLDATALOAD PUSH0 PUSH0 LOG2';
    const first = await deploy(chain, 0x1000n, source);
    const second = await deploy(chain, 0x2000n, source);
    const send = (to: string, topic: number) =>
      chain.rpc('eth_sendTransaction', { from: chain.alice, to, data: word(topic) });
    const hashes = [await send(first, 1), await send(second, 2), await send(first, 3)];

    const all = await chain.rpc('eth_getLogs', { fromBlock: '0x0' });
    expect(all.map((log: { transactionHash: string }) => log.transactionHash)).toEqual(hashes);
    expect(all[0]).toMatchObject({
      address: first,
      topics: [word(1), word(7)],
      data: '0x',
      blockNumber: '0x1',
      logIndex: '0x0',
    });

    const byAddress = await chain.rpc('eth_getLogs', { fromBlock: 'earliest', address: [second] });
    expect(byAddress.map((log: { blockNumber: string }) => log.blockNumber)).toEqual(['0x2']);
    const byTopic = await chain.rpc('eth_getLogs', {
      fromBlock: '0x1',
      topics: [[word(1), word(3)], word(7)],
    });
    expect(byTopic.map((log: { blockNumber: string }) => log.blockNumber)).toEqual(['0x1', '0x3']);
    const wildcard = await chain.rpc('eth_getLogs', {
      fromBlock: '0x1',
      toBlock: '0x2',
      topics: [null, word(7)],
    });
    expect(wildcard).toHaveLength(2);
    expect(await chain.rpc('eth_getLogs', { topics: [null, null, word(7)] })).toEqual([]);
    // Without a range: the latest block alone.
    expect(await chain.rpc('eth_getLogs', {})).toHaveLength(1);
    const block = await chain.rpc('eth_getBlockByNumber', '0x2', false);
    expect(await chain.rpc('eth_getLogs', { blockHash: block.hash })).toEqual(byAddress);
  });

  it('refuses a bad filter, naming the field', async () => {
    const chain = await testChain();
    expect((await chain.rpcError('eth_getLogs', { address: '0x1' })).message).toContain('params[0].address');
    expect((await chain.rpcError('eth_getLogs', { topics: ['0x1'] })).message).toContain(
      'params[0].topics[0]',
    );
    await chain.rpc('evm_mine');
    expect((await chain.rpcError('eth_getLogs', { fromBlock: '0x1', toBlock: '0x0' })).message).toContain(
      'is after toBlock',
    );
  });
});
