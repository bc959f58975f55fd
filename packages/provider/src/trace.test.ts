import { encodeErrorResult, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { deploy, testChain } from './test/rpc.js';

/** Osaka's per-transaction gas cap (EIP-7825), the default gas of a call, less the intrinsic 21,000. */
const CALL_GAS = 2 ** 24 - 21_000;

describe('debug_traceCall and debug_traceTransaction', () => {
  it('gives geth’s struct logs', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xc0den, 'PUSH1 1 PUSH0 SSTORE');
    const trace = await chain.rpc('debug_traceCall', { to }, 'latest');
    expect(trace).toEqual({
      gas: 21_000 + 3 + 2 + 22_100,
      failed: false,
      returnValue: '0x',
      structLogs: [
        { pc: 0, op: 'PUSH1', gas: CALL_GAS, gasCost: 3, depth: 1, stack: [] },
        { pc: 2, op: 'PUSH0', gas: CALL_GAS - 3, gasCost: 2, depth: 1, stack: ['0x1'] },
        { pc: 3, op: 'SSTORE', gas: CALL_GAS - 5, gasCost: 22_100, depth: 1, stack: ['0x1', '0x0'] },
        // Past the end of the code the EVM reads a STOP, and geth logs it too.
        { pc: 4, op: 'STOP', gas: CALL_GAS - 22_105, gasCost: 0, depth: 1, stack: [] },
      ],
    });
    const bare = await chain.rpc('debug_traceCall', { to }, 'latest', { disableStack: true });
    expect(bare.structLogs[2]).toEqual({ pc: 3, op: 'SSTORE', gas: CALL_GAS - 5, gasCost: 22_100, depth: 1 });
  });

  it('logs a failing instruction once, as geth’s struct logger (it has no fault hook), with an error only for gas or stack', async () => {
    const chain = await testChain();
    const reverting = await deploy(chain, 0xc0de1n, 'PUSH0 PUSH0 REVERT');
    const reverted = await chain.rpc('debug_traceCall', { to: reverting }, 'latest');
    expect(reverted.failed).toBe(true);
    expect(reverted.structLogs.map((log: { op: string }) => log.op)).toEqual(['PUSH0', 'PUSH0', 'REVERT']);
    expect(reverted.structLogs[2]).not.toHaveProperty('error');
    const underflowing = await deploy(chain, 0xc0de2n, 'ADD');
    const underflow = await chain.rpc('debug_traceCall', { to: underflowing }, 'latest');
    expect(underflow.structLogs).toHaveLength(1);
    expect(underflow.structLogs[0]).toMatchObject({ op: 'ADD', error: 'stack-underflow' });
  });

  it('gives geth’s callTracer tree, with the revert reason of a failed child', async () => {
    const chain = await testChain();
    const data = encodeErrorResult({
      abi: parseAbi(['error Error(string)']),
      errorName: 'Error',
      args: ['child says no'],
    });
    const child = await deploy(
      chain,
      0xc41dn,
      `PUSH32 ${data.slice(0, 66)} PUSH0 MSTORE PUSH32 0x${data.slice(66, 130)} PUSH1 32 MSTORE PUSH32 0x${data.slice(130, 194)} PUSH1 64 MSTORE PUSH1 ${(data.length - 2) / 2} PUSH0 REVERT`,
    );
    // CALL(gas, child, 5 wei, no input, no output), then return the status word.
    const parent = await deploy(
      chain,
      0x9a4e47n,
      `PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 5 PUSH2 0xc41d GAS CALL PUSH0 MSTORE PUSH1 32 PUSH0 RETURN`,
    );
    await chain.rpc('anvil_setBalance', parent, '0x64');
    const tree = await chain.rpc(
      'debug_traceCall',
      { from: chain.alice, to: parent, value: '0x1' },
      'latest',
      {
        tracer: 'callTracer',
      },
    );
    expect(tree).toMatchObject({
      type: 'CALL',
      from: chain.alice,
      to: parent,
      value: '0x1',
      gas: `0x${(2 ** 24).toString(16)}`,
      input: '0x',
      output: `0x${'0'.repeat(64)}`,
    });
    expect(tree.error).toBeUndefined();
    expect(tree.calls).toHaveLength(1);
    expect(tree.calls[0]).toMatchObject({
      type: 'CALL',
      from: parent,
      to: child,
      value: '0x5',
      output: data,
      error: 'execution reverted',
      revertReason: 'child says no',
    });
    const top = await chain.rpc('debug_traceCall', { to: parent }, 'latest', {
      tracer: 'callTracer',
      tracerConfig: { onlyTopCall: true },
    });
    expect(top.calls).toBeUndefined();
  });

  it('replays a mined transaction on the state its block was built on', async () => {
    const chain = await testChain();
    const to = await deploy(chain, 0xc0den, 'PUSH1 1 PUSH0 SLOAD ADD PUSH0 SSTORE');
    const hash = await chain.rpc('eth_sendTransaction', { from: chain.alice, to });
    await chain.rpc('eth_sendTransaction', { from: chain.alice, to });
    const receipt = await chain.rpc('eth_getTransactionReceipt', hash);
    const structs = await chain.rpc('debug_traceTransaction', hash);
    expect(structs.gas).toBe(Number(receipt.gasUsed));
    // The first transaction found slot 0 empty (a zero-to-non-zero write), whatever came after.
    expect(structs.structLogs.find((log: { op: string }) => log.op === 'SSTORE').gasCost).toBe(20_000);
    const tree = await chain.rpc('debug_traceTransaction', hash, { tracer: 'callTracer' });
    expect(tree).toMatchObject({ type: 'CALL', from: chain.alice, to, gasUsed: receipt.gasUsed });
  });

  it('refuses an unknown tracer or transaction, naming the parameter', async () => {
    const chain = await testChain();
    const tracer = await chain.rpcError('debug_traceCall', { to: chain.bob }, 'latest', {
      tracer: 'prestateTracer',
    });
    expect([tracer.code, tracer.message]).toEqual([
      -32602,
      'invalid params: params[2].tracer must be callTracer or absent (the struct logger), got "prestateTracer"',
    ]);
    const missing = await chain.rpcError('debug_traceTransaction', `0x${'1'.repeat(64)}`);
    expect(missing.message).toBe('invalid params: params[0] names no transaction of this chain');
  });
});
