/**
 * The evm-benchmarks cases (`main/…`, `micro/…`, `legacy/…`) from
 * `fixtures/benchmarks/cases_evm_benchmarks.tsv`, run as `tandem run` runs
 * them: the code in one account, called at depth 0 with the input as
 * calldata and gas 2^63-1, revision Cancun. Expected status, gas, refund and
 * output are native evmone's, from `evmone_reference_outputs_cancun.tsv`.
 */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '@tandem-evm/primitives';
import type { CallWorkload, Group } from './workload.js';

export const FIXTURES_DIR = new URL('../../../../fixtures/benchmarks/', import.meta.url);

/** The account `tandem run` puts the code in, and the caller it calls from. */
export const RUN_ADDRESS = 0xc0de0000000000000000000000000000000c0de0n;
export const RUN_CALLER = 0x5e4de20000000000000000000000000005e4de20n;
export const MAX_GAS = (1n << 63n) - 1n;

export interface FixtureCase {
  readonly name: string;
  readonly code: Uint8Array;
  readonly input: Uint8Array;
}

function readTsv(name: string): string[][] {
  return readFileSync(new URL(name, FIXTURES_DIR), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

let cachedCases: readonly FixtureCase[] | undefined;

/** Every case of the TSV, in file order. */
export function fixtureCases(): readonly FixtureCase[] {
  cachedCases ??= readTsv('cases_evm_benchmarks.tsv').map(([name, code, input]) => ({
    name: name!,
    code: hexToBytes(code!, `${name} code`),
    input: hexToBytes(input!, `${name} input`),
  }));
  return cachedCases;
}

function groupOf(name: string): Group {
  const group = name.slice(0, name.indexOf('/'));
  if (group !== 'main' && group !== 'micro' && group !== 'legacy') {
    throw new Error(`cases_evm_benchmarks.tsv: case '${name}' is in no known group`);
  }
  return group;
}

export function fixtureWorkloads(): CallWorkload[] {
  const reference = new Map(
    readTsv('evmone_reference_outputs_cancun.tsv')
      .slice(1)
      .map(([, name, status, gasUsed, gasRefund, , output]) => [
        name!,
        {
          status: status!,
          gasUsed: BigInt(gasUsed!),
          gasRefund: BigInt(gasRefund!),
          output: hexToBytes(output!),
        },
      ]),
  );
  return fixtureCases().map((testCase) => {
    const expected = reference.get(testCase.name);
    if (expected === undefined) throw new Error(`no evmone reference output for '${testCase.name}'`);
    return {
      kind: 'call',
      name: testCase.name,
      group: groupOf(testCase.name),
      accounts: [{ address: RUN_ADDRESS, code: testCase.code }],
      caller: RUN_CALLER,
      to: RUN_ADDRESS,
      input: testCase.input,
      gas: MAX_GAS,
      expected,
    };
  });
}
