export { interpreter } from './interpreter.js';
export { createSteppingInterpreter } from './stepping.js';
