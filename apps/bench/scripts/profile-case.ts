/**
 * Profiles one case on one engine with V8's sampling profiler and prints the
 * functions with the most self time:
 * `pnpm --filter @tandem-evm/bench profile <case> [engine] [seconds]`.
 * Writes the full profile to `<case>.<engine>.cpuprofile` (open it in Chrome
 * DevTools) when PROFILE_OUT is set to a folder.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { ENGINES } from '../src/engines/index.js';
import { allWorkloads } from '../src/workloads/index.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

process.setSourceMapsEnabled(false);
const [caseName, engineName = 'interpreter', secondsText = '3'] = process.argv.slice(2);
const workload = allWorkloads().find((entry) => entry.name === caseName);
const factory = ENGINES[engineName];
if (workload === undefined || factory === undefined) {
  process.stderr.write('usage: profile-case.ts <case> [engine] [seconds]\n');
  process.exit(2);
}
const engine = factory();
const prepared =
  workload.kind === 'call' ? await engine.prepareCall(workload) : await engine.prepareSetup(workload);
if (prepared === undefined) throw new Error(`${engineName} has no set-up step`);
await prepared.run();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const deadline = process.hrtime.bigint() + BigInt(Math.round(Number(secondsText) * 1e9));
let calls = 0;
let ns = 0;
while (process.hrtime.bigint() < deadline) {
  ns += await prepared.time(1);
  calls++;
}
const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
session.disconnect();

const selfHits = new Map<string, number>();
let totalHits = 0;
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  totalHits += hits;
  const frame = node.callFrame;
  const where = frame.url === '' ? '' : ` ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
  const name = `${frame.functionName || '(anonymous)'}${where}`;
  selfHits.set(name, (selfHits.get(name) ?? 0) + hits);
}
process.stdout.write(
  `${caseName} on ${engineName}: ${calls} calls, ${(ns / calls / 1e3).toFixed(1)} µs per call\nself time:\n`,
);
for (const [name, hits] of [...selfHits].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  process.stdout.write(`${((100 * hits) / totalHits).toFixed(1).padStart(6)}%  ${name}\n`);
}
const out = process.env.PROFILE_OUT;
if (out !== undefined) {
  const file = path.join(out, `${caseName!.replace(/\//g, '_')}.${engineName}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  process.stdout.write(`wrote ${file}\n`);
}
