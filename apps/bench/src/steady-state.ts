/**
 * Steady-state allocation of repeated top-level calls (issue "Frame and
 * context pooling"): how many garbage collections 100,000 empty calls cause,
 * and how much the heap grew. Pooled contexts and cached analysis should
 * leave only the per-call result and journal entries to collect.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { createEvm, type EngineName } from '@tandem-evm/evm';
import { emptyTxContext, type Message } from '@tandem-evm/host';
import { WorldState } from '@tandem-evm/state';

export interface SteadyState {
  readonly engine: string;
  readonly calls: number;
  readonly minorGcs: number;
  readonly majorGcs: number;
  readonly heapGrowthBytes: number;
  readonly bytesPerCallUpperBound: number;
}

const CALLS = 100_000;
const CONTRACT = 0xc0den;
const CALLER = 0xca11e7n;

/** Runs CALLS empty top-level calls, each its own transaction, and counts the collections they cause. */
export async function measureSteadyState(engine: EngineName): Promise<SteadyState> {
  const evm = createEvm({ revision: 'cancun', engine });
  const state = new WorldState();
  state.setAccount(CONTRACT, { code: Uint8Array.of(0x00) });
  const message: Message = {
    kind: 'call',
    depth: 0,
    gas: 100_000n,
    sender: CALLER,
    recipient: CONTRACT,
    codeAddress: CONTRACT,
    value: 0n,
    input: new Uint8Array(0),
    isStatic: false,
  };
  const context = emptyTxContext({ origin: CALLER });
  const call = () => {
    state.beginTransaction(context);
    evm.execute(message, state);
  };
  for (let i = 0; i < 10_000; i++) call();
  // Let collections from the warm-up finish before counting.
  await new Promise((resolve) => setTimeout(resolve, 50));

  let minor = 0;
  let major = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // detail.kind: 1 = minor (scavenge), 2/4 = major/incremental marking, 8 = weak callbacks.
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === 1) minor++;
      else major++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < CALLS; i++) call();
  const heapAfter = process.memoryUsage().heapUsed;
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  // Every scavenge empties the young generation (16 MiB semi-space here at most), so that times
  // the scavenges, plus what is left, bounds what the calls allocated.
  const youngGeneration = 16 * 1024 * 1024;
  const upperBound = (minor * youngGeneration + Math.max(0, heapAfter - heapBefore)) / CALLS;
  return {
    engine,
    calls: CALLS,
    minorGcs: minor,
    majorGcs: major,
    heapGrowthBytes: heapAfter - heapBefore,
    bytesPerCallUpperBound: Math.round(upperBound),
  };
}

export function steadyStateText(rows: readonly SteadyState[]): string {
  const lines = rows.map(
    (row) =>
      `${row.engine.padEnd(12)} ${String(row.calls).padStart(8)} calls  ${String(row.minorGcs).padStart(4)} minor GCs  ${String(row.majorGcs).padStart(3)} major GCs  heap ${(row.heapGrowthBytes / 1024).toFixed(0).padStart(6)} KiB  ≤ ${row.bytesPerCallUpperBound} B/call`,
  );
  return ['steady state: 100,000 empty top-level calls after 10,000 warm-up calls', ...lines].join('\n');
}
