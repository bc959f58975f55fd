export type { Io } from './main.js';
export { main } from './main.js';
export type { RunOptions, RunOutcome } from './run-command.js';
export { DEFAULT_GAS, RUN_ADDRESS, RUN_CALLER, runCode, runOutcomeJson } from './run-command.js';
