import { parseRevision } from '@tandem-evm/host';
import { compile, generateSource } from '@tandem-evm/multipass';
import { analyzeCode } from '@tandem-evm/opcodes';
import { parseArgs, UsageError } from './args.js';
import { readHexArgument } from './run-command.js';

/**
 * `tandem compile --code <hex|@file> [--revision NAME] [--emit js]`: compiles
 * code with the multipass compiler and prints what it made of it — a summary,
 * or with `--emit js` the generated JavaScript for a person to read.
 */
export function compileCommand(
  argv: readonly string[],
  io: { stdout: (text: string) => void; readFile: (path: string) => string },
): number {
  const { positionals, options } = parseArgs(argv, new Set(), new Set(['code', 'revision', 'emit']));
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const codeArgument = options.get('code');
  if (typeof codeArgument !== 'string') throw new UsageError('--code is required');
  const emit = options.get('emit');
  if (emit !== undefined && emit !== 'js') throw new UsageError(`--emit must be 'js', got '${emit}'`);
  let revision: ReturnType<typeof parseRevision>;
  try {
    revision = parseRevision(String(options.get('revision') ?? 'osaka'), '--revision');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const code = readHexArgument(codeArgument, '--code', io.readFile);
  const analyzed = analyzeCode(code);
  if (emit === 'js') {
    io.stdout(`${generateSource(analyzed, revision).source}\n`);
    return 0;
  }
  const compiled = compile(analyzed, revision);
  io.stdout(
    `verdict   ${compiled.verdict}\nbytes     ${code.length}\nblocks    ${compiled.blockCount}\nsource    ${compiled.source.length} characters\ncompile   ${compiled.compileMs.toFixed(2)} ms\n`,
  );
  return 0;
}
