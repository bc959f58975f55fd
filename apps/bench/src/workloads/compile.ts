/**
 * Engine set-up on large codes (`compile/…`): the 64 KiB `*_0xffff` codes of
 * evmone's analysis benchmarks and the largest benchmark contracts. Each is
 * verified by the jump destinations the engine finds, against the simple
 * reference below.
 */
import { instructionSize, OP } from '@tandem-evm/opcodes';
import { fixtureCases } from './fixtures.js';
import type { SetupWorkload } from './workload.js';

/** Source case of each code, by workload name. */
const CODES: readonly (readonly [string, string])[] = [
  ['compile/snailtracer', 'main/snailtracer/benchmark'],
  ['compile/weierstrudel', 'main/weierstrudel/1'],
  ['compile/blake2b_huff', 'main/blake2b_huff/empty'],
  ['compile/loop_with_many_jumpdests', 'micro/loop_with_many_jumpdests/empty'],
  ['compile/signextend', 'micro/signextend/zero'],
  ['compile/zeros_0xffff', 'legacy/micro/zeros_0xffff/noinput'],
  ['compile/jumpdests_0xffff', 'legacy/micro/jumpdests_0xffff/empty'],
  ['compile/push1s_0xffff', 'legacy/micro/push1s_0xffff/noinput'],
  ['compile/push32s_0xffff', 'legacy/micro/push32s_0xffff/noinput'],
  ['compile/beginsubs_0xffff', 'legacy/micro/beginsubs_0xffff/noinput'],
  ['compile/beginsub_push1s_0xffff', 'legacy/micro/beginsub_push1s_0xffff/noinput'],
];

/** JUMPDEST bytes outside PUSH1..PUSH32 immediates. */
export function referenceJumpdests(code: Uint8Array): Uint8Array {
  const valid = new Uint8Array(code.length);
  let pc = 0;
  while (pc < code.length) {
    const op = code[pc]!;
    if (op === OP.JUMPDEST) valid[pc] = 1;
    pc += instructionSize(op);
  }
  return valid;
}

export function compileWorkloads(): SetupWorkload[] {
  const byName = new Map(fixtureCases().map((testCase) => [testCase.name, testCase]));
  return CODES.map(([name, source]) => {
    const testCase = byName.get(source);
    if (testCase === undefined) throw new Error(`${name}: no case '${source}' in cases_evm_benchmarks.tsv`);
    return {
      kind: 'setup',
      name,
      group: 'compile',
      code: testCase.code,
      expectedJumpdests: referenceJumpdests(testCase.code),
    };
  });
}
