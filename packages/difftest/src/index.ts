export type {
  CheckOptions,
  Mismatch,
  RangeEvent,
  RangeOptions,
  RangeResult,
  Reproducer,
  Runner,
  TraceDifference,
} from './campaign.js';
export {
  caseSeed,
  checkEngines,
  checkScenario,
  ETHEREUMJS_COMPARE,
  generateCase,
  makeReproducer,
  runRange,
  settleGas,
  shrinkCase,
  traceDifference,
  writeReproducer,
} from './campaign.js';
export type { Coverage, CoverageSummary } from './coverage.js';
export { mergeCoverage, newCoverage, summarizeCoverage } from './coverage.js';
export type { EthereumjsRunOptions } from './ethereumjs.js';
export {
  ETHEREUMJS_STATUS_EQUIVALENCES,
  ethereumjsKnownBug,
  ethereumjsStatusClass,
  runEthereumjs,
} from './ethereumjs.js';
export type { GeneratedScenario } from './generators.js';
export {
  ADDRESSES,
  CREATED_SLOT,
  initCodeArb,
  programArb,
  revisionArb,
  scenarioArb,
  scenarioArbFor,
  wordArb,
} from './generators.js';
export type { AccountDump, CompareOptions, Difference, Outcome } from './outcome.js';
export { compareOutcomes, dumpAccount, dumpedSlots, sortedAccounts } from './outcome.js';
export type { PoolOptions, PoolResult } from './pool.js';
export { runPool, splitRange } from './pool.js';
export type { PrecompileCall } from './precompile-inputs.js';
export { precompileCallInput } from './precompile-inputs.js';
export type { Blob, Piece, Program, Snippet } from './program.js';
export { assembleProgram, compound, op, push, pushBytes, raw } from './program.js';
export { RecordingHost } from './recording-host.js';
export type {
  AccessListEntry,
  Scenario,
  ScenarioAccount,
  ScenarioJson,
  ScenarioMessage,
} from './scenario.js';
export { entryCode, scenarioFromJson, scenarioToJson } from './scenario.js';
export type { StatusClass } from './status.js';
export { statusClass } from './status.js';
export type { TandemRunOptions } from './tandem.js';
export {
  AUTO_WARM_UP_RUNS,
  ENGINE_NAMES,
  prepareState,
  runTandem,
  scenarioMessage,
  warmAddresses,
} from './tandem.js';
export type { TraceCounters } from './trace.js';
export { newCounters, traceEngine } from './trace.js';
