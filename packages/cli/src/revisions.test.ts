// Prague and Osaka from the command line: Osaka is the default revision of `tandem run` and
// `tandem compile`; EIP-7939's CLZ runs under osaka and is undefined under cancun; the state
// tests take --fork Prague and --fork Osaka.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './test/cli.js';

const CLZ_OF_ONE = '60011e60005260206000f3';

describe('tandem run with Osaka', () => {
  it.each(['interpreter', 'multipass', 'auto'])(
    'returns 255 for CLZ(1) under osaka, the default (%s)',
    (engine) => {
      for (const argv of [['--revision', 'osaka'], []]) {
        const { code, stdout } = cli(['run', '--code', CLZ_OF_ONE, '--engine', engine, '--json', ...argv]);
        expect(code).toBe(0);
        expect(JSON.parse(stdout)).toEqual({
          status: 'success',
          // PUSH1 3, CLZ 5, PUSH1 3, MSTORE 3 + a word of memory 3, PUSH1 3, PUSH1 3.
          gasUsed: '23',
          gasRefund: '0',
          output: `0x${'00'.repeat(31)}ff`,
          logs: [],
        });
      }
    },
  );

  it.each(['cancun', 'prague'])('fails CLZ as an undefined instruction under %s', (revision) => {
    const { stdout } = cli(['run', '--code', CLZ_OF_ONE, '--revision', revision, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'undefined-instruction' });
  });

  it('compiles for osaka by default', () => {
    const { code, stdout } = cli(['compile', '--code', '5b5f5f5760011e00']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^verdict\s+compiled$/m);
  });
});

describe('tandem statetest with Prague', () => {
  const folder = fileURLToPath(
    new URL('../../../fixtures/prague-devnet5/eip7702_set_code_tx/set_code_txs/', import.meta.url),
  );
  it('runs the devnet-5 set-code fixtures with --fork Prague, the stale ones skipped', () => {
    const { code, stdout } = cli(['statetest', folder, '--fork', 'Prague', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1)!)).toEqual({ passed: 194, failed: 0, skipped: 13 });
  });
  it('accepts --fork Osaka (these files hold no Osaka cases)', () => {
    const { code, stdout } = cli(['statetest', folder, '--fork', 'Osaka', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1)!)).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
