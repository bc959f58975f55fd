import {
  ContextPool,
  DEFAULT_RETAINED_MEMORY,
  type Engine,
  type ExecutionContext,
  type FrameRules,
  RunOutcome,
} from '@tandem-evm/frame';
import { CALL_DEPTH_LIMIT, CODE_DEPOSIT_COST_PER_BYTE, MAX_CODE_SIZE } from '@tandem-evm/gas';
import {
  type Address,
  type DevOptions,
  type Host,
  type Inspector,
  LATEST_REVISION,
  type Message,
  parseRevision,
  type Result,
  Revision,
  type Status,
} from '@tandem-evm/host';
import { createSteppingInterpreter, interpreter } from '@tandem-evm/interpreter';
import { CompiledCodeCache, createCompilingEngine } from '@tandem-evm/multipass';
import type { AnalyzedCode } from '@tandem-evm/opcodes';
import { isPrecompile, runPrecompile } from '@tandem-evm/precompiles';
import { delegationTarget } from '@tandem-evm/primitives';
import { isEipActive } from '@tandem-evm/runtime';
import { create2Address, createAddress } from './addresses.js';
import { CodeCache } from './code-cache.js';
import {
  activePrecompiles,
  type CodeVerdict,
  type CustomPrecompile,
  codeVerdict,
  type OpcodeOption,
  type PrecompileOption,
  resolveCustomisation,
  runCustomPrecompile,
} from './customisation.js';
import { SWITCHABLE_EIPS, validateEips } from './eips.js';
import { validateMessage } from './validate.js';

export type EngineName = 'interpreter' | 'multipass' | 'auto';

export interface EvmOptions {
  /** A revision number or name (`'osaka'`, `'tangerine-whistle'`); default Osaka, the newest. */
  readonly revision?: Revision | string;
  /**
   * The engine that runs bytecode; default `'interpreter'`. `'multipass'`
   * compiles code to JavaScript on first use; `'auto'` interprets code until
   * it has run `AUTO_COMPILE_AFTER_RUNS` times, or until one frame of it has
   * made `HOT_JUMPS_PER_CODE_BYTE` (multipass) taken jumps per byte of code,
   * then compiles it. Code the compiler judges unsuitable stays in the
   * interpreter either way.
   */
  readonly engine?: EngineName;
  /** Memory buffer a pooled context may keep between calls, in bytes; default 1 MiB. */
  readonly retainedMemoryPerContext?: number;
  /**
   * Hooks called at every instruction and frame (see `Inspector`); also
   * settable later as `evm.inspector`. Traced messages run in the stepping
   * interpreter whatever the engine; without an inspector nothing is traced
   * and the plain engines run.
   */
  readonly inspector?: Inspector;
  /** Precompiles added, replaced or removed (see `PrecompileOption`). */
  readonly precompiles?: readonly PrecompileOption[];
  /** Opcodes added, replaced, repriced or removed (see `OpcodeOption`). */
  readonly opcodes?: readonly OpcodeOption[];
  /** EIPs switched on or off against the revision, by number (see `SWITCHABLE_EIPS`): `{ 3855: false }`. */
  readonly eips?: Readonly<Record<number, boolean>>;
  /** Development-chain switches; transaction execution in `@tandem-evm/state` reads them too. */
  readonly dev?: DevOptions;
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
  if (revision === undefined) return LATEST_REVISION;
  if (typeof revision === 'string') return parseRevision(revision, 'options.revision');
  if (!Number.isInteger(revision) || revision < Revision.Frontier || revision > LATEST_REVISION) {
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
  /**
   * Called at every instruction and frame while set (see `EvmOptions.inspector`).
   * Read when `execute` starts: setting it from a hook affects the next message.
   */
  inspector: Inspector | undefined;
  /** Development-chain switches (transaction execution reads them too). */
  readonly dev: DevOptions;
  /** Addresses of the precompiles this EVM runs, ascending (the EIP-2929 warm set). */
  readonly precompileAddresses: readonly Address[];
  private readonly eipSwitches: Record<number, boolean>;
  /** What this EVM changes in its revision's rules, for every frame; undefined when nothing. */
  private readonly rules: FrameRules | undefined;
  private readonly customPrecompiles: Map<Address, CustomPrecompile | null> | undefined;
  private readonly limitsCodeSize: boolean;
  private readonly rejectsEfCode: boolean;
  /** Under `rules`, how each analysed code must run. */
  private readonly codeVerdicts = new WeakMap<AnalyzedCode, CodeVerdict>();
  private steppingEngine: Engine | undefined;
  private tracedEngine: { readonly inspector: Inspector; readonly engine: Engine } | undefined;
  /** The engine of every frame while a traced message runs. */
  private tracing: Engine | undefined;

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
    this.inspector = options.inspector;
    this.dev = { ...options.dev };
    this.eipSwitches = validateEips(options.eips ?? {});
    const unlimitedCodeSize = this.dev.unlimitedCodeSize === true;
    const customisation = resolveCustomisation(
      this.revision,
      this.eipSwitches,
      options.opcodes ?? [],
      options.precompiles ?? [],
      unlimitedCodeSize,
    );
    this.rules = customisation.rules;
    this.customPrecompiles = customisation.precompiles;
    this.precompileAddresses = activePrecompiles(this.revision, this.customPrecompiles);
    this.limitsCodeSize = !unlimitedCodeSize && this.isEipActive(170);
    this.rejectsEfCode = this.isEipActive(3541);
  }

  /**
   * Whether EIP `eip` is active: the `eips` option's switch, or the revision's
   * rule. Answers for the EIPs in `SWITCHABLE_EIPS`; others are a RangeError.
   */
  isEipActive(eip: number): boolean {
    const info = SWITCHABLE_EIPS[eip];
    if (info === undefined) throw new RangeError(`eip: EIP-${eip} is not one this EVM can switch or report`);
    return isEipActive(this.eipSwitches, this.revision, eip, info.since);
  }

