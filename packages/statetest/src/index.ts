export { diffStates } from './diff.js';
export type { CaseIndexes, MultiTransaction, PostEntry, StateTest } from './fixture.js';
export {
  caseTransaction,
  parseAccessList,
  parseAuthorizationList,
  parseFixtureNumber,
  parsePre,
  parseStateTestFile,
  senderOfSecretKey,
} from './fixture.js';
export type { CaseActual, CaseCheck, CaseResult, RunnerOptions } from './runner.js';
export { checkCase, collectFixtureFiles, readFixtureFile, StateTestRunner } from './runner.js';
export type { SkipEntry } from './skip-list.js';
export { SKIP_LIST, SLOW_CASES, STALE_CASES, skipEntryFor, slowEntryFor } from './skip-list.js';
