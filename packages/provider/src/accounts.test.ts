import { describe, expect, it } from 'vitest';
import { deploy, testChain } from './test/rpc.js';

const CAROL = '0x00000000000000000000000000000000000ca401';
const ETHER = 10n ** 18n;

describe('accounts and dev methods', () => {
  it('lists ten unlocked accounts holding 10,000 ether each', async () => {
    const { rpc, alice } = await testChain();
    const accounts = await rpc('eth_accounts');
    expect(accounts).toHaveLength(10);
    expect(accounts[0]).toBe(alice);
    expect(BigInt(await rpc('eth_getBalance', alice, 'latest'))).toBe(10_000n * ETHER);
    expect(await rpc('eth_getTransactionCount', alice, 'latest')).toBe('0x0');
  });

  it('sets balance, code, nonce and storage (anvil_ and hardhat_ names)', async () => {
    const { rpc } = await testChain();
    expect(await rpc('anvil_setBalance', CAROL, '0x64')).toBe(true);
    await rpc('hardhat_setCode', CAROL, '0x6001600055');
    await rpc('anvil_setNonce', CAROL, '0x7');
    await rpc('hardhat_setStorageAt', CAROL, '0x2', `0x${'ab'.padStart(64, '0')}`);
    expect(await rpc('eth_getBalance', CAROL, 'latest')).toBe('0x64');
    expect(await rpc('eth_getCode', CAROL, 'latest')).toBe('0x6001600055');
    expect(await rpc('eth_getTransactionCount', CAROL, 'latest')).toBe('0x7');
    expect(await rpc('eth_getStorageAt', CAROL, '0x2', 'latest')).toBe(`0x${'ab'.padStart(64, '0')}`);
    // A later change keeps the other fields.
    await rpc('anvil_setBalance', CAROL, '0x0');
    expect(await rpc('eth_getCode', CAROL, 'latest')).toBe('0x6001600055');
    expect(await rpc('eth_getStorageAt', CAROL, `0x${'2'.padStart(64, '0')}`, 'latest')).toBe(
      `0x${'ab'.padStart(64, '0')}`,
    );
  });

  it('reads an earlier block’s state', async () => {
    const { rpc, alice } = await testChain();
    await rpc('eth_sendTransaction', { from: alice, to: CAROL, value: '0x5' });
    expect(await rpc('eth_getBalance', CAROL, 'latest')).toBe('0x5');
    expect(await rpc('eth_getBalance', CAROL, '0x0')).toBe('0x0');
    expect(await rpc('eth_getBalance', CAROL, { blockNumber: '0x1' })).toBe('0x5');
    const genesis = await rpc('eth_getBlockByNumber', '0x0', false);
    expect(await rpc('eth_getBalance', CAROL, { blockHash: genesis.hash })).toBe('0x0');
  });

  it('comes back exactly to a snapshot: blocks, transactions, accounts', async () => {
    const chain = await testChain();
    const { rpc, alice } = chain;
    const counter = await deploy(chain, 0xc0de0n, 'PUSH1 1 PUSH0 SSTORE');
    const before = await rpc('eth_getBlockByNumber', 'latest', false);
    const id = await rpc('evm_snapshot');
    const hash = await rpc('eth_sendTransaction', { from: alice, to: CAROL, value: '0x5' });
    await rpc('eth_sendTransaction', { from: alice, to: counter });
    expect(await rpc('eth_getStorageAt', counter, '0x0', 'latest')).toBe(`0x${'1'.padStart(64, '0')}`);
    await rpc('anvil_setBalance', alice, '0x1');
    expect(await rpc('eth_blockNumber')).toBe('0x2');

    expect(await rpc('evm_revert', id)).toBe(true);
    expect(await rpc('eth_blockNumber')).toBe('0x0');
    expect(await rpc('eth_getBlockByNumber', 'latest', false)).toEqual(before);
    expect(await rpc('eth_getTransactionReceipt', hash)).toBeNull();
    expect(BigInt(await rpc('eth_getBalance', alice, 'latest'))).toBe(10_000n * ETHER);
    expect(await rpc('eth_getStorageAt', counter, '0x0', 'latest')).toBe(`0x${'0'.repeat(64)}`);
    expect(await rpc('eth_getCode', counter, 'latest')).toBe('0x60015f55');
    // A snapshot is used up by its revert, as anvil's is.
    expect(await rpc('evm_revert', id)).toBe(false);
    // The same transaction mines again to the same hash.
    expect(await rpc('eth_sendTransaction', { from: alice, to: CAROL, value: '0x5' })).toBe(hash);
  });

  it('refuses bad values, naming the parameter', async () => {
    const { rpcError } = await testChain();
    const short = await rpcError('eth_getBalance', '0x1234', 'latest');
    expect([short.code, short.message]).toEqual([
      -32602,
      'invalid params: params[0] must be 20 bytes, got 2',
    ]);
    expect((await rpcError('anvil_setBalance', CAROL, 'lots')).message).toContain(
      'params[1] must be a 0x hex quantity',
    );
    expect((await rpcError('anvil_setNonce', CAROL, `0x1${'0'.repeat(16)}`)).message).toContain(
      'params[1] is out of range',
    );
    expect((await rpcError('eth_getCode')).message).toBe('invalid params: params[0] is missing');
    expect((await rpcError('eth_getStorageAt', CAROL, `0x${'1'.repeat(65)}`)).message).toContain('params[1]');
  });
});
