/**
 * Runs a campaign's range of cases in worker threads, one contiguous
 * sub-range each, from a thread that blocks until they finish: the caller
 * (the synchronous `tandem` CLI) gets a plain return value. Workers wake it
 * with Atomics.notify after each message; it reads the messages with
 * receiveMessageOnPort, so no event loop turn is needed.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { RangeEvent, RangeOptions, RangeResult } from './campaign.js';
import { type Coverage, mergeCoverage, newCoverage } from './coverage.js';

export interface PoolOptions extends Omit<RangeOptions, 'coverage' | 'check'> {
  /** Worker threads (at least 1). */
  readonly workers: number;
  /** Measure coverage (slower: the reference engine runs traced). */
  readonly coverage?: boolean;
  /** Give up when no worker has said anything for this long (default 10 minutes). */
  readonly silenceLimitMs?: number;
}

export interface PoolResult {
  readonly runs: number;
  readonly divergences: number;
  /** Mismatches excused as known bugs of the other EVM. */
  readonly excused: number;
  /** Wall-clock time of the whole pool. */
  readonly elapsedMs: number;
  /** Per worker: runs and the time it spent on them. */
  readonly workers: readonly RangeResult[];
  readonly coverage?: Coverage;
}

type WorkerMessage =
  | { type: 'event'; event: RangeEvent }
  | { type: 'done'; result: RangeResult; coverage?: Coverage }
  | { type: 'error'; message: string };

/**
 * The code a worker starts with: it imports the built worker.js, or, when
 * this module runs from source, registers tsx and imports worker.ts. A
 * failure to load is posted like any other worker error, since the blocked
 * coordinating thread cannot see a worker's 'error' event.
 */
function workerBootstrap(): { code: string; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  const fail = `(error) => { const { port, signal } = require('node:worker_threads').workerData;
    port.postMessage({ type: 'error', message: String((error && error.stack) || error) });
    Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); }`;
  if (!fromSource) return { code: `import(${JSON.stringify(entry)}).catch(${fail});` };
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  return {
    code: `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); }).catch(${fail});`,
    execArgv: ['--conditions', '@tandem-evm/source'],
  };
}

/** Splits [start, end) into `parts` contiguous ranges (the first ones one longer). */
export function splitRange(start: number, end: number, parts: number): [number, number][] {
  const total = Math.max(0, end - start);
  const ranges: [number, number][] = [];
  let at = start;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(total / parts) + (i < total % parts ? 1 : 0);
    if (size > 0) ranges.push([at, at + size]);
    at += size;
  }
  return ranges;
}

/** Runs the campaign range in worker threads; blocks until all are done. */
export function runPool(
  options: PoolOptions,
  onEvent: (event: RangeEvent & { worker: number }) => void = () => {},
): PoolResult {
  const started = performance.now();
  const { workers: count, coverage: wantCoverage, silenceLimitMs, ...range } = options;
  const ranges = splitRange(range.start, range.end, Math.max(1, count));
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const launch = workerBootstrap();
  const ports: MessagePort[] = [];
  const threads: Worker[] = [];
  for (const [start, end] of ranges) {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    threads.push(
      new Worker(launch.code, {
        eval: true,
        ...(launch.execArgv !== undefined ? { execArgv: launch.execArgv } : {}),
        workerData: {
          options: { ...range, start, end, coverage: wantCoverage === true },
          port: port2,
          signal,
        },
        transferList: [port2],
      }),
    );
  }
  const results: (RangeResult | undefined)[] = ranges.map(() => undefined);
  const coverage = wantCoverage === true ? newCoverage() : undefined;
  let failure: string | undefined;
  let seen = 0;
  let lastHeard = performance.now();
  try {
    while (results.some((result) => result === undefined) && failure === undefined) {
      Atomics.wait(signal, 0, seen, 1000);
      seen = Atomics.load(signal, 0);
      ports.forEach((port, worker) => {
        for (
          let received = receiveMessageOnPort(port);
          received !== undefined;
          received = receiveMessageOnPort(port)
        ) {
          lastHeard = performance.now();
          const message = received.message as WorkerMessage;
          if (message.type === 'event') onEvent({ ...message.event, worker });
          else if (message.type === 'done') {
            results[worker] = message.result;
            if (coverage !== undefined && message.coverage !== undefined)
              mergeCoverage(coverage, message.coverage);
          } else failure = `worker ${worker} failed: ${message.message}`;
        }
      });
      if (performance.now() - lastHeard > (silenceLimitMs ?? 600_000))
        failure = 'no worker has reported for too long';
    }
  } finally {
    for (const thread of threads) void thread.terminate();
    for (const port of ports) port.close();
  }
  if (failure !== undefined) throw new Error(failure);
  const done = results as RangeResult[];
  return {
    runs: done.reduce((sum, result) => sum + result.runs, 0),
    divergences: done.reduce((sum, result) => sum + result.divergences, 0),
    excused: done.reduce((sum, result) => sum + result.excused, 0),
    elapsedMs: performance.now() - started,
    workers: done,
    ...(coverage !== undefined ? { coverage } : {}),
  };
}
