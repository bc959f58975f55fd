import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './test/cli.js';

describe('--trace', () => {
  it('tandem run prints an EIP-3155 line per instruction and a summary line, in every engine', () => {
    for (const engine of ['interpreter', 'multipass', 'auto']) {
      const { code, lines } = cli(['run', '--code', '60016002015000', '--trace', '--engine', engine]);
      expect(code).toBe(0);
      const steps = lines.slice(0, -1).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(steps.map((step) => step.opName)).toEqual(['PUSH1', 'PUSH1', 'ADD', 'POP', 'STOP']);
      expect(steps.map((step) => step.pc)).toEqual([0, 2, 4, 5, 6]);
      expect(steps[2]).toEqual({
        pc: 4,
        op: 1,
        gas: '0x7ffffffffffffff9',
        gasCost: '0x3',
        memSize: 0,
        stack: ['0x1', '0x2'],
        depth: 1,
        refund: 0,
        opName: 'ADD',
      });
      expect(JSON.parse(lines.at(-1)!)).toEqual({ output: '0x', gasUsed: '0xb' });
    }
  });

  it('tandem run reports a failing instruction, as geth when it starts and with its error, and the failure in the summary', () => {
    const { lines } = cli(['run', '--code', '6001fe', '--trace', '--gas', '100']);
    const invalid = { pc: 2, opName: 'INVALID', gas: '0x61', stack: ['0x1'] };
    expect(JSON.parse(lines[1]!)).toMatchObject(invalid);
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('error');
    expect(JSON.parse(lines[2]!)).toMatchObject({ ...invalid, error: 'invalid-instruction' });
    expect(JSON.parse(lines[3]!)).toEqual({ output: '0x', gasUsed: '0x64', error: 'invalid-instruction' });
  });

  it('tandem run prints one line with the error for a failure of stack bounds or gas, as geth does', () => {
    for (const [code, error] of [
      ['01', 'stack-underflow'],
      ['6001600201', 'out-of-gas'],
    ]) {
      const { lines } = cli(['run', '--code', code!, '--trace', '--gas', '5']);
      const failing = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((l) => 'pc' in l);
      expect(failing.at(-1)).toMatchObject({ error });
      expect(failing.at(-2)?.pc ?? -1).not.toBe(failing.at(-1)!.pc);
    }
  });

  it('tandem statetest --trace traces the selected cases on stderr, each ending with its state root, as geth does', () => {
    // From this file, so the test runs from the repository root and from the package alike.
    const file = fileURLToPath(
      new URL('../../../fixtures/state-tests/stSStoreTest/sstore_XtoXto0.json', import.meta.url),
    );
    const argv = ['statetest', '--trace', '--statetest.fork', 'Cancun', '--statetest.index', '0', file];
    const { code, stdout, stderr } = cli(argv);
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines[0]!)).toMatchObject({ depth: 1, pc: 0 });
    expect(lines.at(-1)).toMatch(/^\{"stateRoot": "0x[0-9a-f]{64}"\}$/);
    const results = JSON.parse(stdout) as { pass: boolean; fork: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.pass && result.fork === 'Cancun')).toBe(true);
    expect(lines.filter((line) => line.startsWith('{"stateRoot"'))).toHaveLength(results.length);
  });
});
