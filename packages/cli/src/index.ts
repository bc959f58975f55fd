export { main } from './main.js';
export type { Io } from './main.js';
export { runCode, runOutcomeJson, RUN_ADDRESS, RUN_CALLER, DEFAULT_GAS } from './run-command.js';
export type { RunOptions, RunOutcome } from './run-command.js';
