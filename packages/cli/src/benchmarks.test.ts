import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { runCode, runOutcomeJson } from './run-code.js';

const FIXTURES = new URL('../../../fixtures/benchmarks/', import.meta.url);

function readTsv(name: string): string[][] {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

const cases = readTsv('cases_evm_benchmarks.tsv').map(([name, code, input, expected]) => ({
  name: name!,
  code: hexToBytes(code!),
  input: hexToBytes(input!),
  expected: expected!,
}));

for (const [revision, engine] of [
  ['cancun', 'interpreter'],
  ['istanbul', 'interpreter'],
  ['cancun', 'multipass'],
  ['istanbul', 'multipass'],
] as const) {
  const reference = new Map(
    readTsv(`evmone_reference_outputs_${revision}.tsv`)
      .slice(1)
      .map(([, name, status, gasUsed, gasRefund, , output]) => [
        name!,
        { status, gasUsed, gasRefund, output },
      ]),
  );
  describe(`evm-benchmarks against evmone (${revision}, ${engine})`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const ref = reference.get(testCase.name);
        expect(ref, 'reference row').toBeDefined();
        const json = runOutcomeJson(
          runCode({ code: testCase.code, input: testCase.input, revision, engine }),
        );
        expect(json.status).toBe(ref!.status);
        expect(json.gasUsed).toBe(ref!.gasUsed);
        expect(json.gasRefund).toBe(ref!.gasRefund);
        expect(json.output).toBe(`0x${ref!.output}`);
        if (testCase.expected !== '') expect(json.output).toBe(bytesToHex(hexToBytes(testCase.expected)));
      });
    }
  });
}
