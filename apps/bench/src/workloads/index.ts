import { callWorkloads } from './calls.js';
import { compileWorkloads } from './compile.js';
import { fixtureWorkloads } from './fixtures.js';
import type { Workload } from './workload.js';

export type { AccountInit, CallOutcome, CallWorkload, Group, SetupWorkload, Workload } from './workload.js';
export { GROUPS } from './workload.js';

/** Every workload, in report order: main, micro, legacy, call, compile. */
export function allWorkloads(): Workload[] {
  return [...fixtureWorkloads(), ...callWorkloads(), ...compileWorkloads()];
}
