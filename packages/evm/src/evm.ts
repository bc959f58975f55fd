import {
  ContextPool,
  DEFAULT_RETAINED_MEMORY,
  type Engine,
  type ExecutionContext,
  RunOutcome,
} from '@tandem-evm/frame';
import { CALL_DEPTH_LIMIT, CODE_DEPOSIT_COST_PER_BYTE, MAX_CODE_SIZE } from '@tandem-evm/gas';
import {
  type Address,
  type Host,
  type Message,
  parseRevision,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import { interpreter } from '@tandem-evm/interpreter';
import { CodeCache as CompiledCodeCache, createCompilingEngine } from '@tandem-evm/multipass';
import { isPrecompile, runPrecompile } from '@tandem-evm/precompiles';
import { create2Address, createAddress } from './addresses.js';
import { CodeCache } from './code-cache.js';
import { validateMessage } from './validate.js';

export type EngineName = 'interpreter' | 'multipass' | 'auto';

export interface EvmOptions {
  /** A revision number or name (`'cancun'`, `'tangerine-whistle'`); default Cancun. */
  readonly revision?: Revision | string;
  /**
   * The engine that runs bytecode; default `'interpreter'`. `'multipass'`
   * compiles code to JavaScript on first use; `'auto'` interprets code until
   * it has run `AUTO_COMPILE_AFTER_RUNS` times, then compiles it. Code the
   * compiler judges unsuitable stays in the interpreter either way.
   */
  readonly engine?: EngineName;
  /** Memory buffer a pooled context may keep between calls, in bytes; default 1 MiB. */
  readonly retainedMemoryPerContext?: number;
}

const EMPTY = new Uint8Array(0);
const MAX_NONCE = (1n << 64n) - 1n;
const ENGINE_NAMES: readonly EngineName[] = ['interpreter', 'multipass', 'auto'];
/** Frames of a code the `auto` engine interprets before it compiles the code. */
export const AUTO_COMPILE_AFTER_RUNS = 8;

function selectEngine(name: EngineName, compiledCode: CompiledCodeCache): Engine {
  if (name === 'multipass') return createCompilingEngine('multipass', compiledCode, 1);
  if (name === 'auto') return createCompilingEngine('auto', compiledCode, AUTO_COMPILE_AFTER_RUNS);
  return interpreter;
}

function failure(status: Status, gasLeft: bigint): Result {
  return { status, gasLeft, gasRefund: 0n, output: EMPTY };
}

function resolveRevision(revision: Revision | string | undefined): Revision {
  if (revision === undefined) return Revision.Cancun;
  if (typeof revision === 'string') return parseRevision(revision, 'options.revision');
  if (!Number.isInteger(revision) || revision < Revision.Frontier || revision > Revision.Cancun) {
    throw new RangeError(`options.revision: unknown revision number ${revision}`);
  }
  return revision;
}

/**
 * An EVM for one revision and one engine. `execute` runs a message and all
 * the frames it starts in a loop, never by JS recursion, so a 1024-deep call
 * chain needs no more JS stack than one frame. Execution contexts come from
 * a pool owned by this instance and go back in `finally`.
 */
export class Evm {
  readonly revision: Revision;
  readonly engine: Engine;
  private readonly pool: ContextPool;
  private readonly codeCache = new CodeCache();
  /** Compiled code of this instance (multipass and auto engines). */
  readonly compiledCode = new CompiledCodeCache();
  /** Running frames, innermost last, with the journal snapshot each must revert to on failure. */
  private readonly frames: ExecutionContext[] = [];
  private readonly snapshots: number[] = [];
  private readonly createdAddresses: Address[] = [];
  /** The engine running each frame: the instance's engine, or the interpreter after a fallback. */
  private readonly frameEngines: Engine[] = [];
  private running = false;

  constructor(options: EvmOptions = {}) {
    this.revision = resolveRevision(options.revision);
    const engineName = options.engine ?? 'interpreter';
    if (!ENGINE_NAMES.includes(engineName)) {
      throw new RangeError(
        `options.engine: unknown engine '${engineName}' (available: ${ENGINE_NAMES.join(', ')})`,
      );
    }
    this.engine = selectEngine(engineName, this.compiledCode);
    const retained = options.retainedMemoryPerContext ?? DEFAULT_RETAINED_MEMORY;
    if (!Number.isInteger(retained) || retained < 0) {
      throw new RangeError('options.retainedMemoryPerContext must be a non-negative integer');
    }
    this.pool = new ContextPool(retained);
  }

  /** Contexts this instance has allocated, and how many are lent out now (0 between calls). */
  get poolStats(): { size: number; inUse: number } {
    return { size: this.pool.size, inUse: this.pool.inUseCount };
  }

  /**
   * Runs `message` against `host`. A host exception propagates unchanged,
   * after the state changes of the whole message were reverted.
   */
  execute(message: Message, host: Host): Result {
    validateMessage(message);
    if (this.running)
      throw new Error('Evm.execute is not re-entrant: a host must not call back into the same Evm');
    // Nothing is changed or lent out before this point, so a throwing snapshot() needs no clean-up.
    const outerSnapshot = host.snapshot();
    this.running = true;
    try {
      return this.runLoop(message, host);
    } catch (error) {
      host.revert(outerSnapshot);
      throw error;
    } finally {
      // Frames are left only when an exception cut the loop short.
      if (this.frames.length > 0) {
        for (const context of this.frames) this.pool.release(context);
        this.frames.length = 0;
        this.snapshots.length = 0;
        this.createdAddresses.length = 0;
        this.frameEngines.length = 0;
      }
      this.running = false;
    }
  }

  private runLoop(message: Message, host: Host): Result {
    const frames = this.frames;
    let result = this.enter(message, host);
    for (;;) {
      // `result` is a finished frame's outcome to hand to its parent, if any.
      if (result !== undefined) {
        if (frames.length === 0) return result;
      }
      const depth = frames.length - 1;
      const context = frames[depth]!;
      const outcome = this.frameEngines[depth]!.run(context, result);
      if (outcome === RunOutcome.Fallback) {
        // The engine handed this frame to the interpreter, exactly where it stopped.
        this.frameEngines[depth] = interpreter;
        result = undefined;
        continue;
      }
      result =
        outcome === RunOutcome.Halted ? this.leave(context, host) : this.enter(context.pendingCall!, host);
    }
  }

  /**
   * Starts a frame for `message`. Returns its result at once when no code
   * runs (failure before execution, precompile, account without code);
   * otherwise pushes a context and returns undefined.
   */
  private enter(message: Message, host: Host): Result | undefined {
    if (message.depth > CALL_DEPTH_LIMIT) return failure('call-depth-exceeded', message.gas);
    const isCreate = message.kind === 'create' || message.kind === 'create2';
    const transfersValue = isCreate || message.kind === 'call' || message.kind === 'callcode';
    if (transfersValue && message.value !== 0n && host.getBalance(message.sender) < message.value) {
      return failure('insufficient-balance', message.gas);
    }
    return isCreate ? this.enterCreate(message, host) : this.enterCall(message, host);
  }

  private enterCall(message: Message, host: Host): Result | undefined {
    const snapshot = host.snapshot();
    if (message.kind === 'call' || message.kind === 'callcode') {
      this.transfer(host, message.sender, message.recipient, message.value);
    } else if (message.kind === 'staticcall') {
      // EIP-161: a successful call touches its target, STATICCALL included (execution specs, geth).
      host.touch(message.recipient);
    }
    if (isPrecompile(message.codeAddress, this.revision)) {
      const result = runPrecompile(message.codeAddress, message.input, message.gas, this.revision);
      if (result.status !== 'success') host.revert(snapshot);
      return result;
    }
    const code = message.code ?? host.getCode(message.codeAddress);
    if (code.length === 0) return { status: 'success', gasLeft: message.gas, gasRefund: 0n, output: EMPTY };
    this.push(message, host, code, snapshot, 0n);
    return undefined;
  }

  private enterCreate(message: Message, host: Host): Result | undefined {
    const revision = this.revision;
    const nonce = host.getNonce(message.sender);
    if (nonce >= MAX_NONCE) return failure('insufficient-balance', message.gas);
    const address =
      message.kind === 'create2'
        ? create2Address(message.sender, message.salt ?? 0n, message.input)
        : createAddress(message.sender, nonce);
    host.setNonce(message.sender, nonce + 1n);
    if (revision >= Revision.Berlin) host.accessAccount(address);
    if (host.getNonce(address) !== 0n || host.getCode(address).length !== 0 || host.hasStorage(address)) {
      return failure('create-collision', 0n);
    }
    const snapshot = host.snapshot();
    host.createContract(address);
    if (revision >= Revision.SpuriousDragon) host.setNonce(address, 1n);
    this.transfer(host, message.sender, address, message.value);
    this.push(message, host, message.input, snapshot, address);
    return undefined;
  }

  private transfer(host: Host, from: Address, to: Address, value: bigint): void {
    if (value === 0n) {
      host.touch(to);
      return;
    }
    host.setBalance(from, host.getBalance(from) - value);
    host.setBalance(to, host.getBalance(to) + value);
  }

  private push(
    message: Message,
    host: Host,
    code: Uint8Array,
    snapshot: number,
    createdAddress: Address,
  ): void {
    const analyzed = this.codeCache.get(code);
    const context = this.pool.acquire(this.frames.length);
    this.frames.push(context);
    this.snapshots.push(snapshot);
    this.createdAddresses.push(createdAddress);
    this.frameEngines.push(this.engine);
    // Init code runs with empty calldata: `message.input` is the code itself.
    const frameMessage =
      createdAddress !== 0n
        ? { ...message, recipient: createdAddress, codeAddress: createdAddress, input: EMPTY }
        : message;
    context.start(frameMessage, host, this.revision, analyzed);
  }

  /** Ends the innermost frame: code deposit for creates, revert on failure, context back to the pool. */
  private leave(context: ExecutionContext, host: Host): Result {
    // The frame stays on the stacks until its host work is done, so that a
    // throwing host leaves it for execute() to release.
    const depth = this.frames.length - 1;
    const snapshot = this.snapshots[depth]!;
    const createdAddress = this.createdAddresses[depth]!;
    const isCreate = context.message.kind === 'create' || context.message.kind === 'create2';
    let status = context.status;
    let gasLeft = context.totalGas;
    let output = context.output;
    if (isCreate && status === 'success') {
      status = this.depositCode(host, createdAddress, output, gasLeft);
      if (status === 'success') {
        const deposited = host.getCode(createdAddress).length;
        gasLeft -= BigInt(deposited * CODE_DEPOSIT_COST_PER_BYTE);
      }
      output = EMPTY;
    }
    const gasRefund = status === 'success' ? BigInt(context.gasRefund) : 0n;
    if (status !== 'success') {
      host.revert(snapshot);
      if (status !== 'revert') gasLeft = 0n;
      if (status !== 'revert') output = EMPTY;
    }
    this.frames.pop();
    this.snapshots.pop();
    this.createdAddresses.pop();
    this.frameEngines.pop();
    this.pool.release(context);
    const result: Result = { status, gasLeft, gasRefund, output };
    return isCreate && status === 'success' ? { ...result, createdAddress } : result;
  }

  /** Checks and stores the code a CREATE frame returned (EIP-170, EIP-3541, deposit cost). */
  private depositCode(host: Host, address: Address, code: Uint8Array, gasLeft: bigint): Status {
    const revision = this.revision;
    if (revision >= Revision.SpuriousDragon && code.length > MAX_CODE_SIZE)
      return 'contract-validation-failure';
    if (revision >= Revision.London && code.length > 0 && code[0] === 0xef)
      return 'contract-validation-failure';
    if (BigInt(code.length * CODE_DEPOSIT_COST_PER_BYTE) > gasLeft) {
      // Frontier keeps the account without code; Homestead (EIP-2) fails the creation.
      return revision >= Revision.Homestead ? 'out-of-gas' : 'success';
    }
    host.setCode(address, code);
    return 'success';
  }
}

/** Creates an EVM; bad options are a TypeError/RangeError naming the field. */
export function createEvm(options: EvmOptions = {}): Evm {
  return new Evm(options);
}