  /**
   * The name of the engine that would start a frame running `code` now. The
   * stepping interpreter runs every frame while an inspector is attached
   * (`'interpreter (traced)'`: multipass hands traced messages to it), and
   * code using a built-in opcode the EVM replaced (`'interpreter (stepping)'`);
   * the interpreter runs code using an opcode whose gas or existence the EVM
   * changed (compiled code would charge the revision's); other code runs in
   * the instance's engine, which may leave cold or unsuitable code to the
   * interpreter itself.
   */
  engineFor(code: Uint8Array): string {
    if (this.inspector !== undefined) return this.tracedEngineFor(this.inspector).name;
    return this.frameEngine(this.codeCache.get(code)).name;
  }

  private frameEngine(code: AnalyzedCode): Engine {
    if (this.tracing !== undefined) return this.tracing;
    if (this.rules === undefined) return this.engine;
    let verdict = this.codeVerdicts.get(code);
    if (verdict === undefined) {
      verdict = codeVerdict(code.padded, code.size, this.rules, this.revision);
      this.codeVerdicts.set(code, verdict);
    }
    if (verdict === 'stepping') {
      this.steppingEngine ??= createSteppingInterpreter(undefined);
      return this.steppingEngine;
    }
    return verdict === 'interpreter' ? interpreter : this.engine;
  }

  private tracedEngineFor(inspector: Inspector): Engine {
    if (this.tracedEngine?.inspector !== inspector) {
      this.tracedEngine = { inspector, engine: createSteppingInterpreter(inspector) };
    }
    return this.tracedEngine.engine;
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
    const inspector = this.inspector;
    try {
      return inspector === undefined
        ? this.runLoop(message, host)
        : this.runTracedLoop(message, host, inspector);
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
      this.tracing = undefined;
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
      if (outcome === RunOutcome.Hot) {
        // Cold code the instance's (tiering) engine left to the interpreter ran hot: it takes the frame back.
        this.frameEngines[depth] = this.engine;
        result = undefined;
        continue;
      }
      result =
        outcome === RunOutcome.Halted ? this.leave(context, host) : this.enter(context.pendingCall!, host);
    }
  }

  /**
   * `runLoop` for a traced message, kept apart so the plain loop has no hook:
   * every frame runs in the traced interpreter, and the inspector hears of
   * each frame requested and of the result its caller gets.
   */
  private runTracedLoop(message: Message, host: Host, inspector: Inspector): Result {
    this.tracing = this.tracedEngineFor(inspector);
    const frames = this.frames;
    /** The message of each running frame, as its caller asked for it. */
    const requests: Message[] = [];
    const finish = (result: Result, request: Message): Result => {
      if (request.kind === 'create' || request.kind === 'create2') inspector.createEnd?.(result, request);
      else inspector.callEnd?.(result, request);
      return result;
    };
    const start = (request: Message): Result | undefined => {
      if (request.kind === 'create' || request.kind === 'create2') inspector.create?.(request);
      else inspector.call?.(request);
      const result = this.enter(request, host);
      if (result === undefined) requests.push(request);
      else finish(result, request);
      return result;
    };
    let result = start(message);
    for (;;) {
      if (result !== undefined && frames.length === 0) return result;
      const depth = frames.length - 1;
      const context = frames[depth]!;
      // The traced interpreter halts or suspends; it never falls back.
      const outcome = this.frameEngines[depth]!.run(context, result);
      result =
        outcome === RunOutcome.Halted
          ? finish(this.leave(context, host), requests.pop()!)
          : start(context.pendingCall!);
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
    // A custom precompile, or null where a built-in one was removed.
    const custom = this.customPrecompiles?.get(message.codeAddress);
    if (custom !== undefined) {
      if (custom !== null) {
        const result = runCustomPrecompile(custom, message, host, this.revision);
        if (result.status !== 'success') host.revert(snapshot);
        return result;
      }
    } else if (isPrecompile(message.codeAddress, this.revision)) {
      const result = runPrecompile(message.codeAddress, message.input, message.gas, this.revision);
      if (result.status !== 'success') host.revert(snapshot);
      return result;
    }
    const code = message.code ?? this.loadCode(host, message.codeAddress);
    if (code.length === 0) return { status: 'success', gasLeft: message.gas, gasRefund: 0n, output: EMPTY };
    this.push(message, host, code, snapshot, 0n);
    return undefined;
  }

  /**
   * The code a call to `address` runs. From Prague (EIP-7702), when the
   * account's code is a delegation indicator, the code of the account it
   * points to, followed once (an indicator there is run as code, and fails on
   * its 0xef byte); a delegation to a precompile runs empty code. The caller
   * has paid for and warmed that access (`prepareCall`, or the transaction).
   */
  private loadCode(host: Host, address: Address): Uint8Array {
    const code = host.getCode(address);
    if (this.revision < Revision.Prague) return code;
    const target = delegationTarget(code);
    if (target === undefined) return code;
    // A custom precompile counts as one; a removed built-in (null) does not.
    const custom = this.customPrecompiles?.get(target);
    const toPrecompile = custom !== undefined ? custom !== null : isPrecompile(target, this.revision);
    return toPrecompile ? EMPTY : host.getCode(target);
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
    this.frameEngines.push(this.frameEngine(analyzed));
    context.rules = this.rules;
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
    let gasLeft = context.gasLeft;
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
    if (this.limitsCodeSize && code.length > MAX_CODE_SIZE) return 'contract-validation-failure';
    if (this.rejectsEfCode && code.length > 0 && code[0] === 0xef) return 'contract-validation-failure';
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
