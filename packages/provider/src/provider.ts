import { createEvm, type EngineName, type Evm } from '@tandem-evm/evm';
import type { Address, MessageExecutor, Revision } from '@tandem-evm/host';
import { type AccountInit, WorldState } from '@tandem-evm/state';
import { accountMethods } from './accounts.js';
import { blockMethods } from './blocks.js';
import { callMethods } from './calls.js';
import { Chain } from './chain.js';
import type { Method, ProviderContext } from './context.js';
import { devMethods } from './dev-methods.js';
import { ProviderRpcError, RpcErrorCode } from './errors.js';
import { logMethods } from './logs.js';
import { traceMethods } from './trace.js';
import { transactionMethods } from './transactions.js';
import { devAccountKey, Wallet } from './wallet.js';

export interface ProviderOptions {
  /** The EVM to run; default `createEvm({ revision, engine })`. Give one for custom precompiles, opcodes or EIPs. */
  readonly evm?: Evm;
  /** Revision of the default EVM (default Osaka, the newest). */
  readonly revision?: Revision | string;
  /** Engine of the default EVM (default the interpreter). */
  readonly engine?: EngineName;
  /** Default 31337, as anvil and hardhat. */
  readonly chainId?: bigint;
  /** Private keys (32 bytes each) of the unlocked accounts; default ten dev keys (`devAccountKey(0…9)`). */
  readonly privateKeys?: readonly Uint8Array[];
  /** What each unlocked account holds at genesis; default 10,000 ether. */
  readonly balance?: bigint;
  /** More genesis accounts (they replace an unlocked account at the same address). */
  readonly genesis?: Iterable<readonly [Address, AccountInit]>;
  /** Default 30,000,000. */
  readonly gasLimit?: bigint;
  /** The genesis block's base fee; default 1 gwei. Later blocks follow EIP-1559. */
  readonly baseFee?: bigint;
  /** Default the zero address. */
  readonly coinbase?: Address;
  /** The genesis block's timestamp in seconds; default now. */
  readonly timestamp?: bigint;
}

/** A request as EIP-1193 defines it. */
export interface RequestArguments {
  readonly method: string;
  readonly params?: readonly unknown[] | object;
}

/** An EIP-1193 provider over a Tandem dev chain; `chain` and `evm` are there to look at. */
export interface TandemProvider {
  request(args: RequestArguments): Promise<unknown>;
  readonly chain: Chain;
  readonly evm: Evm;
}

const ETHER = 10n ** 18n;
const METHODS: Readonly<Record<string, Method>> = {
  ...blockMethods,
  ...accountMethods,
  ...callMethods,
  ...transactionMethods,
  ...logMethods,
  ...traceMethods,
  ...devMethods,
  web3_clientVersion: () => 'tandem-evm/provider',
};

/** The EVM with the sender's balance and nonce unchecked: what eth_call and eth_estimateGas run on. */
function callExecutorOf(evm: Evm): MessageExecutor {
  return {
    revision: evm.revision,
    execute: (message, host) => evm.execute(message, host),
    isEipActive: (eip) => evm.isEipActive(eip),
    precompileAddresses: evm.precompileAddresses,
    dev: { ...evm.dev, skipBalanceCheck: true, skipNonceCheck: true },
  };
}

/**
 * An EIP-1193 provider over an in-memory Tandem chain: instant blocks (each
 * transaction mined alone, at once), unlocked dev accounts, eth_call and
 * eth_estimateGas, logs, receipts, geth's traces and anvil's dev methods.
 * Execution is synchronous underneath; `request` answers a promise, as
 * EIP-1193 requires, and rejects with a `ProviderRpcError` (code, message,
 * data).
 */
export function createProvider(options: ProviderOptions = {}): TandemProvider {
  const evm =
    options.evm ??
    createEvm({
      ...(options.revision !== undefined ? { revision: options.revision } : {}),
      ...(options.engine !== undefined ? { engine: options.engine } : {}),
    });
  const wallet = new Wallet(options.privateKeys ?? Array.from({ length: 10 }, (_, i) => devAccountKey(i)));
  const genesis = new WorldState();
  for (const address of wallet.addresses)
    genesis.setAccount(address, { balance: options.balance ?? 10_000n * ETHER });
  for (const [address, account] of options.genesis ?? []) genesis.setAccount(address, account);
  const chain = new Chain({
    executor: evm,
    chainId: options.chainId ?? 31337n,
    genesis,
    gasLimit: options.gasLimit ?? 30_000_000n,
    baseFee: options.baseFee ?? 1_000_000_000n,
    coinbase: options.coinbase ?? 0n,
    timestamp: options.timestamp ?? BigInt(Math.floor(Date.now() / 1000)),
  });
  const context: ProviderContext = { chain, wallet, evm, callExecutor: callExecutorOf(evm) };

  async function request(args: RequestArguments): Promise<unknown> {
    if (typeof args !== 'object' || args === null || typeof args.method !== 'string') {
      throw new ProviderRpcError(RpcErrorCode.invalidRequest, 'invalid request: method must be a string');
    }
    const method = Object.hasOwn(METHODS, args.method) ? METHODS[args.method] : undefined;
    if (method === undefined) {
      throw new ProviderRpcError(
        RpcErrorCode.methodNotFound,
        `the method ${args.method} does not exist/is not available`,
      );
    }
    const params = args.params ?? [];
    if (!Array.isArray(params))
      throw new ProviderRpcError(RpcErrorCode.invalidParams, 'invalid params: params must be an array');
    try {
      return await method(context, params);
    } catch (error) {
      if (error instanceof ProviderRpcError) throw error;
      // Every change runs on a copy of the state, so whatever threw left the chain as it was.
      throw new ProviderRpcError(
        RpcErrorCode.internal,
        `internal error: ${(error as Error).message ?? String(error)}`,
      );
    }
  }

  return { request, chain, evm };
}
