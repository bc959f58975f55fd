import type { Inspector, Log, Message, Result, Status } from '@tandem-evm/host';
import { addressToHex, bytesToHex } from '@tandem-evm/primitives';
import { revertReason } from './errors.js';
import { hash, quantity } from './params.js';

/** One frame of geth's callTracer output. */
export interface CallFrame {
  type: string;
  from: string;
  to?: string;
  value?: string;
  gas: string;
  gasUsed: string;
  input: string;
  output?: string;
  error?: string;
  revertReason?: string;
  calls?: CallFrame[];
  logs?: { address: string; topics: string[]; data: string; position: string }[];
}

/** geth's words for how a frame failed (`vm` package errors), where Tandem's status names differ. */
const GETH_ERRORS: Partial<Record<Status, string>> = {
  revert: 'execution reverted',
  'out-of-gas': 'out of gas',
  'invalid-instruction': 'invalid opcode: INVALID',
  'bad-jump-destination': 'invalid jump destination',
  'stack-underflow': 'stack underflow',
  'stack-overflow': 'stack limit reached 1024 (1023)',
  'static-mode-violation': 'write protection',
  'create-collision': 'contract address collision',
  'insufficient-balance': 'insufficient balance for transfer',
  'call-depth-exceeded': 'max call depth exceeded',
  'contract-validation-failure': 'invalid code: must not begin with 0xef',
};

/**
 * geth's callTracer as an inspector: a tree of frames with type, from, to,
 * value (not for STATICCALL and DELEGATECALL), gas, gas used, input, output,
 * error and revert reason; with `withLog`, each frame's logs, dropped with a
 * failed frame as geth drops them. `onlyTopCall` keeps the top frame alone.
 */
export class CallTracer implements Inspector {
  readonly #open: CallFrame[] = [];
  #top: CallFrame | undefined;

  constructor(private readonly options: { readonly onlyTopCall: boolean; readonly withLog: boolean }) {}

  /** The top-level frame, once it ended. */
  get result(): CallFrame | undefined {
    return this.#top;
  }

  call(message: Message): void {
    this.#enter(message, message.kind.toUpperCase(), addressToHex(message.recipient));
  }

  create(message: Message): void {
    this.#enter(message, message.kind.toUpperCase(), undefined);
  }

  callEnd(result: Result, message: Message): void {
    this.#leave(result, message);
  }

  createEnd(result: Result, message: Message): void {
    const frame = this.#open.at(-1);
    if (frame !== undefined && result.createdAddress !== undefined)
      frame.to = addressToHex(result.createdAddress);
    this.#leave(result, message);
  }

  log(log: Log): void {
    const frame = this.#open.at(-1);
    if (!this.options.withLog || frame === undefined) return;
    frame.logs ??= [];
    frame.logs.push({
      address: addressToHex(log.address),
      topics: log.topics.map(hash),
      data: bytesToHex(log.data),
      // geth's position: how many child calls the frame had made before the log.
      position: quantity(frame.calls?.length ?? 0),
    });
  }

  #enter(message: Message, type: string, to: string | undefined): void {
    const keepsValue = message.kind !== 'staticcall' && message.kind !== 'delegatecall';
    this.#open.push({
      type,
      from: addressToHex(message.sender),
      ...(to === undefined ? {} : { to }),
      ...(keepsValue ? { value: quantity(message.value) } : {}),
      gas: quantity(message.gas),
      gasUsed: '0x0',
      input: bytesToHex(message.input),
    });
  }

  #leave(result: Result, message: Message): void {
    const frame = this.#open.pop()!;
    frame.gasUsed = quantity(message.gas - result.gasLeft);
    if (result.output.length > 0 || result.status === 'success' || result.status === 'revert') {
      frame.output = bytesToHex(result.output);
    }
    if (result.status !== 'success') {
      frame.error = GETH_ERRORS[result.status] ?? result.status;
      const reason = result.status === 'revert' ? revertReason(result.output) : undefined;
      if (reason !== undefined) frame.revertReason = reason;
      dropLogs(frame);
    }
    const parent = this.#open.at(-1);
    if (parent === undefined) this.#top = frame;
    else if (!this.options.onlyTopCall) (parent.calls ??= []).push(frame);
  }
}

/** A failed frame's logs, and its children's, never happened. */
function dropLogs(frame: CallFrame): void {
  delete frame.logs;
  for (const child of frame.calls ?? []) dropLogs(child);
}
