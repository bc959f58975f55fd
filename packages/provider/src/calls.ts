// eth_call and eth_estimateGas: a transaction run on a throw-away copy of a block's state.
import { type Inspector, Revision } from '@tandem-evm/host';
import { bytesToHex } from '@tandem-evm/primitives';
import {
  type BlockEnv,
  type ExecutedTransaction,
  executeTransaction,
  type Transaction,
  TX_GAS_LIMIT_CAP,
  type WorldState,
} from '@tandem-evm/state';
import { requireBlock } from './blocks.js';
import type { Block } from './chain.js';
import type { Method, ProviderContext } from './context.js';
import { executionReverted, ProviderRpcError, RpcErrorCode, rejectedTransaction } from './errors.js';
import { param, quantity } from './params.js';
import { applyStateOverrides } from './state-overrides.js';
import { readTransactionRequest, type TransactionRequest } from './transaction-request.js';

/** The most gas a transaction may have in `block`: its gas limit, and from Osaka at most 2^24 (EIP-7825). */
function gasCap(context: ProviderContext, block: Block): bigint {
  const limit = block.header.gasLimit;
  return context.chain.executor.revision >= Revision.Osaka && limit > TX_GAS_LIMIT_CAP
    ? TX_GAS_LIMIT_CAP
    : limit;
}

/** A call to run: the transaction, the block it runs in and the state it runs on (a private copy). */
export interface PreparedCall {
  readonly tx: Transaction;
  readonly env: BlockEnv;
  readonly state: WorldState;
}

/**
 * A transaction request as a call in `block`, on a copy of its state with
 * geth's state overrides applied. Missing fields: sender zero,
 * gas the cap, the sender's nonce. With no fee given the call pays nothing
 * and sees a zero base fee (geth's eth_call does the same), so a sender
 * without ether can call.
 */
export function prepareCall(
  context: ProviderContext,
  request: TransactionRequest,
  block: Block,
  overrides?: { readonly value: unknown; readonly field: string },
): PreparedCall {
  const { chain } = context;
  const state = chain.fork(chain.stateAt(block));
  if (overrides !== undefined && overrides.value !== undefined && overrides.value !== null) {
    applyStateOverrides(state, overrides.value, overrides.field);
  }
  const sender = request.from ?? 0n;
  const fees =
    request.maxFeePerGas !== undefined
      ? { maxFeePerGas: request.maxFeePerGas, maxPriorityFeePerGas: request.maxPriorityFeePerGas ?? 0n }
      : { gasPrice: request.gasPrice ?? 0n };
  const paysFees = request.gasPrice !== undefined || request.maxFeePerGas !== undefined;
  const env = chain.blockEnv(block.header);
  const tx: Transaction = {
    sender,
    to: request.to ?? null,
    nonce: state.getNonce(sender),
    gasLimit: request.gas ?? gasCap(context, block),
    value: request.value ?? 0n,
    data: request.data ?? new Uint8Array(0),
    ...fees,
    ...(request.accessList !== undefined ? { accessList: request.accessList } : {}),
  };
  return { tx, env: paysFees ? env : { ...env, baseFee: 0n }, state };
}

/**
 * Runs `run` with `inspector` attached to the provider's EVM, then puts back
 * whatever was attached before (an inspector of the user's own), however `run` ends.
 */
export function withInspector<T>(
  context: ProviderContext,
  inspector: Inspector | undefined,
  run: () => T,
): T {
  if (inspector === undefined) return run();
  const { evm } = context;
  const previous = evm.inspector;
  evm.inspector = inspector;
  try {
    return run();
  } finally {
    evm.inspector = previous;
  }
}

/** Runs a prepared call, with `inspector` attached when given; a transaction that cannot run throws. */
export function runCall(
  context: ProviderContext,
  call: PreparedCall,
  inspector?: Inspector,
): ExecutedTransaction {
  const outcome = withInspector(context, inspector, () =>
    executeTransaction(call.state, context.callExecutor, call.tx, call.env),
  );
  if (outcome.kind === 'rejected') throw rejectedTransaction(outcome.reason);
  return outcome;
}

/** The error of a call that did not succeed: code 3 with the revert data for a revert, -32000 for a failure. */
function callFailure(outcome: ExecutedTransaction): ProviderRpcError {
  if (outcome.status === 'revert') return executionReverted(outcome.output);
  return new ProviderRpcError(RpcErrorCode.invalidInput, `execution failed: ${outcome.status}`);
}

function requestedCall(context: ProviderContext, params: readonly unknown[]): PreparedCall {
  const request = readTransactionRequest(param(params, 0), 'params[0]');
  const block = requireBlock(context.chain, params[1], 'params[1]');
  return prepareCall(context, request, block, { value: params[2], field: 'params[2]' });
}

const eth_call: Method = (context, params) => {
  const outcome = runCall(context, requestedCall(context, params));
  if (outcome.status !== 'success') throw callFailure(outcome);
  return bytesToHex(outcome.output);
};

/**
 * The least gas limit with which the call succeeds, exactly: one run
 * at the cap (a failure there is the answer's error), one at the gas used
 * plus the refund and the 1/64 a CALL holds back, then bisection between the
 * highest limit that failed and the lowest that succeeded.
 */
export function estimateGas(context: ProviderContext, call: PreparedCall): bigint {
  const succeeds = (gasLimit: bigint): boolean => {
    try {
      const tx = { ...call.tx, gasLimit };
      return runCall(context, { ...call, tx, state: context.chain.fork(call.state) }).status === 'success';
    } catch (error) {
      // Too little gas for the intrinsic cost is a rejection: that limit fails too.
      if (error instanceof ProviderRpcError && error.code === RpcErrorCode.invalidInput) return false;
      throw error;
    }
  };
  const atCap = runCall(context, { ...call, state: context.chain.fork(call.state) });
  if (atCap.status !== 'success') throw callFailure(atCap);
  // Below the gas used after the refund a transaction cannot succeed.
  let failing = atCap.gasUsed - 1n;
  let passing = call.tx.gasLimit;
  const optimistic = ((atCap.gasUsed + atCap.gasRefund) * 64n) / 63n;
  if (optimistic < passing) {
    if (succeeds(optimistic)) passing = optimistic;
    else failing = optimistic;
  }
  while (passing - failing > 1n) {
    const middle = (failing + passing) / 2n;
    if (succeeds(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}

const eth_estimateGas: Method = (context, params) =>
  quantity(estimateGas(context, requestedCall(context, params)));

export const callMethods: Record<string, Method> = { eth_call, eth_estimateGas };
