import { Eip3155Tracer } from '@tandem-evm/evm';
import type { Inspector, Message, Result, StepEvent } from '@tandem-evm/host';

/**
 * The trace geth's `evm statetest --trace --trace.format=json` writes: the
 * EIP-3155 line of each instruction, and at the end of every frame (nested
 * ones and the top-level one) `{"output","gasUsed","error"}` with the output
 * as hex without `0x`, the gas the frame used, and Tandem's failure status as
 * the error (geth writes its own error text there).
 */
export class GethTrace implements Inspector {
  readonly #steps: Eip3155Tracer;

  constructor(private readonly write: (line: string) => void) {
    this.#steps = new Eip3155Tracer(write);
  }

  step(event: StepEvent): void {
    this.#steps.step(event);
  }

  call(): void {
    this.#steps.call();
  }

  create(): void {
    this.#steps.create();
  }

  callEnd(result: Result, message: Message): void {
    this.#steps.callEnd(result, message);
    this.#frameEnd(result, message);
  }

  createEnd(result: Result, message: Message): void {
    this.#steps.createEnd(result, message);
    this.#frameEnd(result, message);
  }

  #frameEnd(result: Result, message: Message): void {
    const error = result.status === 'success' ? '' : `,"error":"${result.status}"`;
    const output = Buffer.from(result.output).toString('hex');
    this.write(`{"output":"${output}","gasUsed":"0x${(message.gas - result.gasLeft).toString(16)}"${error}}`);
  }
}
