import { encodeErrorResult, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { deploy, testChain } from './test/rpc.js';

const ECHO_REVERT = 'CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY CALLDATASIZE PUSH0 REVERT';
/** Stores 1 in slot 0 and returns the caller's balance as a word. */
const STORE_AND_BALANCE = 'PUSH1 1 PUSH0 SSTORE CALLER BALANCE PUSH0 MSTORE PUSH1 32 PUSH0 RETURN';

describe('eth_call and eth_estimateGas', () => {
  it('returns the output of a call, changing nothing', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xc0den, STORE_AND_BALANCE);
    const output = await chain.rpc('eth_call', { from: chain.alice, to }, 'latest');
    expect(BigInt(output)).toBe(10_000n * 10n ** 18n);
    expect(await chain.rpc('eth_getStorageAt', to, '0x0', 'latest')).toBe(`0x${'0'.repeat(64)}`);
    // No sender and no fee: a call needs no ether.
    expect(BigInt(await chain.rpc('eth_call', { to }))).toBe(0n);
  });

  it('answers a revert with code 3, the reason and the revert data', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xbadn, ECHO_REVERT);
    const data = encodeErrorResult({
      abi: parseAbi(['error Error(string)']),
      errorName: 'Error',
      args: ['no way'],
    });
    const error = await chain.rpcError('eth_call', { to, data }, 'latest');
    expect([error.code, error.message, error.data]).toEqual([3, 'execution reverted: no way', data]);
    const custom = await chain.rpcError('eth_estimateGas', { to, data: '0xdeadbeef' });
    expect([custom.code, custom.message, custom.data]).toEqual([3, 'execution reverted', '0xdeadbeef']);
  });

  it('answers other failures with -32000 and the status', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xbadn, 'INVALID');
    const error = await chain.rpcError('eth_call', { to });
    expect([error.code, error.message]).toEqual([-32000, 'execution failed: invalid-instruction']);
  });

  it('applies state overrides to the call alone', async () => {
    const chain = await testChain();
    const to = '0x00000000000000000000000000000000000000aa';
    const overrides = {
      [to]: { code: '0x5f545f5260205ff3', stateDiff: { '0x0': `0x${'2a'.padStart(64, '0')}` } },
    };
    expect(BigInt(await chain.rpc('eth_call', { to }, 'latest', overrides))).toBe(42n);
    expect(await chain.rpc('eth_getCode', to, 'latest')).toBe('0x');
    const bad = await chain.rpcError('eth_call', { to }, 'latest', { [to]: { balance: 'much' } });
    expect(bad.message).toContain(`params[2][${to}].balance`);
  });

  it('estimates the least gas that succeeds', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xc0den, STORE_AND_BALANCE);
    const estimate = BigInt(await chain.rpc('eth_estimateGas', { from: chain.alice, to }));
    const gas = (limit: bigint) => ({ from: chain.alice, to, gas: `0x${limit.toString(16)}` });
    await chain.rpc('eth_call', gas(estimate));
    await expect(chain.rpc('eth_call', gas(estimate - 1n))).rejects.toMatchObject({ code: -32000 });
    // A plain transfer costs 21,000.
    expect(await chain.rpc('eth_estimateGas', { from: chain.alice, to: chain.bob, value: '0x1' })).toBe(
      '0x5208',
    );
  });

  it('refuses a malformed transaction object, naming the field', async () => {
    const chain = await testChain();
    const error = await chain.rpcError('eth_call', { to: '0x12', data: '0x' });
    expect([error.code, error.message]).toEqual([
      -32602,
      'invalid params: params[0].to must be 20 bytes, got 1',
    ]);
    expect((await chain.rpcError('eth_call', { data: '0x1' })).message).toContain('params[0].data');
    expect((await chain.rpcError('eth_call', { input: '0x01', data: '0x02' })).message).toContain(
      'params[0].input',
    );
    expect((await chain.rpcError('eth_call', 'nope')).message).toBe(
      'invalid params: params[0] must be an object, got "nope"',
    );
  });
});
