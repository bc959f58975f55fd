/**
 * One cold run, in a process of its own (see cold.ts): `cold-run.ts <case> <engine>`
 * prepares the case, runs it once, verifies it and prints
 * `{"coldRunNs": …}` or `{"error": "…"}` as its last line.
 */
import { ENGINES } from './engines/index.js';
import { verifiedRun } from './runner.js';
import { allWorkloads } from './workloads/index.js';

// As in main.ts: a program on the built packages has source maps off.
process.setSourceMapsEnabled(false);

async function coldRun(caseName: string | undefined, engineName: string | undefined): Promise<object> {
  const workload = allWorkloads().find((entry) => entry.name === caseName);
  const factory = engineName === undefined ? undefined : ENGINES[engineName];
  if (workload === undefined || factory === undefined)
    return { error: `no case ${caseName} or engine ${engineName}` };
  const run = await verifiedRun(workload, factory());
  if (run === undefined) return { error: `${engineName} has no set-up step` };
  if (run.problems.length > 0) return { error: run.problems.join('; ') };
  return { coldRunNs: run.firstRunNs };
}

const [caseName, engineName] = process.argv.slice(2);
process.stdout.write(`${JSON.stringify(await coldRun(caseName, engineName))}\n`);
