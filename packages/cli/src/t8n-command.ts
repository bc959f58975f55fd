import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineName } from '@tandem-evm/evm';
import { bytesToHex } from '@tandem-evm/primitives';
import { parsePre } from '@tandem-evm/statetest';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';
import { parseT8nEnv } from './t8n/env.js';
import { T8N_EXIT, T8nError } from './t8n/exit-codes.js';
import { parseT8nFork } from './t8n/fork.js';
import { jsonFail, jsonObject } from './t8n/json.js';
import { allocJson, resultJson } from './t8n/output.js';
import { applyTransition } from './t8n/transition.js';
import { encodeBody, parseJsonTransactions, parseRlpTransactions, type T8nTransaction } from './t8n/txs.js';

const OPTIONS = [
  'input.alloc',
  'input.env',
  'input.txs',
  'output.basedir',
  'output.alloc',
  'output.result',
  'output.body',
  'state.fork',
  'state.chainid',
  'state.reward',
  'trace',
  'engine',
];

/** The CLI's I/O, plus standard input (read once, for `stdin` inputs). */
export interface T8nIo extends Io {
  readonly readStdin?: () => string;
}

function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new T8nError(T8N_EXIT.io, `cannot read ${path}: ${(error as Error).message}`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return jsonFail(`${what} is not JSON: ${(error as Error).message}`);
  }
}

function integerOption(value: string, name: string): bigint {
  if (!/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(value))
    throw new UsageError(`--${name} must be an integer, got '${value}'`);
  return value.startsWith('-') ? -BigInt(value.slice(1)) : BigInt(value);
}

/** Reads the three inputs, each from its file or from the one JSON object on stdin. */
function readInputs(options: ReadonlyMap<string, string | boolean>, io: T8nIo, chainId: bigint) {
  const source = (name: string, fallback: string) => (options.get(name) as string | undefined) ?? fallback;
  const allocSource = source('input.alloc', 'alloc.json');
  const envSource = source('input.env', 'env.json');
  const txsSource = source('input.txs', 'txs.json');
  const usesStdin = [allocSource, envSource, txsSource].includes('stdin');
  const stdin = usesStdin
    ? jsonObject(parseJson(io.readStdin?.() ?? readFileSync(0, 'utf8'), 'stdin'), 'stdin')
    : {};
  const alloc = allocSource === 'stdin' ? stdin.alloc : parseJson(readInputFile(allocSource), allocSource);
  const env = envSource === 'stdin' ? stdin.env : parseJson(readInputFile(envSource), envSource);
  let txs: T8nTransaction[];
  if (txsSource === 'stdin') {
    txs =
      typeof stdin.txsRlp === 'string' && stdin.txsRlp.length > 0
        ? parseRlpTransactions(stdin.txsRlp)
        : parseJsonTransactions(stdin.txs, chainId);
  } else if (txsSource.endsWith('.rlp')) {
    const hex = parseJson(readInputFile(txsSource), txsSource);
    if (typeof hex !== 'string') jsonFail(`${txsSource} must hold the RLP as a JSON hex string`);
    txs = parseRlpTransactions(hex);
  } else {
    txs = parseJsonTransactions(parseJson(readInputFile(txsSource), txsSource), chainId);
  }
  let pre: ReturnType<typeof parsePre>;
  try {
    pre = parsePre(alloc ?? {}, 'alloc');
  } catch (error) {
    return jsonFail((error as Error).message);
  }
  return { alloc: pre, env: parseT8nEnv(env), txs };
}

/** Sends each output where its option says: into the stdout or stderr object, a file in the base dir, or nowhere. */
function dispatchOutputs(
  outputs: readonly (readonly [string, string, unknown])[],
  baseDir: string,
  io: T8nIo,
): void {
  const toStdout: Record<string, unknown> = {};
  const toStderr: Record<string, unknown> = {};
  for (const [name, target, value] of outputs) {
    if (target === '') continue;
    if (target === 'stdout') toStdout[name] = value;
    else if (target === 'stderr') toStderr[name] = value;
    else writeOutputFile(join(baseDir, target), `${JSON.stringify(value, null, 1)}\n`);
  }
  if (Object.keys(toStdout).length > 0) io.stdout(`${JSON.stringify(toStdout, null, 2)}\n`);
  if (Object.keys(toStderr).length > 0) io.stderr(`${JSON.stringify(toStderr, null, 2)}\n`);
}

function writeOutputFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new T8nError(T8N_EXIT.io, `cannot write ${path}: ${(error as Error).message}`);
  }
}

function runT8n(argv: readonly string[], io: T8nIo): number {
  const { positionals, options } = parseArgs(argv, new Set(['trace']), new Set(OPTIONS));
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const text = (name: string, fallback: string) => (options.get(name) as string | undefined) ?? fallback;
  const engine = text('engine', 'interpreter');
  if (engine !== 'interpreter' && engine !== 'multipass' && engine !== 'auto') {
    throw new UsageError(`--engine must be interpreter, multipass or auto, got '${engine}'`);
  }
  const chainId = integerOption(text('state.chainid', '1'), 'state.chainid');
  const reward = integerOption(text('state.reward', '0'), 'state.reward');
  const fork = parseT8nFork(text('state.fork', 'GrayGlacier'));
  const baseDir = text('output.basedir', '');
  if (baseDir !== '') {
    try {
      mkdirSync(baseDir, { recursive: true });
    } catch (error) {
      throw new T8nError(T8N_EXIT.io, `cannot create ${baseDir}: ${(error as Error).message}`);
    }
  }
  const inputs = readInputs(options, io, chainId);
  const traces = new Map<string, string[]>();
  const output = applyTransition({
    ...inputs,
    fork,
    chainId,
    reward,
    engine: engine as EngineName,
    ...(options.get('trace') === true
      ? {
          traceTo: (index: number, hash: bigint) => {
            const lines: string[] = [];
            traces.set(`trace-${index}-0x${hash.toString(16).padStart(64, '0')}.jsonl`, lines);
            return (line: string) => lines.push(line);
          },
        }
      : {}),
  });
  for (const [name, lines] of traces)
    writeOutputFile(join(baseDir, name), lines.map((line) => `${line}\n`).join(''));
  dispatchOutputs(
    [
      ['alloc', text('output.alloc', 'alloc.json'), allocJson(output.state)],
      ['result', text('output.result', 'result.json'), resultJson(output, inputs.env)],
      ['body', text('output.body', ''), bytesToHex(encodeBody(output.included.map(({ tx }) => tx)))],
    ],
    baseDir,
    io,
  );
  return 0;
}

/**
 * `tandem t8n`: go-ethereum's `evm t8n` interface over Tandem (see its usage in usage.ts).
 * Returns the exit code: 0, or geth's code for what was wrong (printed as
 * `ERROR(code): message` on stderr); bad arguments throw a UsageError (exit 2).
 */
export function t8nCommand(argv: readonly string[], io: T8nIo): number {
  try {
    return runT8n(argv, io);
  } catch (error) {
    if (!(error instanceof T8nError)) throw error;
    io.stderr(`ERROR(${error.exitCode}): ${error.message}\n`);
    return error.exitCode;
  }
}
