import { encodeErrorResult, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { revertReason } from './errors.js';
import { testChain } from './test/rpc.js';

describe('errors', () => {
  it('reads the reason of Error(string) revert data, and nothing else', () => {
    const data = encodeErrorResult({
      abi: parseAbi(['error Error(string)']),
      errorName: 'Error',
      args: ['héllo'],
    });
    const bytes = Uint8Array.from(Buffer.from(data.slice(2), 'hex'));
    expect(revertReason(bytes)).toBe('héllo');
    expect(revertReason(bytes.subarray(0, 67))).toBeUndefined();
    const hugeOffset = bytes.slice();
    hugeOffset[4] = 0xff;
    expect(revertReason(hugeOffset)).toBeUndefined();
    const otherSelector = bytes.slice();
    otherSelector[0] = 0;
    expect(revertReason(otherSelector)).toBeUndefined();
  });

  it('answers an unknown method with -32601 and a bad request with -32600 or -32602', async () => {
    const { provider, rpcError } = await testChain();
    const unknown = await rpcError('eth_mineGold');
    expect([unknown.code, unknown.message]).toEqual([
      -32601,
      'the method eth_mineGold does not exist/is not available',
    ]);
    expect((await rpcError('toString')).code).toBe(-32601);
    await expect(
      provider.request({ method: 'eth_chainId', params: { not: 'an array' } }),
    ).rejects.toMatchObject({
      code: -32602,
    });
    await expect(provider.request(null as never)).rejects.toMatchObject({ code: -32600 });
  });
});
