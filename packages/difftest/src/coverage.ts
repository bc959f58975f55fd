import { LATEST_REVISION, type Revision, Revision as Revisions, revisionName } from '@tandem-evm/host';
import { OP, OPCODES } from '@tandem-evm/opcodes';
import { isPrecompile } from '@tandem-evm/precompiles';
import { delegationTarget } from '@tandem-evm/primitives';
import type { Scenario } from './scenario.js';
import type { TraceCounters } from './trace.js';

/**
 * What a campaign reached, measured by running the reference engine traced
 * (see trace.ts): instructions executed per revision and opcode, child
 * frames by call kind, results by status, precompiles called and their
 * results, EIP-7702 delegations followed, host methods called, and the
 * top-level statuses.
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
  /** Precompile results, as `<address> <status>` (see TraceCounters). */
  readonly precompileResults: Record<string, number>;
  /**
   * From Prague, instructions on delegated accounts (a designator in the
   * pre-state): `<CALL kind> → <target kind>`, `EXTCODESIZE` etc., and
   * `top-level → <target kind>` for a message to one.
   */
  readonly delegation: Record<string, number>;
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
    precompileResults: {},
    delegation: {},
    hostMethods: {},
    maxDepth: 0,
  };
}

const add = (into: Record<string, number>, key: string, count = 1) => {
  into[key] = (into[key] ?? 0) + count;
};

const CALL_OPCODES = new Set(['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL']);

/** What a delegation of `authority` to `target` points to, judged on the scenario's pre-state. */
function delegationKind(scenario: Scenario, authority: bigint, target: bigint): string {
  if (isPrecompile(target, scenario.revision)) return 'precompile';
  if (target === authority) return 'itself';
  const account = scenario.accounts.find((candidate) => candidate.address === target);
  if (account === undefined) return 'missing';
  if (delegationTarget(account.code) !== undefined) return 'delegated';
  if (account.code.length > 0) return 'contract';
  return account.nonce === 0n && account.balance === 0n ? 'empty' : 'eoa';
}

function recordDelegations(coverage: Coverage, scenario: Scenario, counters: TraceCounters): void {
  if (scenario.revision < Revisions.Prague) return;
  const kinds = new Map<bigint, string>();
  for (const account of scenario.accounts) {
    const target = delegationTarget(account.code);
    if (target !== undefined) kinds.set(account.address, delegationKind(scenario, account.address, target));
  }
  if (kinds.size === 0) return;
  const { message } = scenario;
  const top = message.kind === 'call' ? kinds.get(message.to) : undefined;
  if (top !== undefined) add(coverage.delegation, `top-level → ${top}`);
  for (const [read, count] of counters.codeReads) {
    const [opcode, address] = read.split(' ') as [string, string];
    const kind = kinds.get(BigInt(`0x${address}`));
    if (kind !== undefined)
      add(coverage.delegation, CALL_OPCODES.has(opcode) ? `${opcode} → ${kind}` : opcode, count);
  }
}

/** Adds one traced run of `scenario` to the coverage. */
export function recordRun(
  coverage: Coverage,
  scenario: Scenario,
  topStatus: string,
  counters: TraceCounters,
  hostCounts: ReadonlyMap<string, number>,
): void {
  const { revision } = scenario;
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
  for (const [result, count] of counters.precompileResults) add(coverage.precompileResults, result, count);
  recordDelegations(coverage, scenario, counters);
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
  const keys = [
    'callKinds',
    'childStatuses',
    'topStatuses',
    'precompiles',
    'precompileResults',
    'delegation',
    'hostMethods',
  ] as const;
  for (const key of keys) {
    for (const [name, count] of Object.entries(from[key])) add(into[key], name, count);
  }
  into.maxDepth = Math.max(into.maxDepth, from.maxDepth);
}

/** Opcodes defined in `revision` (from the opcode table). */
function definedOpcodes(revision: number): number[] {
  return OPCODES.flatMap((info) => (info !== undefined && info.since <= revision ? [info.code] : []));
}

const CALL_KINDS = ['call', 'callcode', 'delegatecall', 'staticcall', 'create', 'create2'];

const reached = (counts: Record<string, number>, key: string) => (counts[key] ?? 0) > 0;
const reachedAny = (counts: Record<string, number>, test: (key: string) => boolean) =>
  Object.entries(counts).some(([key, count]) => count > 0 && test(key));

/** What Prague and Osaka add to the EVM, each with the check that a campaign reached it. */
const PRAGUE_OSAKA: readonly (readonly [string, (coverage: Coverage) => boolean])[] = [
  ['CLZ in Osaka', (coverage) => coverage.opcodes[Revisions.Osaka]![OP.CLZ]! > 0],
  // Before Osaka modexp never fails but out of gas: a failure is EIP-7823's bound.
  [
    '0x05 over the EIP-7823 bound',
    (coverage) => reached(coverage.precompileResults, '0x05 precompile-failure'),
  ],
  ...['0x0b', '0x0c', '0x0d', '0x0e', '0x0f', '0x10', '0x11'].flatMap((address) =>
    ['success', 'precompile-failure'].map(
      (status) =>
        [
          `${address} ${status}`,
          (coverage: Coverage) => reached(coverage.precompileResults, `${address} ${status}`),
        ] as const,
    ),
  ),
  ['0x100 valid signature', (coverage) => reached(coverage.precompileResults, '0x100 success')],
  ['0x100 invalid input', (coverage) => reached(coverage.precompileResults, '0x100 success-empty')],
  ...['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL'].map(
    (opcode) =>
      [
        `${opcode} of a delegated account`,
        (coverage: Coverage) => reachedAny(coverage.delegation, (key) => key.startsWith(`${opcode} →`)),
      ] as const,
  ),
  ...['EXTCODESIZE', 'EXTCODECOPY', 'EXTCODEHASH'].map(
    (opcode) =>
      [
        `${opcode} of a delegated account`,
        (coverage: Coverage) => reached(coverage.delegation, opcode),
      ] as const,
  ),
  ...[['contract'], ['eoa'], ['empty', 'missing'], ['precompile'], ['delegated'], ['itself']].map(
    (kinds) =>
      [
        `a delegation to: ${kinds.join(' or ')}`,
        (coverage: Coverage) =>
          reachedAny(coverage.delegation, (key) => kinds.some((kind) => key.endsWith(`→ ${kind}`))),
      ] as const,
  ),
  [
    'a top-level message to a delegated account',
    (coverage) => reachedAny(coverage.delegation, (key) => key.startsWith('top-level')),
  ],
];

export interface CoverageSummary {
  readonly runs: number;
  readonly instructions: number;
  /** Revisions with at least one run, of all of them. */
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
  readonly precompileResults: Record<string, number>;
  readonly delegation: Record<string, number>;
  /** What Prague and Osaka add (CLZ, each new precompile's success and failure, delegations), reached. */
  readonly pragueOsaka: { readonly reached: number; readonly total: number; readonly missing: string[] };
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
    precompileResults: coverage.precompileResults,
    delegation: coverage.delegation,
    pragueOsaka: {
      reached: PRAGUE_OSAKA.filter(([, check]) => check(coverage)).length,
      total: PRAGUE_OSAKA.length,
      missing: PRAGUE_OSAKA.filter(([, check]) => !check(coverage)).map(([name]) => name),
    },
    hostMethods: coverage.hostMethods,
    maxDepth: coverage.maxDepth,
  };
}
