import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { cli } from './test/cli.js';

const DATA = new URL('./test-data/t8n/', import.meta.url).pathname;

/**
 * The `evm t8n` cases of go-ethereum's cmd/evm/t8n_test.go, with the inputs,
 * fork, reward, outputs and exit code it gives each; the expected output is
 * compared as that test compares it (the parsed JSON, deeply equal).
 */
interface GethCase {
  readonly base: string;
  readonly alloc: string;
  readonly txs: string;
  readonly env: string;
  readonly fork: string;
  readonly reward?: string;
  readonly output: { readonly alloc?: boolean; readonly result?: boolean; readonly body?: boolean };
  readonly exitCode?: number;
  readonly expected?: string;
  readonly what: string;
}

const std = { alloc: 'alloc.json', txs: 'txs.json', env: 'env.json' };
const allocAndResult = { alloc: true, result: true };

const GETH_CASES: readonly GethCase[] = [
  {
    base: '1',
    ...std,
    fork: 'Frontier+1346',
    output: allocAndResult,
    exitCode: 3,
    what: 'exit 3 on a bad fork',
  },
  {
    base: '1',
    ...std,
    fork: 'Byzantium',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'a nonce too low',
  },
  { base: '3', ...std, fork: 'Berlin', output: allocAndResult, expected: 'exp.json', what: 'BLOCKHASH' },
  { base: '4', ...std, fork: 'Berlin', output: allocAndResult, exitCode: 4, what: 'a missing block hash' },
  {
    base: '5',
    ...std,
    fork: 'Byzantium',
    reward: '0x80',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'ommers',
  },
  {
    base: '13',
    ...std,
    fork: 'London',
    output: { body: true },
    expected: 'exp.json',
    what: 'signing JSON txs',
  },
  {
    base: '13',
    ...std,
    txs: 'signed_txs.rlp',
    fork: 'London',
    output: { result: true },
    expected: 'exp2.json',
    what: 'signed RLP txs',
  },
  { base: '14', ...std, fork: 'London', output: { result: true }, expected: 'exp.json', what: 'difficulty' },
  {
    base: '14',
    ...std,
    env: 'env.uncles.json',
    fork: 'London',
    output: { result: true },
    expected: 'exp2.json',
    what: 'difficulty with ommers',
  },
  {
    base: '14',
    ...std,
    env: 'env.uncles.json',
    fork: 'Berlin',
    output: { result: true },
    expected: 'exp_berlin.json',
    what: 'difficulty with ommers, Berlin',
  },
  {
    base: '19',
    ...std,
    fork: 'London',
    output: { result: true },
    expected: 'exp_london.json',
    what: 'bomb, London',
  },
  {
    base: '19',
    ...std,
    fork: 'ArrowGlacier',
    output: { result: true },
    expected: 'exp_arrowglacier.json',
    what: 'bomb, Arrow Glacier',
  },
  {
    base: '19',
    ...std,
    fork: 'GrayGlacier',
    output: { result: true },
    expected: 'exp_grayglacier.json',
    what: 'bomb, Gray Glacier',
  },
  {
    base: '23',
    ...std,
    fork: 'Berlin',
    output: { result: true },
    expected: 'exp.json',
    what: 'unprotected signing',
  },
  {
    base: '24',
    ...std,
    fork: 'Paris',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'after the merge',
  },
  {
    base: '24',
    ...std,
    env: 'env-missingrandom.json',
    fork: 'Paris',
    output: {},
    exitCode: 3,
    what: 'a merge env without currentRandom',
  },
  {
    base: '25',
    ...std,
    fork: 'Paris',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'base fee derivation',
  },
  { base: '26', ...std, fork: 'Shanghai', output: allocAndResult, expected: 'exp.json', what: 'withdrawals' },
  {
    base: '28',
    ...std,
    txs: 'txs.rlp',
    fork: 'Cancun',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'a blob transaction',
  },
  {
    base: '29',
    ...std,
    fork: 'Cancun',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'the beacon root',
  },
  {
    base: '30',
    ...std,
    txs: 'txs_more.rlp',
    fork: 'Cancun',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'an undecodable transaction',
  },
  {
    base: '33',
    ...std,
    fork: 'Prague',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'EIP-7702 and requests',
  },
  {
    base: '34',
    ...std,
    fork: 'Osaka',
    output: allocAndResult,
    expected: 'exp.json',
    what: 'EIP-7918 blob fee',
  },
];

/** The argument list t8n_test.go builds for a case. */
function gethArgs(c: GethCase): string[] {
  const base = join(DATA, c.base);
  return [
    't8n',
    '--output.body',
    c.output.body ? 'stdout' : '',
    '--output.result',
    c.output.result ? 'stdout' : '',
    '--output.alloc',
    c.output.alloc ? 'stdout' : '',
    '--input.alloc',
    join(base, c.alloc),
    '--input.txs',
    join(base, c.txs),
    '--input.env',
    join(base, c.env),
    '--state.fork',
    c.fork,
    ...(c.reward !== undefined ? ['--state.reward', c.reward] : []),
  ];
}

