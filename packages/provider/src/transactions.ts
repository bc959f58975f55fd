// Methods that send transactions (each mined at once, alone in a new block) and read them back.
import { addressToHex } from '@tandem-evm/primitives';
import {
  decodeSignedTransaction,
  recoverSender,
  type SignedTransaction,
  transactionHash,
  type UnsignedTransaction,
} from '@tandem-evm/state';
import { DEFAULT_PRIORITY_FEE } from './blocks.js';
import { estimateGas, prepareCall } from './calls.js';
import type { Method, ProviderContext } from './context.js';
import { invalidParams, ProviderRpcError, RpcErrorCode } from './errors.js';
import { hash, param, readData, readHash } from './params.js';
import { receiptObject, transactionObject } from './rpc-objects.js';
import { readTransactionRequest, type TransactionRequest } from './transaction-request.js';

/** EIP-1193: the account is not one the provider may send from. */
const UNAUTHORIZED = 4100;

/**
 * The transaction eth_sendTransaction signs: the request's fields, with what
 * is missing filled as a wallet would: the sender's nonce, EIP-1559 fees
 * (tip 1 gwei, fee cap twice the next base fee plus the tip) unless a gas
 * price is given (then legacy, or EIP-2930 with an access list), and the
 * estimated gas.
 */
function fillTransaction(
  context: ProviderContext,
  request: TransactionRequest,
  sender: bigint,
): UnsignedTransaction {
  const { chain } = context;
  if (request.chainId !== undefined && request.chainId !== chain.chainId) {
    throw invalidParams('params[0].chainId', `is ${request.chainId}, the chain's is ${chain.chainId}`);
  }
  const legacyFees = request.gasPrice !== undefined || request.type === 0 || request.type === 1;
  const type = request.type ?? (legacyFees ? (request.accessList === undefined ? 0 : 1) : 2);
  if (type > 2)
    throw invalidParams(
      'params[0].type',
      `${type} cannot be sent with eth_sendTransaction; use eth_sendRawTransaction`,
    );
  const baseFee = chain.nextBaseFee();
  const tip = request.maxPriorityFeePerGas ?? DEFAULT_PRIORITY_FEE;
  const fees = legacyFees
    ? { gasPrice: request.gasPrice ?? baseFee + DEFAULT_PRIORITY_FEE }
    : { maxPriorityFeePerGas: tip, maxFeePerGas: request.maxFeePerGas ?? 2n * baseFee + tip };
  const gasLimit =
    request.gas ?? estimateGas(context, prepareCall(context, { ...request, from: sender }, chain.latest));
  return {
    type,
    chainId: chain.chainId,
    nonce: request.nonce ?? chain.state.getNonce(sender),
    ...fees,
    gasLimit,
    to: request.to ?? null,
    value: request.value ?? 0n,
    data: request.data ?? new Uint8Array(0),
    ...(type === 0 ? {} : { accessList: request.accessList ?? [] }),
  };
}

const eth_sendTransaction: Method = (context, params) => {
  const request = readTransactionRequest(param(params, 0), 'params[0]');
  if (request.from === undefined) throw invalidParams('params[0].from', 'is missing');
  const sender = request.from;
  if (!context.wallet.canSend(sender)) {
    throw new ProviderRpcError(
      UNAUTHORIZED,
      `${addressToHex(sender)} is not an unlocked or impersonated account`,
    );
  }
  const { signed, hash: txHash } = context.wallet.sign(fillTransaction(context, request, sender), sender);
  context.chain.mine({ signed, sender, hash: txHash });
  return hash(txHash);
};

const eth_sendRawTransaction: Method = ({ chain }, params) => {
  const bytes = readData(param(params, 0), 'params[0]');
  let signed: SignedTransaction;
  let sender: bigint;
  try {
    signed = decodeSignedTransaction(bytes);
    sender = recoverSender(signed);
  } catch (error) {
    throw invalidParams('params[0]', `is not a signed transaction: ${(error as Error).message}`);
  }
  if (signed.chainId !== undefined && signed.chainId !== chain.chainId) {
    throw new ProviderRpcError(
      RpcErrorCode.invalidInput,
      `transaction rejected: chain id ${signed.chainId}, the chain's is ${chain.chainId}`,
    );
  }
  const txHash = transactionHash(signed);
  chain.mine({ signed, sender, hash: txHash });
  return hash(txHash);
};

const eth_getTransactionByHash: Method = ({ chain }, params) => {
  const tx = chain.transaction(readHash(param(params, 0), 'params[0]'));
  return tx === undefined ? null : transactionObject(tx);
};

const eth_getTransactionReceipt: Method = ({ chain }, params) => {
  const tx = chain.transaction(readHash(param(params, 0), 'params[0]'));
  return tx === undefined ? null : receiptObject(tx);
};

export const transactionMethods: Record<string, Method> = {
  eth_sendTransaction,
  eth_sendRawTransaction,
  eth_getTransactionByHash,
  eth_getTransactionReceipt,
};
