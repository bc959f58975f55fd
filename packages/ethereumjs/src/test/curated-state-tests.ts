// Which state-test cases run through @ethereumjs/vm with Tandem as its EVM: a deterministic
// sample of the project's Cancun fixtures that covers calls, creation, storage, precompiles,
// refunds, memory, logs and transaction validation, small enough for every test run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT, loadCancunCases, type StateTestCase } from './state-fixture.js';

/** The folders sampled (paths under fixtures/state-tests), grouped by what they exercise. */
export const CURATED_FOLDERS = [
  // calls and returns
  'stCallCodes',
  'stCallCreateCallCodeTest',
  'stCallDelegateCodesHomestead',
  'stDelegatecallTestHomestead',
  'stStaticCall',
  'stRevertTest',
  'stReturnDataTest',
  'stSystemOperationsTest',
  'stEIP150Specific',
  // creation
  'stCreateTest',
  'stCreate2',
  'stInitCodeTest',
  'stCodeSizeLimit',
  'Shanghai/stEIP3860-limitmeterinitcode',
  // storage, transient storage, refunds, account state
  'stSStoreTest',
  'Cancun/stEIP1153-transientStorage',
  'stRefundTest',
  'stExtCodeHash',
  'stSelfBalance',
  'stEIP158Specific',
  // precompiles
  'stPreCompiledContracts',
  'stPreCompiledContracts2',
  'stZeroKnowledge2',
  // memory, logs, opcodes
  'stMemoryTest',
  'Cancun/stEIP5656-MCOPY',
  'stLogTests',
  'VMTests/vmIOandFlowOperations',
  'stBadOpcode',
  'stStackTests',
  'stChainId',
  'Shanghai/stEIP3855-push0',
  // transactions: validation, fees, access lists, blobs, warm coinbase
  'stTransactionTest',
  'stEIP1559',
  'stEIP3607',
  'stEIP2930',
  'Cancun/stEIP4844-blobtransactions',
  'Shanghai/stEIP3651-warmcoinbase',
] as const;

/** Files sampled per folder, at most. */
export const FILES_PER_FOLDER = 10;

/**
 * Files left out of the sample because a case runs for seconds on a loaded 2-core machine (with
 * ethereumjs's own EVM too): correct (every one passes through the VM with both engines), but too
 * slow for every test run. Each says where the time goes.
 */
export const SLOW_FILES: Readonly<Record<string, string>> = {
  'stCreate2/Create2Recursive.json': 'thousands of nested CREATE2s, each with a fresh account: 1-5 s a case',
  'stCreate2/CREATE2_FirstByte_loop.json': 'creates 256 contracts, one per first code byte: 1-6 s',
  'stCreateTest/CREATE_FirstByte_loop.json': 'creates 256 contracts, one per first code byte: 1-3 s',
  'Cancun/stEIP1153-transientStorage/15_tstoreCannotBeDosd.json':
    'TSTOREs to fresh keys until the gas runs out: 2-4 s',
  'Cancun/stEIP1153-transientStorage/21_tstoreCannotBeDosdOOO.json':
    'TSTOREs to fresh keys until the gas runs out: 1-2 s',
};

/**
 * The sample, in a fixed order: from each folder of CURATED_FOLDERS, up to FILES_PER_FOLDER files
 * spread evenly over its sorted listing (every ⌈files / FILES_PER_FOLDER⌉-th, from the first),
 * leaving out SLOW_FILES; of each file, its first case, its last case, and its first case whose
 * transaction must be rejected.
 */
export function curatedCases(): StateTestCase[] {
  const cases: StateTestCase[] = [];
  for (const folder of CURATED_FOLDERS) {
    const files = readdirSync(join(FIXTURES_ROOT, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `${folder}/${name}`)
      .filter((path) => SLOW_FILES[path] === undefined);
    const step = Math.max(1, Math.ceil(files.length / FILES_PER_FOLDER));
    for (let i = 0; i < files.length; i += step) {
      const fileCases = loadCancunCases(files[i]!);
      const picked = new Set([
        fileCases[0],
        fileCases.at(-1),
        fileCases.find((testCase) => testCase.expectException !== undefined),
      ]);
      for (const testCase of picked) if (testCase !== undefined) cases.push(testCase);
    }
  }
  return cases;
}
