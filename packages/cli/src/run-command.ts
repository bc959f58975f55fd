import { Eip3155Tracer } from '@tandem-evm/evm';
import { parseRevision } from '@tandem-evm/host';
import { hexToBytes } from '@tandem-evm/primitives';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';
import { DEFAULT_GAS, runCode, runOutcomeJson } from './run-code.js';

const FLAGS = ['json', 'trace', 'create', 'post-state'];
const VALUES = ['code', 'input', 'gas', 'revision', 'engine', 'prestate'];

/** Reads `--code`/`--input`: hex, or `@path` to a file holding hex. */
export function readHexArgument(
  value: string,
  field: string,
  readFile: (path: string) => string,
): Uint8Array {
  const text = value.startsWith('@') ? readFile(value.slice(1)) : value;
  try {
    return hexToBytes(text.replace(/\s+/g, ''), field);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseGas(value: string): bigint {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(value))
    throw new UsageError(`--gas must be a non-negative integer, got '${value}'`);
  const gas = BigInt(value);
  if (gas > DEFAULT_GAS) throw new UsageError('--gas must be at most 2^63-1');
  return gas;
}

/** `tandem run`: parses the flags, runs the code (see `runCode`) and prints the outcome, its JSON or its trace. */
export function runCommand(argv: readonly string[], io: Io): number {
  const { positionals, options } = parseArgs(argv, new Set(FLAGS), new Set([...FLAGS, ...VALUES]));
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
  const create = options.get('create') === true;
  if (create && prestate !== undefined)
    throw new UsageError('--create does not work with --prestate (its message says what it creates)');
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
    create,
    ...(tracer !== undefined ? { inspector: tracer } : {}),
  });
  if (tracer !== undefined) {
    tracer.summary();
    return 0;
  }
  const json = runOutcomeJson(outcome, { postState: options.get('post-state') === true });
  if (options.get('json') === true) {
    io.stdout(`${JSON.stringify(json)}\n`);
    return 0;
  }
  const lines = [`status    ${json.status}`, `gas used  ${json.gasUsed}`, `refund    ${json.gasRefund}`];
  if (json.createdAddress !== undefined) lines.push(`created   ${json.createdAddress}`);
  lines.push(`output    ${json.output}`);
  for (const log of json.logs) lines.push(`log       ${JSON.stringify(log)}`);
  if (json.postState !== undefined) lines.push(`post-state ${JSON.stringify(json.postState, null, 2)}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
