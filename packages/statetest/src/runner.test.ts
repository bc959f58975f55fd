import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EEST_ROOT } from './fixtures/eest-suite.js';
import { collectFixtureFiles, readFixtureFile, StateTestRunner } from './runner.js';

/** A final EEST fixture whose EIP-7702 authorization is signed for chain 1. */
const CHAIN_SPECIFIC = join(
  EEST_ROOT,
  'prague/eip7702_set_code_tx/test_set_code_using_chain_specific_id.json.gz',
);

type Fixture = Record<string, { config: { chainid: string }; post: Record<string, { hash: string }[]> }>;

/** The fixture, changed by `edit`, written to a fresh temporary `.json.gz` file. */
function editedCopy(edit: (fixture: Fixture) => void): string {
  const fixture = JSON.parse(readFixtureFile(CHAIN_SPECIFIC)) as Fixture;
  edit(fixture);
  const file = join(mkdtempSync(join(tmpdir(), 'tandem-runner-')), 'edited.json.gz');
  writeFileSync(file, gzipSync(JSON.stringify(fixture)));
  return file;
}

describe('fixture files', () => {
  it('collects .json and .json.gz files, sorted, and reads both as JSON text', () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-fixtures-'));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'b.json'), '{"plain":1}');
    writeFileSync(join(root, 'sub', 'a.json.gz'), gzipSync('{"zipped":2}'));
    writeFileSync(join(root, 'notes.txt'), 'not a fixture');
    const files = collectFixtureFiles([root]);
    expect(files).toEqual([join(root, 'b.json'), join(root, 'sub', 'a.json.gz')]);
    expect(files.map(readFixtureFile)).toEqual(['{"plain":1}', '{"zipped":2}']);
  });
});

describe('StateTestRunner on an EEST fixture', () => {
  const runner = new StateTestRunner({ fork: 'Prague' });

  it('passes the case as filled', () => {
    expect(runner.runFile(CHAIN_SPECIFIC).map((result) => result.status)).toEqual(['passed']);
  });

  it('fails a case whose expected state root is wrong', () => {
    const file = editedCopy((fixture) => {
      for (const test of Object.values(fixture))
        for (const entry of test.post.Prague ?? []) entry.hash = `0x${'11'.repeat(32)}`;
    });
    const [result] = runner.runFile(file);
    expect(result?.status).toBe('failed');
    expect(result?.message).toMatch(/state root differs/);
  });

  it("runs on the config's chain: an authorization for chain 1 is void on chain 2", () => {
    const file = editedCopy((fixture) => {
      for (const test of Object.values(fixture)) test.config.chainid = '0x02';
    });
    const [result] = runner.runFile(file);
    expect(result?.status).toBe('failed');
    expect(result?.message).toMatch(/state root differs/);
  });
});
