import { describe, expect, it } from 'vitest';
import { testChain } from './test/rpc.js';

describe('chain and block methods', () => {
  it('answers the chain id, the block number and the genesis block', async () => {
    const { rpc } = await testChain();
    expect(await rpc('eth_chainId')).toBe('0x7a69');
    expect(await rpc('net_version')).toBe('31337');
    expect(await rpc('eth_blockNumber')).toBe('0x0');
    const genesis = await rpc('eth_getBlockByNumber', 'latest', false);
    expect(genesis).toMatchObject({
      number: '0x0',
      baseFeePerGas: '0x3b9aca00',
      timestamp: '0x6553f100',
      transactions: [],
    });
    expect(await rpc('eth_getBlockByHash', genesis.hash, false)).toEqual(genesis);
    expect(await rpc('eth_getBlockByNumber', 'earliest', false)).toEqual(genesis);
    expect(await rpc('eth_getBlockByNumber', '0x5', false)).toBeNull();
  });

  it('mines empty blocks with evm_mine and anvil_mine; the base fee falls as EIP-1559 says', async () => {
    const { rpc } = await testChain();
    await rpc('evm_mine');
    await rpc('anvil_mine', '0x3', '0xc');
    expect(await rpc('eth_blockNumber')).toBe('0x4');
    const one = await rpc('eth_getBlockByNumber', '0x1', false);
    const four = await rpc('eth_getBlockByNumber', '0x4', false);
    // An empty parent lowers the base fee by 1/8.
    expect(BigInt(one.baseFeePerGas)).toBe((1_000_000_000n * 7n) / 8n);
    expect(BigInt(four.timestamp) - BigInt(one.timestamp)).toBe(36n);
    expect(four.parentHash).toBe((await rpc('eth_getBlockByNumber', '0x3', false)).hash);
    await rpc('evm_mine', '0x7fffffff');
    expect((await rpc('eth_getBlockByNumber', 'latest', false)).timestamp).toBe('0x7fffffff');
  });

  it('suggests fees and answers eth_feeHistory', async () => {
    const { rpc } = await testChain();
    await rpc('evm_mine');
    expect(await rpc('eth_maxPriorityFeePerGas')).toBe('0x3b9aca00');
    const nextBaseFee = (1_000_000_000n * 49n) / 64n;
    expect(BigInt(await rpc('eth_gasPrice'))).toBe(nextBaseFee + 1_000_000_000n);
    const history = await rpc('eth_feeHistory', '0x4', 'latest', [50]);
    expect(history).toEqual({
      oldestBlock: '0x0',
      baseFeePerGas: ['0x3b9aca00', '0x342770c0', `0x${nextBaseFee.toString(16)}`],
      gasUsedRatio: [0, 0],
      reward: [['0x0'], ['0x0']],
    });
  });

  it('refuses a bad block parameter, naming it', async () => {
    const { rpcError } = await testChain();
    const error = await rpcError('eth_getBlockByNumber', 'newest', false);
    expect(error.code).toBe(-32602);
    expect(error.message).toContain('params[0]');
    expect((await rpcError('eth_getBalance', '0x'.padEnd(42, '0'), '0x9')).message).toContain(
      'params[1] names a block the chain does not have',
    );
    expect((await rpcError('eth_getBlockByNumber', '0x01', false)).message).toContain('leading zeros');
  });
});