/** What Tandem says differently from geth, on purpose: the text of an RLP decoding error (geth's names Go types). */
function withoutGoDecoderText(result: Record<string, unknown>): Record<string, unknown> {
  const rejected = result.rejected as { index: number; error: string }[] | undefined;
  return { ...result, rejected: rejected?.map(({ index }) => ({ index })) };
}

describe('tandem t8n reproduces go-ethereum cmd/evm/testdata', () => {
  for (const c of GETH_CASES) {
    it(`${c.base}: ${c.what} (${c.fork})`, () => {
      const { code, stdout, stderr } = cli(gethArgs(c));
      expect(code, stderr).toBe(c.exitCode ?? 0);
      if (c.expected === undefined) return;
      const actual = JSON.parse(stdout);
      const expected = JSON.parse(readFileSync(join(DATA, c.base, c.expected), 'utf8'));
      if (c.base === '30') {
        expect(withoutGoDecoderText(actual.result)).toEqual(withoutGoDecoderText(expected.result));
        expect(actual.alloc).toEqual(expected.alloc);
        expect(actual.result.rejected[0].error).toMatch(/to must be 20 bytes/);
        return;
      }
      expect(actual).toEqual(expected);
    });
  }
});

/** Runs `tandem t8n` with `stdin` as standard input; outputs captured. */
function t8nWithStdin(args: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const code = main(['t8n', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: () => stdin,
  } as Parameters<typeof main>[1]);
  return { code, stdout, stderr };
}

const read = (base: string, file: string): unknown =>
  JSON.parse(readFileSync(join(DATA, base, file), 'utf8'));

describe('tandem t8n inputs and outputs', () => {
  const stdinArgs = ['--input.alloc', 'stdin', '--input.env', 'stdin', '--input.txs', 'stdin'];
  const resultOnly = ['--output.result', 'stdout', '--output.alloc', '', '--state.fork', 'London'];

  it('reads alloc, env and JSON txs (signed here from their secretKey) from one object on stdin', () => {
    const stdin = JSON.stringify({
      alloc: read('13', 'alloc.json'),
      env: read('13', 'env.json'),
      txs: read('13', 'txs.json'),
    });
    const { code, stdout } = t8nWithStdin([...stdinArgs, ...resultOnly], stdin);
    expect(code).toBe(0);
    // The same two transactions as signed_txs.rlp: the same result as exp2.json.
    expect(JSON.parse(stdout)).toEqual(read('13', 'exp2.json'));
  });

  it('reads txsRlp from stdin', () => {
    const stdin = JSON.stringify({
      alloc: read('13', 'alloc.json'),
      env: read('13', 'env.json'),
      txsRlp: read('13', 'signed_txs.rlp'),
    });
    expect(JSON.parse(t8nWithStdin([...stdinArgs, ...resultOnly], stdin).stdout)).toEqual(
      read('13', 'exp2.json'),
    );
  });

  it('writes alloc.json and result.json in --output.basedir, and a trace per transaction with --trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-t8n-'));
    const base = join(DATA, '3');
    const { code } = cli([
      't8n',
      '--input.alloc',
      join(base, 'alloc.json'),
      '--input.env',
      join(base, 'env.json'),
      '--input.txs',
      join(base, 'txs.json'),
      '--state.fork',
      'Berlin',
      '--output.basedir',
      dir,
      '--trace',
    ]);
    expect(code).toBe(0);
    const expected = read('3', 'exp.json') as {
      alloc: unknown;
      result: { receipts: { transactionHash: string }[] };
    };
    expect(JSON.parse(readFileSync(join(dir, 'alloc.json'), 'utf8'))).toEqual(expected.alloc);
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'))).toEqual(expected.result);
    const traceFile = `trace-0-${expected.result.receipts[0]!.transactionHash}.jsonl`;
    expect(readdirSync(dir).sort()).toEqual(['alloc.json', 'result.json', traceFile]);
    const lines = readFileSync(join(dir, traceFile), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.opName).filter(Boolean)).toContain('BLOCKHASH');
    expect(lines[0]).toMatchObject({ pc: 0, depth: 1, stack: [] });
    // The summary line: the transaction's output and gas used (the receipt's 0x521f).
    expect(lines.at(-1)).toEqual({ output: '0x', gasUsed: '0x521f' });
  });
});

