import { readFileSync } from 'node:fs';
import { parseRevision } from '@tandem-evm/host';
import { parseArgs, UsageError } from './args.js';
import { compileCommand } from './compile-command.js';
import { parseGas, readHexArgument, runCode, runOutcomeJson } from './run-command.js';
import { statetestCommand } from './statetest-command.js';

const USAGE = `Usage:
  tandem run --code <hex|@file> [--input <hex|@file>] [--gas N] [--revision NAME] [--engine interpreter|multipass|auto] [--json]

Runs the code as the callee of one CALL at depth 0 with the input as calldata,
in a fresh in-memory state; no intrinsic gas; default gas 2^63-1, revision cancun.

  tandem statetest <path…> [--fork Cancun] [--engine interpreter|multipass|auto] [--filter REGEX] [--include-slow] [--json]

Runs the state-test fixtures under the paths; exit code 1 if any case failed.

  tandem compile --code <hex|@file> [--revision NAME] [--emit js]

Compiles the code with the multipass compiler: a summary, or the generated JavaScript.`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
}

const nodeIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  },
};

function runCommand(argv: readonly string[], io: Io): number {
  const { positionals, options } = parseArgs(
    argv,
    new Set(['json']),
    new Set(['code', 'input', 'gas', 'revision', 'engine', 'json']),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const code = options.get('code');
  if (typeof code !== 'string') throw new UsageError('--code is required');
  const input = options.get('input');
  const gas = options.get('gas');
  const revision = options.get('revision') ?? 'cancun';
  const engine = options.get('engine') ?? 'interpreter';
  if (engine !== 'interpreter' && engine !== 'multipass' && engine !== 'auto') {
    throw new UsageError(`--engine must be interpreter, multipass or auto, got '${engine}'`);
  }
  try {
    parseRevision(revision as string, '--revision');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const outcome = runCode({
    code: readHexArgument(code, '--code', io.readFile),
    ...(typeof input === 'string' ? { input: readHexArgument(input, '--input', io.readFile) } : {}),
    ...(typeof gas === 'string' ? { gas: parseGas(gas) } : {}),
    revision: revision as string,
    engine,
  });
  const json = runOutcomeJson(outcome);
  if (options.get('json') === true) {
    io.stdout(`${JSON.stringify(json)}\n`);
  } else {
    io.stdout(
      `status    ${json.status}\ngas used  ${json.gasUsed}\nrefund    ${json.gasRefund}\noutput    ${json.output}\n`,
    );
  }
  return 0;
}

/** Runs the CLI; returns the exit code (2 for bad arguments). */
export function main(argv: readonly string[], io: Io = nodeIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return runCommand(rest, io);
      case 'compile':
        return compileCommand(rest, io);
      case 'statetest':
        return statetestCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
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
