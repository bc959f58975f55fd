import { Eip3155Tracer } from '@tandem-evm/evm';

/** One step of geth's struct logger (the default tracer of debug_traceCall and debug_traceTransaction). */
export interface StructLog {
  readonly pc: number;
  readonly op: string;
  readonly gas: number;
  readonly gasCost: number;
  readonly depth: number;
  readonly stack?: readonly string[];
  readonly refund?: number;
  readonly error?: string;
}

/** The EIP-3155 line fields a struct log takes (`Eip3155Tracer` writes them). */
interface Eip3155Step {
  readonly pc: number;
  readonly opName: string;
  readonly gas: string;
  readonly gasCost: string;
  readonly depth: number;
  readonly stack: readonly string[];
  readonly refund: number;
  readonly error?: string;
}

/**
 * geth's struct logger, built on the EIP-3155 tracer so that gas, gas cost
 * and the transaction-wide refund counter are the ones `tandem run --trace`
 * prints: each line becomes a struct log (op by name, gas as numbers, the
 * refund only when not zero, as geth leaves it out). Memory and storage are
 * not captured: a step shows the memory size only. geth's struct logger has
 * no fault hook, so the tracer's second line for an instruction that failed
 * as it ran (its error, after a line as it started) is not a struct log:
 * the struct log of a REVERT, say, carries no error.
 */
export class StructLogger extends Eip3155Tracer {
  readonly logs: StructLog[] = [];

  constructor(options: { readonly disableStack: boolean }) {
    super((line) => {
      const step = JSON.parse(line) as Eip3155Step;
      const previous = this.logs.at(-1);
      const repeat =
        step.error !== undefined &&
        previous !== undefined &&
        previous.error === undefined &&
        previous.pc === step.pc &&
        previous.depth === step.depth;
      if (repeat) return;
      this.logs.push({
        pc: step.pc,
        op: step.opName,
        gas: Number(step.gas),
        gasCost: Number(step.gasCost),
        depth: step.depth,
        ...(options.disableStack ? {} : { stack: step.stack }),
        ...(step.refund === 0 ? {} : { refund: step.refund }),
        ...(step.error === undefined ? {} : { error: step.error }),
      });
    });
  }
}
