import { describe, expect, it } from 'vitest';
import { CURATED_FOLDERS, curatedCases } from './test/curated-state-tests.js';
import { mismatches, runCase } from './test/state-case-runner.js';

// The curated sample of the Cancun state tests (see curatedCases for how it is chosen), each
// case run through @ethereumjs/vm's runTx with Tandem as the VM's EVM, over a MerkleStateManager
// holding the case's pre-state: the state root, the logs hash and the rejection of invalid
// transactions must be the fixture's.
const cases = curatedCases();

describe('curated Cancun state tests through @ethereumjs/vm with Tandem as its EVM', () => {
  it('samples every curated folder, valid and rejected transactions', () => {
    expect(cases.length).toBeGreaterThan(350);
    for (const folder of CURATED_FOLDERS)
      expect(
        cases.some((testCase) => testCase.id.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
    expect(cases.filter((testCase) => testCase.expectException !== undefined).length).toBeGreaterThan(15);
  });

  for (const engine of ['interpreter', 'multipass'] as const) {
    for (const folder of CURATED_FOLDERS) {
      it(`${engine}: ${folder}`, async () => {
        const failures: string[] = [];
        for (const testCase of cases.filter((c) => c.id.startsWith(`${folder}/`))) {
          const problems = mismatches(testCase, await runCase(testCase, engine));
          if (problems.length > 0) failures.push(`${testCase.id}: ${problems.join('; ')}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
