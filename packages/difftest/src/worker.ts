/**
 * The worker-thread entry of a campaign (see pool.ts): runs one range of
 * cases and posts its events, then its result, through the port it was
 * given, waking the coordinating thread after each message.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type RangeOptions, runRange } from './campaign.js';
import { newCoverage } from './coverage.js';

interface WorkerInput {
  readonly options: Omit<RangeOptions, 'coverage' | 'check'> & { readonly coverage: boolean };
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

const { options, port, signal } = workerData as WorkerInput;

function post(message: unknown): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  const coverage = options.coverage ? newCoverage() : undefined;
  const { coverage: _, ...rest } = options;
  const result = await runRange({ ...rest, ...(coverage !== undefined ? { coverage } : {}) }, (event) =>
    post({ type: 'event', event }),
  );
  post({ type: 'done', result, coverage });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
