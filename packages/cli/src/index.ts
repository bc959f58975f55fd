export type { Io } from './io.js';
export { main } from './main.js';
export type { RunJson, RunOptions, RunOutcome } from './run-code.js';
export { DEFAULT_GAS, RUN_ADDRESS, RUN_CALLER, runCode, runOutcomeJson } from './run-code.js';
