// debug_traceCall and debug_traceTransaction, with geth's struct logger (the default) or its callTracer.
import { bytesToHex } from '@tandem-evm/primitives';
import {
  type ExecutedTransaction,
  executeTransaction,
  type Transaction,
  toTransaction,
} from '@tandem-evm/state';
import { requireBlock } from './blocks.js';
import { CallTracer } from './call-tracer.js';
import { prepareCall, runCall, withInspector } from './calls.js';
import type { Method, ProviderContext } from './context.js';
import { invalidParams, rejectedTransaction } from './errors.js';
import { optional, param, quantity, readBoolean, readHash, readObject } from './params.js';
import { StructLogger } from './struct-logger.js';
import { readTransactionRequest } from './transaction-request.js';

/** The tracer a trace request asks for, ready to attach, and how to turn the run into the answer. */
interface Tracing {
  readonly inspector: CallTracer | StructLogger;
  answer(tx: Transaction, outcome: ExecutedTransaction): unknown;
}

/** Reads geth's trace options: `tracer` (`callTracer`, or absent for the struct logger), `tracerConfig`, `disableStack`. */
function readTracing(value: unknown, field: string): Tracing {
  const options = value === undefined || value === null ? {} : readObject(value, field);
  const tracer = options.tracer;
  if (tracer === undefined || tracer === null) {
    const logger = new StructLogger({
      disableStack: optional(options, 'disableStack', field, readBoolean) ?? false,
    });
    return {
      inspector: logger,
      answer: (_, outcome) => ({
        gas: Number(outcome.gasUsed),
        failed: outcome.status !== 'success',
        returnValue: bytesToHex(outcome.output),
        structLogs: logger.logs,
      }),
    };
  }
  if (tracer !== 'callTracer') {
    throw invalidParams(
      `${field}.tracer`,
      `must be callTracer or absent (the struct logger), got ${JSON.stringify(tracer)}`,
    );
  }
  const config =
    options.tracerConfig === undefined ? {} : readObject(options.tracerConfig, `${field}.tracerConfig`);
  const callTracer = new CallTracer({
    onlyTopCall: optional(config, 'onlyTopCall', `${field}.tracerConfig`, readBoolean) ?? false,
    withLog: optional(config, 'withLog', `${field}.tracerConfig`, readBoolean) ?? false,
  });
  return {
    inspector: callTracer,
    // As geth, the top frame reports the transaction's gas limit and its gas used, intrinsic gas included.
    answer: (tx, outcome) => ({
      ...callTracer.result,
      gas: quantity(tx.gasLimit),
      gasUsed: quantity(outcome.gasUsed),
    }),
  };
}

const debug_traceCall: Method = (context, params) => {
  const request = readTransactionRequest(param(params, 0), 'params[0]');
  const block = requireBlock(context.chain, params[1], 'params[1]');
  const options = params[2] === undefined || params[2] === null ? {} : readObject(params[2], 'params[2]');
  const tracing = readTracing(options, 'params[2]');
  const overrides = { value: options.stateOverrides, field: 'params[2].stateOverrides' };
  const call = prepareCall(context, request, block, overrides);
  return tracing.answer(call.tx, runCall(context, call, tracing.inspector));
};

/** Runs a mined transaction again, on the state its block was built on, in its block. */
function replay(context: ProviderContext, hash: bigint, tracing: Tracing): unknown {
  const { chain } = context;
  const mined = chain.transaction(hash);
  if (mined === undefined) throw invalidParams('params[0]', 'names no transaction of this chain');
  const tx = toTransaction(mined.signed, mined.sender);
  const state = chain.fork(mined.block.preState);
  const outcome = withInspector(context, tracing.inspector, () =>
    executeTransaction(state, chain.executor, tx, chain.blockEnv(mined.block.header)),
  );
  if (outcome.kind === 'rejected') throw rejectedTransaction(outcome.reason);
  return tracing.answer(tx, outcome);
}

const debug_traceTransaction: Method = (context, params) =>
  replay(context, readHash(param(params, 0), 'params[0]'), readTracing(params[1], 'params[1]'));

export const traceMethods: Record<string, Method> = { debug_traceCall, debug_traceTransaction };
