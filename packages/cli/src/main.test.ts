import { describe, expect, it } from 'vitest';
import { cli } from './test/cli.js';

describe('tandem run', () => {
  it('prints the JSON result', () => {
    const { code, stdout } = cli(['run', '--code', '60016002015000', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      status: 'success',
      gasUsed: '11',
      gasRefund: '0',
      output: '0x',
      logs: [],
    });
  });
  it('reads code and input from files, and honours --gas and --revision', () => {
    // CALLDATALOAD(0) returned; PUSH0 makes it Shanghai+ only.
    const files = { 'code.hex': '5f35 5f52 6020 5f f3\n', 'input.hex': '0x2a' };
    const ok = cli(['run', '--code', '@code.hex', '--input', '@input.hex', '--json'], { files });
    expect(JSON.parse(ok.stdout).output).toBe(`0x2a${'00'.repeat(31)}`);
    const old = cli(['run', '--code', '@code.hex', '--revision', 'london', '--json'], { files });
    expect(JSON.parse(old.stdout)).toMatchObject({
      status: 'undefined-instruction',
      gasUsed: (2n ** 63n - 1n).toString(),
    });
    const tight = cli(['run', '--code', '@code.hex', '--gas', '5', '--json'], { files });
    expect(JSON.parse(tight.stdout)).toMatchObject({ status: 'out-of-gas', gasUsed: '5' });
  });
  it('runs the self-recursing contract to the depth limit', () => {
    const code = '60003560010160005260206000602060006000305af15060206000f3';
    const { stdout } = cli(['run', '--code', code, '--gas', '1099511627776', '--json']);
    expect(JSON.parse(stdout).output).toBe(`0x${'0'.repeat(61)}401`);
  });
  it('prints a readable summary without --json', () => {
    const { stdout } = cli(['run', '--code', '00']);
    expect(stdout).toMatch(/^status\s+success$/m);
  });
  it.each([
    [['run'], /--code is required/],
    [['run', '--code', 'xyz'], /--code/],
    [['run', '--code', '00', '--gas', '-1'], /--gas/],
    [['run', '--code', '00', '--gas', String(2n ** 63n)], /--gas must be at most/],
    [['run', '--code', '00', '--revision', 'berlinn'], /unknown revision 'berlinn'/],
    [['run', '--code', '00', '--engine', 'jit'], /--engine/],
    [['run', '--code', '00', '--bogus'], /unknown option --bogus/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const { code, stderr } = cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('tandem compile', () => {
  it('summarises the compiled code', () => {
    const { code, stdout } = cli(['compile', '--code', '5b600160005700']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^verdict\s+compiled$/m);
    expect(stdout).toMatch(/^blocks\s+2$/m);
  });
  it('prints the generated JavaScript with --emit js', () => {
    const { stdout } = cli(['compile', '--code', '5b600160005700', '--emit', 'js']);
    expect(stdout).toContain("'use strict';");
    expect(stdout).toContain('case 6:');
  });
  it('refuses a bad --emit', () => {
    expect(cli(['compile', '--code', '00', '--emit', 'wasm']).code).toBe(2);
  });
});