describe('tandem t8n rules beyond the geth cases', () => {
  const case1 = (fork: string, extra: string[] = []) => {
    const base = join(DATA, '1');
    const args = ['t8n', '--input.alloc', join(base, 'alloc.json'), '--input.env', join(base, 'env.json')];
    return cli([
      ...args,
      '--input.txs',
      join(base, 'txs.json'),
      '--state.fork',
      fork,
      '--output.result',
      'stdout',
      '--output.alloc',
      '',
      ...extra,
    ]);
  };

  it('puts the post-state root in a receipt before Byzantium (EIP-658)', () => {
    const { result } = JSON.parse(case1('Homestead').stdout);
    expect(result.receipts[0].root).toMatch(/^0x[0-9a-f]{64}$/);
    expect(result.receipts[0].status).toBe('0x0');
  });

  it('rejects a transaction signed for another chain', () => {
    // testdata 13's transactions are signed for chain 1.
    const base = join(DATA, '13');
    const args = ['t8n', '--input.alloc', join(base, 'alloc.json'), '--input.env', join(base, 'env.json')];
    const { stdout } = cli([
      ...args,
      '--input.txs',
      join(base, 'signed_txs.rlp'),
      '--state.fork',
      'London',
      '--state.chainid',
      '5',
      '--output.result',
      'stdout',
      '--output.alloc',
      '',
    ]);
    expect(JSON.parse(stdout).result.rejected).toEqual([
      { index: 0, error: 'invalid chain id for signer: have 1 want 5' },
      { index: 1, error: 'invalid chain id for signer: have 1 want 5' },
    ]);
  });

  it('runs the same block on the multipass engine', () => {
    expect(JSON.parse(case1('Byzantium', ['--engine', 'multipass']).stdout)).toEqual({
      result: (read('1', 'exp.json') as { result: unknown }).result,
    });
  });
});

describe("tandem t8n exit codes (go-ethereum's)", () => {
  const base = join(DATA, '29');
  const args = (overrides: Record<string, string>) => {
    const options: Record<string, string> = {
      'input.alloc': join(base, 'alloc.json'),
      'input.env': join(base, 'env.json'),
      'input.txs': join(base, 'txs.json'),
      'state.fork': 'Cancun',
      'output.result': 'stdout',
      'output.alloc': '',
      ...overrides,
    };
    return ['t8n', ...Object.entries(options).flatMap(([name, value]) => [`--${name}`, value])];
  };
  const stdinCase = (env: Record<string, unknown>, fork: string) =>
    t8nWithStdin(
      [
        '--input.alloc',
        'stdin',
        '--input.env',
        'stdin',
        '--input.txs',
        'stdin',
        '--state.fork',
        fork,
        '--output.result',
        'stdout',
        '--output.alloc',
        '',
      ],
      JSON.stringify({ alloc: {}, env, txs: [] }),
    );
  const env29 = read('29', 'env.json') as Record<string, unknown>;

  it('3 for an env the fork cannot run, naming the field', () => {
    const { parentBeaconBlockRoot: _, ...noBeaconRoot } = env29;
    expect(stdinCase(noBeaconRoot, 'Cancun')).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/ERROR\(3\): .*parentBeaconBlockRoot/),
    });
    const { withdrawals: __, ...noWithdrawals } = env29;
    expect(stdinCase(noWithdrawals, 'Shanghai')).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/withdrawals/),
    });
    const { parentBaseFee: ___, ...noBaseFee } = env29;
    expect(stdinCase(noBaseFee, 'London').stderr).toMatch(/parentBaseFee/);
    expect(cli(args({ 'state.fork': 'Constantinopel' })).code).toBe(3);
  });

  it('2 for a Prague block whose request system contracts are missing', () => {
    expect(stdinCase(env29, 'Prague')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/request type 1: no code/),
    });
  });

  it('10 for JSON that is not JSON, or not the shape expected', () => {
    expect(
      t8nWithStdin(['--input.alloc', 'stdin', '--input.env', 'stdin', '--input.txs', 'stdin'], '{').code,
    ).toBe(10);
    const { currentCoinbase: _, ...noCoinbase } = env29;
    const noGasPrice = {
      nonce: '0x0',
      gas: '0x5208',
      to: null,
      value: '0x0',
      input: '0x',
      v: '0x1b',
      r: '0x1',
      s: '0x1',
    };
    const stdin = JSON.stringify({ alloc: {}, env: env29, txs: [noGasPrice] });
    expect(
      t8nWithStdin(['--input.alloc', 'stdin', '--input.env', 'stdin', '--input.txs', 'stdin'], stdin),
    ).toMatchObject({
      code: 10,
      stderr: expect.stringMatching(/txs\[0\]: a type 0 transaction needs gasPrice/),
    });
    expect(stdinCase(noCoinbase, 'Cancun')).toMatchObject({
      code: 10,
      stderr: expect.stringMatching(/env.currentCoinbase/),
    });
  });

  it('11 for a file that cannot be read, 12 for an RLP that is not a list', () => {
    expect(cli(args({ 'input.alloc': join(base, 'missing.json') })).code).toBe(11);
    const stdin = JSON.stringify({ alloc: {}, env: env29, txsRlp: '0x01' });
    expect(
      t8nWithStdin(
        ['--input.alloc', 'stdin', '--input.env', 'stdin', '--input.txs', 'stdin', '--state.fork', 'Cancun'],
        stdin,
      ).code,
    ).toBe(12);
  });

  it('2 (usage) for an option it does not know, and 0 with the usage for --help', () => {
    expect(cli(['t8n', '--output.everything', 'stdout']).code).toBe(2);
    expect(cli(['t8n', '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/tandem t8n/) });
  });
});
