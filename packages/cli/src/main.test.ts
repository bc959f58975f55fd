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

describe('--help', () => {
  it.each(['run', 'statetest', 'compile', 'fuzz'])(
    'tandem %s --help and -h print its usage and exit 0',
    (command) => {
      for (const flag of ['--help', '-h']) {
        const { code, stdout, stderr } = cli([command, flag]);
        expect(code).toBe(0);
        expect(stdout).toMatch(new RegExp(`^Usage:\\n  tandem ${command} `));
        for (const other of ['run', 'statetest', 'compile', 'fuzz'].filter((name) => name !== command)) {
          expect(stdout).not.toContain(`\n  tandem ${other} `);
        }
        expect(stderr).toBe('');
      }
    },
  );
  it('tandem --help, -h and help print every command and exit 0; no command exits 2', () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, stdout } = cli(argv);
      expect(code).toBe(0);
      for (const command of ['run', 'statetest', 'compile', 'fuzz'])
        expect(stdout).toContain(`tandem ${command} `);
    }
    expect(cli([]).code).toBe(2);
  });
});

describe('tandem run --create', () => {
  // Init code: SSTORE(0, 0x2a), then return the runtime code, which LOG0s and returns SLOAD(0).
  const RUNTIME = '5f545f5260205fa060205ff3';
  const INIT = `602a5f55600c600e5f39600c5ff3${RUNTIME}`;
  const WORD_2A = `0x${'00'.repeat(31)}2a`;

  it('deploys the init code and prints the created address', () => {
    const { code, stdout } = cli(['run', '--create', '--code', INIT, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ status: 'success', output: '0x', logs: [] });
    expect(json.createdAddress).toMatch(/^0x[0-9a-f]{40}$/);
    expect(cli(['run', '--create', '--code', INIT]).stdout).toMatch(/^created\s+0x[0-9a-f]{40}$/m);
  });

  it('calls the created contract with --input, on the storage its constructor wrote; --json has its logs', () => {
    const { stdout } = cli(['run', '--create', '--code', INIT, '--input', '0x', '--json']);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ status: 'success', output: WORD_2A });
    expect(json.logs).toEqual([{ address: json.createdAddress, topics: [], data: WORD_2A }]);
  });

  it('prints the post-state with --post-state', () => {
    const { stdout } = cli(['run', '--create', '--code', INIT, '--input', '0x', '--json', '--post-state']);
    const json = JSON.parse(stdout);
    expect(json.postState[json.createdAddress]).toEqual({
      nonce: '0x1',
      balance: '0x0',
      code: `0x${RUNTIME}`,
      storage: { '0x0': '0x2a' },
    });
    expect(JSON.parse(cli(['run', '--code', '00', '--json']).stdout).postState).toBeUndefined();
  });

  it('reports a failing constructor as the run’s status, with no address', () => {
    const json = JSON.parse(cli(['run', '--create', '--code', 'fe', '--input', '0x', '--json']).stdout);
    expect(json.status).toBe('invalid-instruction');
    expect(json.createdAddress).toBeUndefined();
  });

  it('logs topics as 32-byte words', () => {
    // LOG1 with topic 7 and no data.
    const json = JSON.parse(cli(['run', '--code', '60075f5fa100', '--json']).stdout);
    expect(json.logs).toEqual([
      {
        address: '0xc0de0000000000000000000000000000000c0de0',
        topics: [`0x${'00'.repeat(31)}07`],
        data: '0x',
      },
    ]);
  });
});
