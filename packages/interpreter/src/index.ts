export { interpreter } from './interpreter.js';
