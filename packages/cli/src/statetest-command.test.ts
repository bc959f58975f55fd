import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from './test/cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../fixtures/state-tests/stExample/', import.meta.url));
const ADD11 = join(EXAMPLES, 'add11.json');

function cli(argv: string[], stderrIsTty = false) {
  const result = runCli(argv, { stderrIsTty });
  return { ...result, lastLine: result.lines.at(-1) ?? '' };
}

/** A folder holding add11.json with its expected state root replaced, under `relativePath`. */
function brokenFixture(relativePath = 'broken.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-statetest-'));
  const fixture = JSON.parse(readFileSync(ADD11, 'utf8'));
  fixture.add11.post.Cancun[0].hash = `0x${'11'.repeat(32)}`;
  const path = join(dir, relativePath);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(fixture));
  return dir;
}

describe('tandem statetest', () => {
  it('runs a folder and ends --json output with the summary', () => {
    const { code, lastLine } = cli(['statetest', EXAMPLES, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(lastLine)).toEqual({ passed: 39, failed: 0, skipped: 0 });
  });

  it('prints a summary with the rate without --json', () => {
    const { code, stdout } = cli(['statetest', ADD11]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1 passed, 0 failed, 0 skipped \(1 files, [\d.]+ s, \d+ cases\/s\)$/m);
  });

  it('runs only the cases --filter matches', () => {
    const { lastLine } = cli(['statetest', EXAMPLES, '--filter', 'add11\\.json', '--json']);
    expect(JSON.parse(lastLine)).toEqual({ passed: 1, failed: 0, skipped: 0 });
  });

  it('accepts a revision name for --fork and finds no cases of a fork the files lack', () => {
    expect(JSON.parse(cli(['statetest', ADD11, '--fork', 'cancun', '--json']).lastLine).passed).toBe(1);
    expect(JSON.parse(cli(['statetest', ADD11, '--fork', 'Berlin', '--json']).lastLine)).toEqual({
      passed: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('exits 1 and reports expected and actual values and the state diff of a failing case', () => {
    const dir = brokenFixture();
    const { code, stdout } = cli(['statetest', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('add11 Cancun[0] (data 0, gas 0, value 0): state root differs');
    expect(stdout).toContain(`expected 0x${'11'.repeat(32)}`);
    expect(stdout).toContain('actual   0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530');
    expect(stdout).toMatch(
      /~ 0x095e7baea6a6c7c4c2dfeb977efac326af552d87\n\s+balance .*\n\s+storage\[0x0\] 0x0 -> 0x2/,
    );
    expect(stdout).toMatch(/^0 passed, 1 failed, 0 skipped/m);
    const json = cli(['statetest', dir, '--json']);
    expect(json.code).toBe(1);
    const lines = json.stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      status: 'failed',
      id: expect.stringContaining('::add11::Cancun[0]'),
    });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('skips the slow cases unless --include-slow', () => {
    const dir = brokenFixture('VMTests/vmPerformance/loopExp.json');
    expect(JSON.parse(cli(['statetest', dir, '--json']).lastLine)).toEqual({
      passed: 0,
      failed: 0,
      skipped: 1,
    });
    expect(JSON.parse(cli(['statetest', dir, '--json', '--include-slow']).lastLine)).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });

  it('draws a progress bar on stderr only when it is a terminal', () => {
    expect(cli(['statetest', EXAMPLES], true).stderr).toContain(`[${'#'.repeat(30)}] 12/12 files`);
    expect(cli(['statetest', EXAMPLES], false).stderr).toBe('');
  });

  it.each([
    [['statetest', '/no/such/path'], /cannot read \/no\/such\/path/],
    [['statetest', ADD11, '--fork', 'Atlantis'], /unknown revision 'Atlantis'/],
    [['statetest', ADD11, '--engine', 'jit'], /--engine must be interpreter, multipass or auto, got 'jit'/],
    [['statetest', ADD11, '--filter', '('], /--filter is not a valid regular expression/],
    [['statetest', ADD11, '--json=yes'], /--json takes no value other than =true or =false/],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const { code, stderr } = cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
