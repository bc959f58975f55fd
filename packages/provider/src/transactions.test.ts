import { createEvm } from '@tandem-evm/evm';
import { bytesToHex, hexToBytes, parseAddress } from '@tandem-evm/primitives';
import { encodeSignedTransaction, signTransaction } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { devAccountKey } from './index.js';
import { deploy, testChain } from './test/rpc.js';

const CAROL = '0x00000000000000000000000000000000000ca401';

describe('sending transactions', () => {
  it('mines each transaction in a block of its own, with a receipt and the fees paid', async () => {
    const { rpc, alice } = await testChain();
    const hash = await rpc('eth_sendTransaction', { from: alice, to: CAROL, value: '0x3e8' });
    expect(await rpc('eth_blockNumber')).toBe('0x1');
    const block = await rpc('eth_getBlockByNumber', 'latest', true);
    expect(block.transactions.map((tx: { hash: string }) => tx.hash)).toEqual([hash]);
    expect(block.gasUsed).toBe('0x5208');
    const receipt = await rpc('eth_getTransactionReceipt', hash);
    expect(receipt).toMatchObject({
      transactionHash: hash,
      blockHash: block.hash,
      blockNumber: '0x1',
      from: alice,
      to: CAROL,
      status: '0x1',
      gasUsed: '0x5208',
      cumulativeGasUsed: '0x5208',
      contractAddress: null,
      logs: [],
      type: '0x2',
    });
    const tx = await rpc('eth_getTransactionByHash', hash);
    expect(tx).toMatchObject({
      hash,
      from: alice,
      to: CAROL,
      value: '0x3e8',
      nonce: '0x0',
      gas: '0x5208',
      type: '0x2',
    });
    // The sender paid the value and gas at the effective price (the block's base fee plus the 1 gwei tip).
    const price = BigInt(receipt.effectiveGasPrice);
    expect(price).toBe(BigInt(block.baseFeePerGas) + 1_000_000_000n);
    const spent = 10_000n * 10n ** 18n - BigInt(await rpc('eth_getBalance', alice, 'latest'));
    expect(spent).toBe(1000n + 21_000n * price);
    expect(await rpc('eth_getTransactionCount', alice, 'latest')).toBe('0x1');
    expect(await rpc('eth_getTransactionReceipt', `0x${'0'.repeat(64)}`)).toBeNull();
  });

  it('deploys a contract from init code', async () => {
    const { rpc, alice } = await testChain();
    // Init code returning the one-byte runtime code 0x00.
    const hash = await rpc('eth_sendTransaction', { from: alice, data: '0x60016000f3' });
    const { contractAddress, status } = await rpc('eth_getTransactionReceipt', hash);
    expect(status).toBe('0x1');
    expect(await rpc('eth_getCode', contractAddress, 'latest')).toBe('0x00');
  });

  it('mines a reverting transaction with status 0', async () => {
    const chain = await testChain();
    const reverter = await deploy(chain, 0xbadn, 'PUSH0 PUSH0 REVERT');
    const hash = await chain.rpc('eth_sendTransaction', { from: chain.alice, to: reverter, gas: '0x7530' });
    expect((await chain.rpc('eth_getTransactionReceipt', hash)).status).toBe('0x0');
  });

  it('takes a legacy gas price and an explicit nonce, and rejects a wrong one without mining', async () => {
    const { rpc, rpcError, alice } = await testChain();
    const hash = await rpc('eth_sendTransaction', {
      from: alice,
      to: CAROL,
      gasPrice: '0x77359400',
      nonce: '0x0',
    });
    expect(await rpc('eth_getTransactionByHash', hash)).toMatchObject({
      type: '0x0',
      gasPrice: '0x77359400',
    });
    const balance = await rpc('eth_getBalance', alice, 'latest');
    const error = await rpcError('eth_sendTransaction', { from: alice, to: CAROL, nonce: '0x0' });
    expect([error.code, error.message]).toEqual([-32000, 'transaction rejected: NONCE_MISMATCH_TOO_LOW']);
    expect(await rpc('eth_blockNumber')).toBe('0x1');
    expect(await rpc('eth_getBalance', alice, 'latest')).toBe(balance);
  });

  it('sends only from unlocked or impersonated accounts', async () => {
    const { rpc, rpcError } = await testChain();
    await rpc('anvil_setBalance', CAROL, '0xde0b6b3a7640000');
    const locked = await rpcError('eth_sendTransaction', { from: CAROL, to: CAROL });
    expect([locked.code, locked.message]).toEqual([
      4100,
      `${CAROL} is not an unlocked or impersonated account`,
    ]);
    await rpc('anvil_impersonateAccount', CAROL);
    const hash = await rpc('eth_sendTransaction', { from: CAROL, to: CAROL });
    expect((await rpc('eth_getTransactionByHash', hash)).from).toBe(CAROL);
    await rpc('anvil_stopImpersonatingAccount', CAROL);
    expect((await rpcError('eth_sendTransaction', { from: CAROL, to: CAROL })).code).toBe(4100);
    expect((await rpcError('eth_sendTransaction', { to: CAROL })).message).toBe(
      'invalid params: params[0].from is missing',
    );
  });

  it('accepts a signed raw transaction, and refuses bytes that are not one', async () => {
    const { rpc, rpcError, bob } = await testChain();
    const signed = signTransaction(
      {
        type: 2,
        chainId: 31337n,
        nonce: 0n,
        maxPriorityFeePerGas: 1n,
        maxFeePerGas: 10n ** 10n,
        gasLimit: 21_000n,
        to: parseAddress(CAROL),
        value: 9n,
        data: new Uint8Array(0),
        accessList: [],
      },
      devAccountKey(1),
    );
    const raw = bytesToHex(encodeSignedTransaction(signed));
    const hash = await rpc('eth_sendRawTransaction', raw);
    expect(await rpc('eth_getTransactionByHash', hash)).toMatchObject({ from: bob, value: '0x9' });
    expect(await rpc('eth_getBalance', CAROL, 'latest')).toBe('0x9');
    const garbage = await rpcError('eth_sendRawTransaction', '0x02c0');
    expect(garbage.code).toBe(-32602);
    expect(garbage.message).toContain('params[0] is not a signed transaction');
    const otherChain = signTransaction({ ...signed, chainId: 1n, nonce: 1n }, devAccountKey(1));
    const wrong = await rpcError('eth_sendRawTransaction', bytesToHex(encodeSignedTransaction(otherChain)));
    expect(wrong.message).toBe("transaction rejected: chain id 1, the chain's is 31337");
    expect(hexToBytes(raw)[0]).toBe(2);
  });

  it('leaves the chain as it was when execution throws part-way', async () => {
    const evm = createEvm({
      precompiles: [
        {
          address: 0x100n,
          run: () => {
            throw new Error('precompile exploded');
          },
        },
      ],
    });
    const { rpc, rpcError, alice } = await testChain({ evm });
    const before = await rpc('eth_getBalance', alice, 'latest');
    const to = '0x0000000000000000000000000000000000000100';
    const error = await rpcError('eth_sendTransaction', { from: alice, to, value: '0x1', gas: '0x10000' });
    expect([error.code, error.message]).toEqual([-32603, 'internal error: precompile exploded']);
    expect(await rpc('eth_blockNumber')).toBe('0x0');
    expect(await rpc('eth_getBalance', alice, 'latest')).toBe(before);
    expect(await rpc('eth_getTransactionCount', alice, 'latest')).toBe('0x0');
    // The next transaction runs on the untouched state.
    await rpc('eth_sendTransaction', { from: alice, to: CAROL, value: '0x1' });
    expect(await rpc('eth_getTransactionCount', alice, 'latest')).toBe('0x1');
  });
});
