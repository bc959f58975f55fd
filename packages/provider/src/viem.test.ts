// viem, a real client from npm, drives a Tandem chain through the provider as its
// `custom` transport: deploys a solc-compiled contract, calls it, reads its log,
// estimates gas, sees a revert reason and traces calls.
import {
  BaseError,
  bytesToHex,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  custom,
  decodeEventLog,
  defineChain,
  encodeFunctionData,
  type Hex,
  parseAbiItem,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallFrame } from './call-tracer.js';
import { createProvider, devAccountKey } from './index.js';
import type { StructLog } from './struct-logger.js';
import { compileContract } from './test/compile.js';

const tandem = defineChain({
  id: 31337,
  name: 'Tandem',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [] } },
});

describe('viem through @tandem-evm/provider', () => {
  const provider = createProvider();
  // viem's custom transport retries errors whose code it does not know, code 3 (a revert) among them.
  const transport = custom(provider, { retryCount: 0 });
  const publicClient = createPublicClient({ chain: tandem, transport, pollingInterval: 10 });
  const { abi, bytecode } = compileContract('Registry.sol', 'Registry');
  let account: Hex;
  let address: Hex;

  beforeAll(async () => {
    [account] = (await createWalletClient({ chain: tandem, transport }).getAddresses()) as [Hex];
    const wallet = createWalletClient({ chain: tandem, transport, account });
    const hash = await wallet.deployContract({ abi, bytecode, args: [7n] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    address = receipt.contractAddress!;
  });

  it('deploys the contract: the constructor stored its argument and the sender', async () => {
    expect(await publicClient.getBytecode({ address })).toMatch(/^0x6080/);
    expect(await publicClient.readContract({ address, abi, functionName: 'stored' })).toBe(7n);
    expect(await publicClient.readContract({ address, abi, functionName: 'owner' })).toBe(account);
    expect(await publicClient.readContract({ address, abi, functionName: 'doubled' })).toBe(14n);
  });

  it('estimates gas exactly, writes, and the log decodes from the receipt and eth_getLogs', async () => {
    const wallet = createWalletClient({ chain: tandem, transport, account });
    const gas = await publicClient.estimateContractGas({
      address,
      abi,
      functionName: 'store',
      args: [42n],
      account,
    });
    const { request } = await publicClient.simulateContract({
      address,
      abi,
      functionName: 'store',
      args: [42n],
      account,
    });
    const hash = await wallet.writeContract({ ...request, gas });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    expect(receipt.gasUsed).toBeLessThanOrEqual(gas);
    expect(await publicClient.readContract({ address, abi, functionName: 'stored' })).toBe(42n);

    const event = decodeEventLog({ abi, data: receipt.logs[0]!.data, topics: receipt.logs[0]!.topics });
    expect(event).toEqual({ eventName: 'Stored', args: { by: account, value: 42n } });
    const logs = await publicClient.getLogs({
      address,
      event: parseAbiItem('event Stored(address indexed by, uint256 value)'),
      args: { by: account },
      fromBlock: 0n,
    });
    expect(logs.map((log) => [log.args.value, log.transactionHash])).toEqual([[42n, hash]]);

    // One gas less than the estimate runs out of gas: the estimate is exact.
    await expect(
      publicClient.call({
        account,
        to: address,
        gas: gas - 1n,
        data: encodeFunctionData({ abi, functionName: 'store', args: [43n] }),
      }),
    ).rejects.toThrow();
  });

  it('shows the revert reason in viem’s error', async () => {
    const error = await publicClient
      .simulateContract({ address, abi, functionName: 'store', args: [13n], account })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BaseError);
    const reverted = (error as BaseError).walk((cause) => cause instanceof ContractFunctionRevertedError);
    expect(reverted).toBeInstanceOf(ContractFunctionRevertedError);
    expect((reverted as ContractFunctionRevertedError).reason).toBe('thirteen is unlucky');
    await expect(
      publicClient.estimateContractGas({ address, abi, functionName: 'store', args: [13n], account }),
    ).rejects.toThrow('thirteen is unlucky');
  });

  it('takes transactions viem signs itself (eth_sendRawTransaction) and traces them', async () => {
    const signer = privateKeyToAccount(bytesToHex(devAccountKey(3)));
    const wallet = createWalletClient({ chain: tandem, transport, account: signer });
    const hash = await wallet.writeContract({ address, abi, functionName: 'store', args: [5n] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.from).toBe(signer.address.toLowerCase());
    const tx = await publicClient.getTransaction({ hash });
    expect(tx.hash).toBe(hash);
    expect(tx.type).toBe('eip1559');
    const tree = (await publicClient.request({
      method: 'debug_traceTransaction',
      params: [hash, { tracer: 'callTracer' }],
    } as never)) as CallFrame;
    expect(tree).toMatchObject({
      type: 'CALL',
      from: signer.address.toLowerCase(),
      to: address.toLowerCase(),
    });
    expect(BigInt(tree.gasUsed)).toBe(receipt.gasUsed);
    await wallet.writeContract({ address, abi, functionName: 'store', args: [42n] });
  });

  it('traces a call with the struct logger and the callTracer', async () => {
    const call = {
      from: account,
      to: address,
      data: encodeFunctionData({ abi, functionName: 'relay', args: [99n] }),
    };
    const structs = (await publicClient.request({
      method: 'debug_traceCall',
      params: [call, 'latest', {}],
    } as never)) as { failed: boolean; gas: number; structLogs: StructLog[] };
    expect(structs.failed).toBe(false);
    const ops = structs.structLogs.map((log) => log.op);
    expect(ops[0]).toBe('PUSH1');
    expect(ops).toContain('CALL');
    expect(ops).toContain('SSTORE');
    expect(ops).toContain('LOG2');
    expect(Math.max(...structs.structLogs.map((log) => log.depth))).toBe(2);

    const tree = (await publicClient.request({
      method: 'debug_traceCall',
      params: [call, 'latest', { tracer: 'callTracer', tracerConfig: { withLog: true } }],
    } as never)) as CallFrame;
    expect(tree.type).toBe('CALL');
    expect(tree.to).toBe(address.toLowerCase());
    expect(BigInt(tree.gasUsed)).toBe(BigInt(structs.gas));
    expect(tree.calls).toHaveLength(1);
    expect(tree.calls![0]).toMatchObject({
      type: 'CALL',
      from: address.toLowerCase(),
      to: address.toLowerCase(),
    });
    expect(tree.calls![0]!.logs).toHaveLength(1);
    // A trace is a call: nothing changed.
    expect(await publicClient.readContract({ address, abi, functionName: 'stored' })).toBe(42n);
  });
});
