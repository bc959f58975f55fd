import { Eip3155Tracer } from '@tandem-evm/evm';
import { parseRevision } from '@tandem-evm/host';
import { readFixtureFile } from '@tandem-evm/statetest';
import { parseArgs, UsageError } from './args.js';
import { compileCommand } from './compile-command.js';
import { fuzzCommand } from './fuzz-command.js';
import { parseGas, readHexArgument, runCode, runOutcomeJson } from './run-command.js';
import { statetestCommand } from './statetest-command.js';
import { T8N_USAGE, t8nCommand } from './t8n-command.js';

const USAGE = `Usage:
  tandem run --code <hex|@file> [--input <hex|@file>] [--gas N] [--revision NAME] [--engine interpreter|multipass|auto] [--prestate FILE] [--json] [--trace]

Runs the code as the callee of one CALL at depth 0 with the input as calldata,
in a fresh in-memory state; no intrinsic gas; default gas 2^63-1, revision osaka.
With --prestate (a scenario or a reproducer from tandem fuzz), runs its message on its state.
With --trace, prints an EIP-3155 trace instead: a JSON line per instruction, then a summary line.

  tandem statetest <path…> [--fork Cancun] [--engine interpreter|multipass|auto] [--filter REGEX] [--include-slow] [--json] [--trace]

Runs the state-test fixtures under the paths; exit code 1 if any case failed.
With --trace, runs the one case the paths and --filter select and prints its EIP-3155 trace.

  tandem compile --code <hex|@file> [--revision NAME] [--emit js]

Compiles the code with the multipass compiler: a summary, or the generated JavaScript.

  tandem fuzz [--runs N] [--seed S] [--engines a,b] [--revisions r,s] [--against ethereumjs] [--shard i/n] [--workers K] [--out DIR] [--coverage] [--json]

Runs N generated scenarios on the engines (and @ethereumjs/evm) and compares them; writes a
reproducer per divergence to DIR; exit code 1 on a divergence. --revisions draws the scenarios
from those revisions only (e.g. prague,osaka; default: all, weighted to the newest).

${T8N_USAGE}`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
}

const nodeIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Fixture files may be gzipped (`.json.gz`); every other file is read as it is.
  readFile: (path) => {
    try {
      return readFixtureFile(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  },
};

function runCommand(argv: readonly string[], io: Io): number {
  const { positionals, options } = parseArgs(
    argv,
    new Set(['json', 'trace']),
    new Set(['code', 'input', 'gas', 'revision', 'engine', 'prestate', 'json', 'trace']),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const code = options.get('code');
  const prestate = options.get('prestate');
  if (typeof code !== 'string' && prestate === undefined) throw new UsageError('--code is required');
  const input = options.get('input');
  const gas = options.get('gas');
  const revision = options.get('revision') ?? 'osaka';
  const engine = options.get('engine') ?? 'interpreter';
  if (engine !== 'interpreter' && engine !== 'multipass' && engine !== 'auto') {
    throw new UsageError(`--engine must be interpreter, multipass or auto, got '${engine}'`);
  }
  try {
    parseRevision(revision as string, '--revision');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const trace = options.get('trace') === true;
  if (trace && prestate !== undefined) throw new UsageError('--trace does not work with --prestate yet');
  const tracer = trace ? new Eip3155Tracer((line) => io.stdout(`${line}\n`)) : undefined;
  const outcome = runCode({
    ...(typeof code === 'string' ? { code: readHexArgument(code, '--code', io.readFile) } : {}),
    ...(typeof prestate === 'string' ? { prestate: io.readFile(prestate) } : {}),
    ...(typeof input === 'string' ? { input: readHexArgument(input, '--input', io.readFile) } : {}),
    ...(typeof gas === 'string' ? { gas: parseGas(gas) } : {}),
    // A prestate keeps its own revision unless --revision is given.
    ...(prestate === undefined || options.has('revision') ? { revision: revision as string } : {}),
    engine,
    ...(tracer !== undefined ? { inspector: tracer } : {}),
  });
  if (tracer !== undefined) {
    tracer.summary();
    return 0;
  }
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
      case 'fuzz':
        return fuzzCommand(rest, io);
      case 't8n':
        return t8nCommand(rest, io);
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
