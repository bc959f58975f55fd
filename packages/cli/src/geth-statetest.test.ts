import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './test/cli.js';

const TESTDATA = fileURLToPath(new URL('../testdata/goevmlab/', import.meta.url));
// The command goevmlab's geth driver runs (evms/geth.go).
const GOEVMLAB_FLAGS = [
  '--trace',
  '--trace.format=json',
  '--trace.nomemory=true',
  '--trace.noreturndata=true',
];

type Line = Record<string, unknown>;
const parseLines = (text: string): Line[] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);

/**
 * The fields of a trace line Tandem must print as geth does. Not compared: the
 * error text (each EVM words its own; only its presence is), a frame's output
 * (geth prints a creation's returned code), the `gasCost` of CREATE and
 * CREATE2 (geth counts only the creation's own cost, Tandem also the gas it
 * passes on) and of an instruction that failed (geth prints the whole cost,
 * Tandem the static part); goevmlab clears gasCost (and refund) before
 * comparing traces anyway.
 */
function comparable(line: Line): Line {
  if ('stateRoot' in line) return line;
  const failed = 'error' in line;
  if (!('pc' in line)) return { gasUsed: line.gasUsed, failed };
  const { pc, op, opName, gas, gasCost, memSize, stack, depth, refund } = line;
  const costDiffers = failed || opName === 'CREATE' || opName === 'CREATE2';
  return { pc, op, opName, gas, memSize, stack, depth, refund, failed, ...(costDiffers ? {} : { gasCost }) };
}

describe("tandem statetest with geth's flags", () => {
  // Every goevmlab fixture copied here. 00000936-mixed-1 fails in RETURNDATACOPY and negative_refund
  // in an undefined opcode: geth prints such an instruction twice, before and with its error.
  it.each([
    ['00000006-naivefuzz-0', 916],
    ['00000936-mixed-1', 28],
    ['00003656-naivefuzz-0', 46],
    ['negative_refund', 422],
    ['stackUnderflow_nonzeroMem', 14],
    ['statetest1', 8],
  ])('prints geth’s trace, state root and result for goevmlab’s %s', (name, lineCount) => {
    const fixture = `${TESTDATA}${name}.json`;
    const { code, stdout, stderr } = cli(['statetest', ...GOEVMLAB_FLAGS, fixture]);
    expect(code).toBe(0);
    const expected = parseLines(readFileSync(`${fixture}.geth.stderr.txt`, 'utf8'));
    const actual = parseLines(stderr);
    expect(actual).toHaveLength(lineCount);
    expect(actual.map(comparable)).toEqual(expected.map(comparable));
    // The state root line exactly as geth writes it, space included: goevmlab's ParseStateRoot looks for it.
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      readFileSync(`${fixture}.geth.stderr.txt`, 'utf8').trimEnd().split('\n').at(-1),
    );
    expect(stdout).toBe(readFileSync(`${fixture}.geth.stdout.txt`, 'utf8'));
  });

  it('reads one path per stdin line and answers each before the next, as goevmlab’s batch driver needs', () => {
    const paths = ['statetest1', 'stackUnderflow_nonzeroMem'].map((name) => `${TESTDATA}${name}.json`);
    const { code, stdout, stderr } = cli(['statetest'], { stdin: [...paths, ''] });
    expect(code).toBe(0);
    const roots = stderr.trimEnd().split('\n');
    expect(roots).toEqual(
      paths.map((path) => readFileSync(`${path}.geth.stderr.txt`, 'utf8').trimEnd().split('\n').at(-1)),
    );
    expect(stdout).toBe(paths.map((path) => readFileSync(`${path}.geth.stdout.txt`, 'utf8')).join(''));
  });

  it('runs every fork of a fixture unless --statetest.fork or --statetest.index narrow them', () => {
    const add11 = fileURLToPath(
      new URL('../../../fixtures/state-tests/stExample/add11.json', import.meta.url),
    );
    const forks = Object.keys(JSON.parse(readFileSync(add11, 'utf8')).add11.post);
    const all = JSON.parse(cli(['statetest', '--run', 'add11', add11]).stdout) as {
      fork: string;
      pass: boolean;
    }[];
    expect(all.map((result) => result.fork)).toEqual(forks);
    expect(all.every((result) => result.pass)).toBe(true);
    const cancun = JSON.parse(
      cli(['statetest', '--statetest.fork', 'Cancun', '--statetest.index', '0', add11]).stdout,
    );
    expect(cancun).toEqual([expect.objectContaining({ name: 'add11', fork: 'Cancun', pass: true })]);
  });

  it.each([
    [['statetest', '--trace.format=struct', 'x.json'], /--trace.format: only json/],
    [['statetest', '--trace.nomemory=false', 'x.json'], /--trace.nomemory=false/],
    [['statetest', '--statetest.index', 'one', 'x.json'], /--statetest.index must be an integer/],
    [['statetest', '--trace', '--filter', 'x', 'x.json'], /--filter is not an option of geth's interface/],
    [['statetest', '--trace=maybe'], /--trace takes no value other than =true or =false/],
  ])('exits 2 naming the flag for %j', (argv, message) => {
    const { code, stderr } = cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
