import type { Host, Message, Revision, Status } from '@tandem-evm/host';
import type { AnalyzedCode } from '@tandem-evm/opcodes';
import { Memory } from './memory.js';
import type { FrameRules } from './rules.js';

export const STACK_LIMIT = 1024;
const EMPTY = new Uint8Array(0);

/** Largest gas an engine keeps in `gasCounter`, a JS number; the rest waits in `gasReserve`. */
export const MAX_NUMBER_GAS = Number.MAX_SAFE_INTEGER;
const MAX_NUMBER_GAS_BIG = BigInt(MAX_NUMBER_GAS);

/**
 * Everything one frame's execution needs: the operand stack, memory, return
 * data and the scalars an engine saves when it hands a CALL/CREATE to the
 * frame loop and resumes afterwards. Contexts are pooled (see ContextPool):
 * an engine must not keep a reference after the frame ends.
 */
export class ExecutionContext {
  /** Operand stack; slots at index >= `stackTop` are stale. */
  readonly stack: bigint[] = new Array<bigint>(STACK_LIMIT).fill(0n);
  stackTop = 0;
  readonly memory = new Memory();
  /** Output of the last completed child frame (RETURNDATASIZE/COPY). */
  returnData: Uint8Array = EMPTY;
  pc = 0;
  /**
   * The gas left, split so that the hot path works on a JS number (decisions
   * 0002, 0010): every charge subtracts from `gasCounter`; `gasReserve` holds
   * whatever exceeds 2^53-1 (only a call given more than that has one). The
   * whole, a bigint as in `Message.gas` and `Result.gasLeft`, is `gasLeft`.
   */
  gasCounter = 0;
  gasReserve = 0n;
  /** Refund counter of this frame (EIP-2200 lets it go negative). */
  gasRefund = 0;

  // Set by the frame loop before the engine runs.
  message!: Message;
  host!: Host;
  revision!: Revision;
  /** Code padded with 33 zero bytes (see padCode), and its length before padding. */
  code: Uint8Array = EMPTY;
  codeSize = 0;
  /** One byte per code byte: 1 at a valid JUMPDEST. */
  jumpdests: Uint8Array = EMPTY;
  /** PUSH values by pc (see AnalyzedCode). */
  pushValues: readonly bigint[] = [];
  /** What the EVM changes in its revision's rules (custom opcodes, EIP switches); undefined: nothing. */
  rules: FrameRules | undefined = undefined;
  /**
   * Taken jumps left before the interpreter hands this frame back as hot
   * (RunOutcome.Hot); negative: never. A tiering engine sets it when it
   * leaves cold code to the interpreter.
   */
  jumpsUntilHot = -1;

  // Set by the engine when it stops.
  status: Status = 'success';
  output: Uint8Array = EMPTY;
  /** The child frame the engine asks the frame loop to run, when it stops for a CALL/CREATE. */
  pendingCall: Message | undefined = undefined;
  /** Where the child's output goes in memory (CALL family). */
  pendingOutputOffset = 0;
  pendingOutputSize = 0;

  /** Whether the context is lent out by its pool. */
  inUse = false;

  /** The gas left, as a bigint: read where a frame hands gas over or observes all of it (GAS, calls, the frame's end). */
  get gasLeft(): bigint {
    return this.gasReserve + BigInt(this.gasCounter);
  }

  /** Sets the gas left from a bigint: the one place a bigint becomes the counter. */
  setGasLeft(gas: bigint): void {
    if (gas > MAX_NUMBER_GAS_BIG) {
      this.gasCounter = MAX_NUMBER_GAS;
      this.gasReserve = gas - MAX_NUMBER_GAS_BIG;
    } else {
      this.gasCounter = Number(gas);
      this.gasReserve = 0n;
    }
  }

  /** Prepares the context for a new frame running `code`. */
  start(message: Message, host: Host, revision: Revision, code: AnalyzedCode): void {
    this.message = message;
    this.host = host;
    this.revision = revision;
    this.code = code.padded;
    this.codeSize = code.size;
    this.jumpdests = code.jumpdests;
    this.pushValues = code.pushValues;
    this.setGasLeft(message.gas);
    this.gasRefund = 0;
    this.pc = 0;
    this.stackTop = 0;
    this.jumpsUntilHot = -1;
    this.returnData = EMPTY;
    this.status = 'success';
    this.output = EMPTY;
    this.pendingCall = undefined;
  }

  /** Drops references to the finished frame's data so a pooled context retains nothing of it. */
  release(): void {
    this.stackTop = 0;
    this.returnData = EMPTY;
    this.output = EMPTY;
    this.code = EMPTY;
    this.jumpdests = EMPTY;
    this.pushValues = [];
    this.pendingCall = undefined;
  }

  /** Ends the frame: `status`, and `output` for RETURN/REVERT. Other halts lose all gas. */
  halt(status: Status, output: Uint8Array = EMPTY): void {
    this.status = status;
    this.output = output;
    if (status !== 'success' && status !== 'revert') {
      this.gasCounter = 0;
      this.gasReserve = 0n;
    }
  }
}
