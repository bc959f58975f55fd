import type { Inspector, Message, Result, StepEvent } from '@tandem-evm/host';
import { OP } from '@tandem-evm/opcodes';
import { bytesToHex } from '@tandem-evm/primitives';

const hex = (value: bigint | number): string => `0x${value.toString(16)}`;

/**
 * Failures geth finds before it records an instruction (its stack bounds and
 * gas). For any other failure, REVERT included, geth records the instruction
 * as it starts and again, with the error, when it fails (its `OnFault`).
 */
const FOUND_BEFORE_THE_STEP: ReadonlySet<string> = new Set([
  'stack-underflow',
  'stack-overflow',
  'out-of-gas',
]);

/**
 * Stack items geth has popped when these instructions fail as they run
 * (RETURNDATACOPY out of bounds, a bad JUMP or JUMPI destination, REVERT, a
 * CALL with value in a static frame): its line with the error shows the stack
 * without them. Other failures leave the stack as it was.
 */
const POPPED_BEFORE_THE_FAILURE: Readonly<Record<number, number>> = {
  [OP.RETURNDATACOPY]: 3,
  [OP.JUMP]: 1,
  [OP.JUMPI]: 2,
  [OP.REVERT]: 2,
  [OP.CALL]: 7,
};

/** Extra fields of a summary line (state tests print the state root, the verdict and the fork). */
export interface Eip3155Summary {
  readonly stateRoot?: bigint;
  /** Default: the top-level frame's gas minus its gas left. */
  readonly gasUsed?: bigint;
  readonly pass?: boolean;
  readonly fork?: string;
}

/**
 * An inspector that writes an EIP-3155 trace, one JSON object per line, as
 * geth and evmone print it: per instruction
 * `{"pc","op","gas","gasCost","memSize","stack","depth","refund","opName"}`
 * (and `"error"` when the instruction ended the frame with a failure status;
 * as in geth, that line comes after one without it unless the failure is
 * of stack bounds or gas),
 * gas and stack items as `0x` hex quantities, `depth` counting from 1, and
 * `refund` the transaction's refund counter (what the running frame and its
 * callers have accumulated, as geth's `GetRefund`). `summary()` writes the
 * closing line of the last top-level message: `output`, `gasUsed` and
 * `error`, with state-test fields when given.
 */
export class Eip3155Tracer implements Inspector {
  /** Refund counters of the callers of the running frame, as of their CALL or CREATE. */
  private readonly callerRefunds: number[] = [];
  private outerRefund = 0;
  private frameRefund = 0;
  private last: { readonly message: Message; readonly result: Result } | undefined;

  constructor(private readonly write: (line: string) => void) {}

  step(event: StepEvent): void {
    this.frameRefund = event.refund;
    const { error, stack } = event;
    if (error === undefined || FOUND_BEFORE_THE_STEP.has(error)) {
      this.write(this.line(event, stack, error));
      return;
    }
    this.write(this.line(event, stack, undefined));
    const popped = POPPED_BEFORE_THE_FAILURE[event.opcode] ?? 0;
    this.write(this.line(event, stack.slice(0, stack.length - popped), error));
  }

  private line(event: StepEvent, stack: readonly bigint[], error: string | undefined): string {
    return (
      `{"pc":${event.pc},"op":${event.opcode},"gas":"${hex(event.gas)}","gasCost":"${hex(event.gasCost)}"` +
      `,"memSize":${event.memorySize},"stack":[${stack.map((item) => `"${hex(item)}"`).join(',')}]` +
      `,"depth":${event.depth + 1},"refund":${this.outerRefund + event.refund},"opName":"${event.opName}"` +
      (error === undefined ? '}' : `,"error":"${error}"}`)
    );
  }

  call(): void {
    this.enter();
  }

  create(): void {
    this.enter();
  }

  callEnd(result: Result, message: Message): void {
    this.leave(result, message);
  }

  createEnd(result: Result, message: Message): void {
    this.leave(result, message);
  }

  /** Writes the summary line of the last top-level message (nothing if none ran). */
  summary(extra: Eip3155Summary = {}): void {
    const last = this.last;
    if (last === undefined) return;
    const { result, message } = last;
    const fields: string[] = [];
    if (extra.stateRoot !== undefined)
      fields.push(`"stateRoot":"0x${extra.stateRoot.toString(16).padStart(64, '0')}"`);
    fields.push(`"output":"${bytesToHex(result.output)}"`);
    fields.push(`"gasUsed":"${hex(extra.gasUsed ?? message.gas - result.gasLeft)}"`);
    if (extra.pass !== undefined) fields.push(`"pass":${extra.pass}`);
    if (result.status !== 'success') fields.push(`"error":"${result.status}"`);
    if (extra.fork !== undefined) fields.push(`"fork":"${extra.fork}"`);
    this.write(`{${fields.join(',')}}`);
  }

  private enter(): void {
    this.callerRefunds.push(this.frameRefund);
    this.outerRefund += this.frameRefund;
    this.frameRefund = 0;
  }

  private leave(result: Result, message: Message): void {
    const refund = this.callerRefunds.pop() ?? 0;
    this.outerRefund -= refund;
    this.frameRefund = refund;
    if (this.callerRefunds.length === 0) this.last = { message, result };
  }
}
