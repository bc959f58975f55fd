/**
 * Cold runs: each case's verified run again, in a fresh Node process per case
 * and engine, so that no earlier case has compiled the engine's JavaScript.
 * The main run's first run is the first time an engine ran that code, but in
 * a process where other cases have warmed the engine; this is what a program
 * that starts, runs one call and exits pays (module loading excluded).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './runner.js';
import type { Group } from './workloads/index.js';

/** Groups measured cold: the design's cases and the calls (legacy and set-up cases would double the time for little). */
export const COLD_GROUPS: readonly Group[] = ['main', 'micro', 'call'];

const COLD_RUN_SCRIPT = fileURLToPath(new URL('./cold-run.ts', import.meta.url));
/** The bench app's folder, where the child resolves its loader from. */
const APP_FOLDER = fileURLToPath(new URL('..', import.meta.url));
/** Longer than ethereumjs's slowest single run (about 5 s for snailtracer). */
const TIMEOUT_MS = 120_000;

/**
 * The first run of `caseName` on `engine` in a new process; a string says why
 * there is none. `nodeArgs` default to this process's Node flags: under tsx,
 * its loader and the source condition.
 */
export function coldRun(caseName: string, engine: string, nodeArgs = process.execArgv): number | string {
  const child = spawnSync(process.execPath, [...nodeArgs, COLD_RUN_SCRIPT, caseName, engine], {
    cwd: APP_FOLDER,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
  const last = child.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    const reply = JSON.parse(last) as { coldRunNs?: number; error?: string };
    if (typeof reply.coldRunNs === 'number') return reply.coldRunNs;
    return reply.error ?? 'no time in the reply';
  } catch {
    const why =
      child.error?.message ?? child.stderr?.trim().split('\n').at(-1) ?? `exit code ${child.status}`;
    return `cold run failed: ${why}`;
  }
}

/**
 * Adds cold run times to the verified results of the COLD_GROUPS cases, one
 * process at a time (they would compete for the two cores otherwise).
 * A cold run that fails leaves the result without one and is reported.
 */
export function withColdRuns(
  results: readonly CaseResult[],
  onProgress: (done: number, total: number, result: CaseResult) => void,
  onFailure: (result: CaseResult, why: string) => void,
): CaseResult[] {
  const measured = (result: CaseResult) => result.verified && COLD_GROUPS.includes(result.group);
  const total = results.filter(measured).length;
  let done = 0;
  return results.map((result) => {
    if (!measured(result)) return result;
    onProgress(done++, total, result);
    const cold = coldRun(result.case, result.engine);
    if (typeof cold === 'string') {
      onFailure(result, cold);
      return result;
    }
    return { ...result, coldRunNs: cold };
  });
}
