import type { Common, StateManagerInterface } from '@ethereumjs/common';
import {
  createEVM,
  type Log as EthereumjsLog,
  type EVM,
  EVMError,
  type EVMInterface,
  type EVMMockBlockchainInterface,
  type EVMResult,
  type EVMRunCallOpts,
  type EVMRunCodeOpts,
  type ExecResult,
  type PrecompileFunc,
} from '@ethereumjs/evm';
import {
  Account,
  bigIntToBytes,
  bytesToBigInt,
  createAddressFromBigInt,
  type Address as EthereumjsAddress,
  equalsBytes,
  KECCAK256_RLP,
  setLengthLeft,
} from '@ethereumjs/util';
import { createEvm, type EngineName, type Evm } from '@tandem-evm/evm';
import {
  type Address,
  type Message,
  parseRevision,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import {
  type AsyncStateSource,
  executeWithAsyncState,
  type LoadedAccount,
  StateCache,
} from './state-bridge.js';

/** ethereumjs hardfork names to Tandem revision names. */
const HARDFORKS: Record<string, string> = {
  chainstart: 'frontier',
  homestead: 'homestead',
  dao: 'homestead',
  tangerineWhistle: 'tangerine-whistle',
  spuriousDragon: 'spurious-dragon',
  byzantium: 'byzantium',
  constantinople: 'constantinople',
  petersburg: 'petersburg',
  istanbul: 'istanbul',
  muirGlacier: 'istanbul',
  berlin: 'berlin',
  london: 'london',
  arrowGlacier: 'london',
  grayGlacier: 'london',
  mergeNetsplitBlock: 'london',
  paris: 'paris',
  shanghai: 'shanghai',
  cancun: 'cancun',
  prague: 'prague',
  osaka: 'osaka',
};

/** Tandem statuses as ethereumjs reports them. */
const ERRORS: Partial<Record<Status, string>> = {
  revert: EVMError.errorMessages.REVERT,
  'out-of-gas': EVMError.errorMessages.OUT_OF_GAS,
  'invalid-instruction': EVMError.errorMessages.INVALID_OPCODE,
  'undefined-instruction': EVMError.errorMessages.INVALID_OPCODE,
  'stack-underflow': EVMError.errorMessages.STACK_UNDERFLOW,
  'stack-overflow': EVMError.errorMessages.STACK_OVERFLOW,
  'bad-jump-destination': EVMError.errorMessages.INVALID_JUMP,
  'static-mode-violation': EVMError.errorMessages.STATIC_STATE_CHANGE,
  'precompile-failure': EVMError.errorMessages.OUT_OF_GAS,
  'invalid-memory-access': EVMError.errorMessages.OUT_OF_RANGE,
  'contract-validation-failure': EVMError.errorMessages.CODESIZE_EXCEEDS_MAXIMUM,
  'create-collision': EVMError.errorMessages.CREATE_COLLISION,
  'insufficient-balance': EVMError.errorMessages.INSUFFICIENT_BALANCE,
  'call-depth-exceeded': EVMError.errorMessages.OUT_OF_GAS,
};

const toAddress = (address: Address): EthereumjsAddress => createAddressFromBigInt(address);
const slotKey = (slot: bigint): Uint8Array => setLengthLeft(bigIntToBytes(slot), 32);
const hex = (address: Address): string => `0x${address.toString(16).padStart(40, '0')}`;

export interface TandemEvmOptions {
  readonly common: Common;
  readonly stateManager: StateManagerInterface;
  /** Serves BLOCKHASH; the VM passes its own. Default: ethereumjs's mock blockchain. */
  readonly blockchain?: EVMMockBlockchainInterface;
  /** Default `'interpreter'`. */
  readonly engine?: EngineName;
}

/** Counters of the async bridge. */
export interface BridgeStats {
  messages: number;
  /** Runs of those messages. */
  attempts: number;
  /** Runs that had to be repeated: a guess of state not loaded was wrong, or a block hash was missing. */
  misses: number;
}

/** The journal the VM drives, recording the always-warm addresses and slots it adds (EIP-2929). */
class RecordingJournal {
  readonly warmAddresses = new Set<Address>();
  readonly warmSlots: [Address, bigint][] = [];

  constructor(readonly inner: EVM['journal']) {}

  // Read by the VM only after it asked the journal to report them.
  get accessList(): Map<string, Set<string>> {
    return this.inner.accessList!;
  }
  get preimages(): Map<`0x${string}`, Uint8Array> {
    return this.inner.preimages!;
  }
  commit() {
    return this.inner.commit();
  }
  revert() {
    return this.inner.revert();
  }
  checkpoint() {
    return this.inner.checkpoint();
  }
  cleanJournal(): void {
    this.warmAddresses.clear();
    this.warmSlots.length = 0;
    this.inner.cleanJournal();
  }
  async cleanup(): Promise<void> {
    this.warmAddresses.clear();
    this.warmSlots.length = 0;
    await this.inner.cleanup();
  }
  putAccount(address: EthereumjsAddress, account: Account) {
    return this.inner.putAccount(address, account);
  }
  deleteAccount(address: EthereumjsAddress) {
    return this.inner.deleteAccount(address);
  }
  addAlwaysWarmAddress(address: string, addToAccessList?: boolean): void {
    this.warmAddresses.add(BigInt(address.startsWith('0x') ? address : `0x${address}`));
    this.inner.addAlwaysWarmAddress(address, addToAccessList);
  }
  addAlwaysWarmSlot(address: string, slot: string, addToAccessList?: boolean): void {
    const account = BigInt(address.startsWith('0x') ? address : `0x${address}`);
    this.warmAddresses.add(account);
    this.warmSlots.push([account, BigInt(slot.startsWith('0x') ? slot : `0x${slot}`)]);
    this.inner.addAlwaysWarmSlot(address, slot, addToAccessList);
  }
  startReportingAccessList(): void {
    this.inner.startReportingAccessList();
  }
  startReportingPreimages(): void {
    this.inner.startReportingPreimages?.();
  }
}

/**
 * An `EVMInterface` that runs messages with Tandem, so that `@ethereumjs/vm`
 * (`createVM({ evm })`) runs transactions and blocks with either Tandem
 * engine over its own state manager. The VM's journal, precompile list and
 * hardfork handling are ethereumjs's own (borrowed from an inner ethereumjs
 * EVM); `runCall` and `runCode` are Tandem's.
 *
 * State is async in ethereumjs and sync in Tandem. Each message runs against
 * a synchronous world state built from what it has loaded so far; what is
 * not loaded is guessed (no account, zero slot) and recorded. After the run
 * the adapter awaits the state manager for everything guessed and runs the
 * message again only if a guess was wrong (see the README).
 */
export class TandemEVM implements EVMInterface {
  readonly common: Common;
  readonly stateManager: StateManagerInterface;
  readonly journal: RecordingJournal;
  readonly stats: BridgeStats = { messages: 0, attempts: 0, misses: 0 };
  /** EIP-8037 (Amsterdam) fields the VM reads and writes; unused before it. */
  stateGasReservoir = 0n;
  executionStateGasUsed = 0n;
  private readonly inner: EVM;
  private readonly engine: EngineName;
  private readonly evms = new Map<Revision, Evm>();

  private constructor(inner: EVM, options: TandemEvmOptions) {
    this.inner = inner;
    this.common = options.common;
    this.stateManager = options.stateManager;
    this.engine = options.engine ?? 'interpreter';
    this.journal = new RecordingJournal(inner.journal);
  }

  static async create(options: TandemEvmOptions): Promise<TandemEVM> {
    const inner = await createEVM({
      common: options.common,
      stateManager: options.stateManager,
      ...(options.blockchain !== undefined ? { blockchain: options.blockchain } : {}),
    });
    return new TandemEVM(inner, options);
  }

  get precompiles(): Map<string, PrecompileFunc> {
    return this.inner.precompiles;
  }

  getPrecompile(address: EthereumjsAddress | `0x${string}`): PrecompileFunc | undefined {
    return this.inner.getPrecompile(address);
  }

  /** The Tandem EVM for the common's current hardfork (the VM may switch it block by block). */
  private evm(): Evm {
    const name = HARDFORKS[this.common.hardfork()];
    if (name === undefined)
      throw new RangeError(`hardfork ${this.common.hardfork()} is not supported by Tandem`);
    const revision = parseRevision(name);
    let evm = this.evms.get(revision);
    if (evm === undefined) {
      evm = createEvm({ revision, engine: this.engine });
      this.evms.set(revision, evm);
    }
    return evm;
  }

  private source(): AsyncStateSource {
    const stateManager = this.stateManager;
    const blockchain = this.inner.blockchain;
    return {
      async getAccount(address): Promise<LoadedAccount | undefined> {
        const key = toAddress(address);
        const account = await stateManager.getAccount(key);
        if (account === undefined) return undefined;
        return {
          nonce: account.nonce,
          balance: account.balance,
          // getCode reads the account again: skip it for accounts without code.
          code: account.isContract() ? await stateManager.getCode(key) : new Uint8Array(0),
          hasStorage: !equalsBytes(account.storageRoot, KECCAK256_RLP),
        };
      },
      async getStorage(address, slot) {
        return bytesToBigInt(await stateManager.getStorage(toAddress(address), slotKey(slot)));
      },
      async getBlockHash(number) {
        return bytesToBigInt((await blockchain.getBlock(Number(number))).hash());
      },
    };
  }

  async runCall(opts: EVMRunCallOpts): Promise<EVMResult> {
    const evm = this.evm();
    const revision = evm.revision;
    const caller = bytesToBigInt((opts.caller ?? createAddressFromBigInt(0n)).bytes);
    const to = opts.to === undefined ? undefined : bytesToBigInt(opts.to.bytes);
    const header = opts.block?.header;
    const coinbase = header === undefined ? 0n : bytesToBigInt(header.coinbase.bytes);
    const context = {
      origin: opts.origin === undefined ? caller : bytesToBigInt(opts.origin.bytes),
      gasPrice: opts.gasPrice ?? 0n,
      coinbase,
      number: header?.number ?? 0n,
      timestamp: header?.timestamp ?? 0n,
      gasLimit: header?.gasLimit ?? 0n,
      prevRandao:
        header === undefined
          ? 0n
          : revision >= Revision.Paris
            ? bytesToBigInt(header.prevRandao)
            : header.difficulty,
      chainId: this.common.chainId(),
      baseFee: header?.baseFeePerGas ?? 0n,
      blobHashes: (opts.blobVersionedHashes ?? []).map((hash) => BigInt(hash)),
      blobBaseFee: revision >= Revision.Cancun ? (header?.getBlobGasPrice() ?? 0n) : 0n,
    };
    const message: Message = {
      kind: to === undefined ? 'create' : 'call',
      depth: opts.depth ?? 0,
      gas: opts.gasLimit ?? 0xffffffn,
      sender: caller,
      recipient: to ?? 0n,
      codeAddress: to ?? 0n,
      value: opts.value ?? 0n,
      input: opts.data ?? new Uint8Array(0),
      isStatic: opts.isStatic ?? false,
      ...(opts.salt !== undefined ? { salt: bytesToBigInt(opts.salt) } : {}),
    };
    // ethereumjs increments a top-level sender's nonce before the message (runTx does, and runCall
    // unless told to skip it); Tandem's CREATE increments it itself and derives the address from
    // the nonce before. So: +1 for a call runCall must increment, -1 for a create runTx incremented.
    const skipsIncrement = opts.skipNonceIncrement === true;
    const nonceAdjustment =
      message.depth !== 0 ? 0n : to !== undefined ? (skipsIncrement ? 0n : 1n) : skipsIncrement ? -1n : 0n;

    const cache = new StateCache(this.source());
    // What every message reads: caller, callee (and its code), the coinbase and the warm list.
    await cache.loadAccount(caller);
    if (to !== undefined) await cache.loadAccount(to);
    await cache.loadAccount(coinbase);
    for (const [address, slot] of this.journal.warmSlots) await cache.loadSlot(address, slot);
    this.stats.messages++;
    const run = await executeWithAsyncState(evm, message, cache, (state, host) => {
      state.beginTransaction(context);
      if (revision >= Revision.Berlin) {
        for (const address of this.journal.warmAddresses) state.accessAccount(address);
        for (const [address, slot] of this.journal.warmSlots) state.accessStorage(address, slot);
      }
      if (nonceAdjustment !== 0n) host.setNonce(caller, host.getNonce(caller) + nonceAdjustment);
    });
    this.stats.attempts += run.attempts;
    this.stats.misses += run.attempts - 1;
    const { state } = run;
    let { result } = run;
    const logs = state.logs;
    // ethereumjs returns a successful creation's deployed code as its output.
    if (result.createdAddress !== undefined)
      result = { ...result, output: state.getCode(result.createdAddress) };
    state.finalizeTransaction({ deleteEmptyTouched: revision >= Revision.SpuriousDragon });
    await this.writeBack(cache, state);
    return this.evmResult(message, result, logs);
  }

  /** Writes what the message changed into the state manager, through the VM's journal. */
  private async writeBack(cache: StateCache, state: ReturnType<StateCache['worldState']>): Promise<void> {
    const addresses = new Set<Address>([...cache.accounts.keys(), ...state.accounts.keys()]);
    for (const address of addresses) {
      const before = cache.accounts.get(address) ?? null;
      const after = state.getAccount(address);
      const key = toAddress(address);
      if (after === undefined) {
        if (before !== null) await this.journal.deleteAccount(key);
        continue;
      }
      const loadedSlots = cache.storage.get(address);
      const slots = new Set<bigint>([...(loadedSlots?.keys() ?? []), ...after.storage.keys()]);
      const storageChanged = [...slots].some(
        (slot) => (loadedSlots?.get(slot) ?? 0n) !== (after.storage.get(slot) ?? 0n),
      );
      const codeChanged = before === null ? after.code.length > 0 : !equalsBytes(before.code, after.code);
      if (
        before !== null &&
        before.nonce === after.nonce &&
        before.balance === after.balance &&
        !codeChanged &&
        !storageChanged
      ) {
        continue;
      }
      if (before === null) await this.journal.putAccount(key, new Account());
      // putCode and putStorage update the account's code hash and storage root themselves.
      if (codeChanged) await this.stateManager.putCode(key, after.code);
      for (const slot of slots) {
        const value = after.storage.get(slot) ?? 0n;
        if ((loadedSlots?.get(slot) ?? 0n) === value) continue;
        await this.stateManager.putStorage(
          key,
          slotKey(slot),
          value === 0n ? new Uint8Array(0) : bigIntToBytes(value),
        );
      }
      if (before !== null && before.nonce === after.nonce && before.balance === after.balance) continue;
      const account = (await this.stateManager.getAccount(key)) ?? new Account();
      account.nonce = after.nonce;
      account.balance = after.balance;
      await this.journal.putAccount(key, account);
    }
  }

  private evmResult(
    message: Message,
    result: Result,
    logs: ReturnType<StateCache['worldState']>['logs'],
  ): EVMResult {
    const failed = result.status !== 'success';
    const error = ERRORS[result.status];
    const execResult: ExecResult = {
      returnValue: result.output,
      executionGasUsed: message.gas - result.gasLeft,
      gas: result.gasLeft,
      gasRefund: failed ? 0n : result.gasRefund,
      logs: logs.map(
        (log): EthereumjsLog => [
          toAddress(log.address).bytes,
          log.topics.map((topic) => slotKey(topic)),
          log.data,
        ],
      ),
      // Self-destructed accounts were deleted by the write-back already.
      selfdestruct: new Map(),
      createdAddresses: new Set(
        result.createdAddress !== undefined ? [hex(result.createdAddress) as `0x${string}`] : [],
      ),
      ...(failed && error !== undefined ? { exceptionError: new EVMError(error as never) } : {}),
    };
    return {
      ...(result.createdAddress !== undefined ? { createdAddress: toAddress(result.createdAddress) } : {}),
      execResult,
    };
  }

  /** Runs `opts.code` as the code of `opts.to` (default the zero address), like ethereumjs's `runCode`. */
  async runCode(opts: EVMRunCodeOpts): Promise<ExecResult> {
    const evm = this.evm();
    const to = opts.to === undefined ? 0n : bytesToBigInt(opts.to.bytes);
    const caller = opts.caller === undefined ? 0n : bytesToBigInt(opts.caller.bytes);
    const cache = new StateCache(this.source());
    const message: Message = {
      kind: 'call',
      depth: opts.depth ?? 0,
      gas: opts.gasLimit ?? 0xffffffn,
      sender: caller,
      recipient: to,
      codeAddress: to,
      value: opts.value ?? 0n,
      input: opts.data ?? new Uint8Array(0),
      isStatic: opts.isStatic ?? false,
      code: opts.code ?? new Uint8Array(0),
    };
    const { result, state } = await executeWithAsyncState(evm, message, cache, (world) =>
      world.beginTransaction({
        origin: opts.origin === undefined ? caller : bytesToBigInt(opts.origin.bytes),
        gasPrice: opts.gasPrice ?? 0n,
        coinbase: 0n,
        number: 0n,
        timestamp: 0n,
        gasLimit: 0n,
        prevRandao: 0n,
        chainId: this.common.chainId(),
        baseFee: 0n,
        blobHashes: [],
        blobBaseFee: 0n,
      }),
    );
    return this.evmResult(message, result, state.logs).execResult;
  }
}

/** Creates a `TandemEVM` for `createVM({ evm })`. */
export function createTandemEVM(options: TandemEvmOptions): Promise<TandemEVM> {
  return TandemEVM.create(options);
}
