import { LATEST_REVISION, type Revision, revisionName } from '@tandem-evm/host';
import { OPCODES } from '@tandem-evm/opcodes';
import type { TraceCounters } from './trace.js';

/**
 * What a campaign reached, measured by running the reference engine traced
 * (see trace.ts): instructions executed per revision and opcode, child
 * frames by call kind, results by status, precompiles called, host methods
 * called, and the top-level statuses.
 */
export interface Coverage {
  runs: number;
  instructions: number;
  /** Per revision number: executions per opcode byte. */
  readonly opcodes: Uint32Array[];
  readonly runsByRevision: number[];
  readonly callKinds: Record<string, number>;
  readonly childStatuses: Record<string, number>;
  readonly topStatuses: Record<string, number>;
  readonly precompiles: Record<string, number>;
  readonly hostMethods: Record<string, number>;
  maxDepth: number;
}

export function newCoverage(): Coverage {
  return {
    runs: 0,
    instructions: 0,
    opcodes: Array.from({ length: LATEST_REVISION + 1 }, () => new Uint32Array(256)),
    runsByRevision: new Array(LATEST_REVISION + 1).fill(0),
    callKinds: {},
    childStatuses: {},
    topStatuses: {},
    precompiles: {},
    hostMethods: {},
    maxDepth: 0,
  };
}

const add = (into: Record<string, number>, key: string, count = 1) => {
  into[key] = (into[key] ?? 0) + count;
};

/** Adds one traced run to the coverage. */
export function recordRun(
  coverage: Coverage,
  revision: Revision,
  topStatus: string,
  counters: TraceCounters,
  hostCounts: ReadonlyMap<string, number>,
): void {
  coverage.runs++;
  coverage.runsByRevision[revision]!++;
  add(coverage.topStatuses, topStatus);
  const opcodes = coverage.opcodes[revision]!;
  for (let code = 0; code < 256; code++) {
    opcodes[code]! += counters.opcodes[code]!;
    coverage.instructions += counters.opcodes[code]!;
  }
  for (const [kind, count] of counters.callKinds) add(coverage.callKinds, kind, count);
  for (const [status, count] of counters.statuses) add(coverage.childStatuses, status, count);
  for (const [address, count] of counters.precompiles) add(coverage.precompiles, address, count);
  for (const [method, count] of hostCounts) add(coverage.hostMethods, method, count);
  coverage.maxDepth = Math.max(coverage.maxDepth, counters.maxDepth);
}

export function mergeCoverage(into: Coverage, from: Coverage): void {
  into.runs += from.runs;
  into.instructions += from.instructions;
  from.opcodes.forEach((counts, revision) => {
    const target = into.opcodes[revision]!;
    for (let code = 0; code < 256; code++) target[code]! += counts[code]!;
  });
  from.runsByRevision.forEach((runs, revision) => {
    into.runsByRevision[revision]! += runs;
  });
  for (const key of ['callKinds', 'childStatuses', 'topStatuses', 'precompiles', 'hostMethods'] as const) {
    for (const [name, count] of Object.entries(from[key])) add(into[key], name, count);
  }
  into.maxDepth = Math.max(into.maxDepth, from.maxDepth);
}

/** Opcodes defined in `revision` (from the opcode table). */
function definedOpcodes(revision: number): number[] {
  return OPCODES.flatMap((info) => (info !== undefined && info.since <= revision ? [info.code] : []));
}

const CALL_KINDS = ['call', 'callcode', 'delegatecall', 'staticcall', 'create', 'create2'];

export interface CoverageSummary {
  readonly runs: number;
  readonly instructions: number;
  /** Revisions with at least one run, of all 13. */
  readonly revisions: { readonly reached: number; readonly total: number };
  /** Defined opcodes executed at least once in some revision, of all defined in the latest. */
  readonly opcodes: { readonly reached: number; readonly total: number; readonly missing: string[] };
  /** (revision, opcode) pairs executed, of all pairs where the opcode is defined. */
  readonly opcodeRevisionPairs: { readonly reached: number; readonly total: number };
  readonly perRevision: { revision: string; runs: number; opcodesReached: number; opcodesDefined: number }[];
  readonly callKinds: {
    readonly reached: number;
    readonly total: number;
    readonly counts: Record<string, number>;
  };
  readonly childStatuses: Record<string, number>;
  readonly topStatuses: Record<string, number>;
  readonly precompiles: Record<string, number>;
  readonly hostMethods: Record<string, number>;
  readonly maxDepth: number;
}

export function summarizeCoverage(coverage: Coverage): CoverageSummary {
  const latest = definedOpcodes(LATEST_REVISION);
  const reachedAnywhere = new Set<number>();
  let pairs = 0;
  let pairsTotal = 0;
  const perRevision = coverage.opcodes.map((counts, revision) => {
    const defined = definedOpcodes(revision);
    const reached = defined.filter((code) => counts[code]! > 0);
    for (const code of reached) reachedAnywhere.add(code);
    pairs += reached.length;
    pairsTotal += defined.length;
    return {
      revision: revisionName(revision as Revision),
      runs: coverage.runsByRevision[revision]!,
      opcodesReached: reached.length,
      opcodesDefined: defined.length,
    };
  });
  return {
    runs: coverage.runs,
    instructions: coverage.instructions,
    revisions: {
      reached: coverage.runsByRevision.filter((runs) => runs > 0).length,
      total: LATEST_REVISION + 1,
    },
    opcodes: {
      reached: latest.filter((code) => reachedAnywhere.has(code)).length,
      total: latest.length,
      missing: latest.filter((code) => !reachedAnywhere.has(code)).map((code) => OPCODES[code]!.name),
    },
    opcodeRevisionPairs: { reached: pairs, total: pairsTotal },
    perRevision,
    callKinds: {
      reached: CALL_KINDS.filter((kind) => (coverage.callKinds[kind] ?? 0) > 0).length,
      total: CALL_KINDS.length,
      counts: coverage.callKinds,
    },
    childStatuses: coverage.childStatuses,
    topStatuses: coverage.topStatuses,
    precompiles: coverage.precompiles,
    hostMethods: coverage.hostMethods,
    maxDepth: coverage.maxDepth,
  };
}
