import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
