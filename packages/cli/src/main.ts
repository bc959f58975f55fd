import { UsageError } from './args.js';
import { compileCommand } from './compile-command.js';
import { fuzzCommand } from './fuzz-command.js';
import { type Io, nodeIo } from './io.js';
import { runCommand } from './run-command.js';
import { statetestCommand } from './statetest-command.js';
import { t8nCommand } from './t8n-command.js';
import { COMMAND_USAGE, USAGE } from './usage.js';

/** Runs the CLI; returns the exit code (2 for bad arguments). */
export function main(argv: readonly string[], io: Io = nodeIo): number {
  const [command, ...rest] = argv;
  const commandUsage = command === undefined ? undefined : COMMAND_USAGE[command];
  if (commandUsage !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(`Usage:\n${commandUsage}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'run':
        return runCommand(rest, io);
      case 'compile':
        return compileCommand(rest, io);
      case 'statetest':
        return statetestCommand(rest, io);
      case 'fuzz':
        return fuzzCommand(rest, io);
      case 't8n':
        return t8nCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tandem: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
