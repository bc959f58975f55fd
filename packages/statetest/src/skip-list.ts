/**
 * Cases the runner skips unless asked to include them (`--include-slow`).
 * Each entry names fixture files by a path fragment (matched against the
 * file's path with `/` separators, at a folder boundary), optionally narrows
 * them to the tests whose name contains `test`, and says why.
 * Keep it short: a case belongs here only if it is correct but too slow for
 * every run (SLOW_CASES), or if the fixture predates the final specification
 * and the final text says otherwise (STALE_CASES) — never because Tandem fails it.
 */
export interface SkipEntry {
  /** A path fragment: `folder/` for a whole folder, or `folder/file.json`. */
  readonly path: string;
  /** Only tests whose name contains this; every test of the files when absent. */
  readonly test?: string;
  readonly reason: string;
}

export const SLOW_CASES: readonly SkipEntry[] = [
  {
    path: 'VMTests/vmPerformance/loopMul.json',
    reason:
      'MUL loops (RUNNING.md: reference runners skip vmPerformance); passes with --include-slow, ~65 s for its 3 cases',
  },
  {
    path: 'VMTests/vmPerformance/loopExp.json',
    reason:
      'EXP loops (RUNNING.md: reference runners skip vmPerformance); passes with --include-slow, ~25 s for its 12 cases',
  },
  {
    path: 'stCreateTest/CreateOOGafterMaxCodesize.json',
    reason:
      'maximum-size deployments until out of gas (RUNNING.md: reference runners skip it); passes with --include-slow, ~6 s',
  },
  {
    path: 'stTimeConsuming/CALLBlake2f_MaxRounds.json',
    reason:
      'one BLAKE2 F call with 2^32-1 rounds, which its gas pays for: about 17 minutes here (10M rounds take 2.3 s); ethereumjs skips it too',
  },
];

const EXTCODE_ON_DELEGATION =
  'stale (pectra-devnet-5): expects EXTCODESIZE 2, EXTCODEHASH keccak256(0xef01) and EXTCODECOPY 0xef01 on a ' +
  'delegated account; final EIP-7702 operates on the whole indicator: "EXTCODESIZE returns 23 (the size of ' +
  '0xef0100 || address)", and EXTCODEHASH/EXTCODECOPY "operate on the delegation indicator itself"';
const REFUND_BEFORE_FLOOR =
  'stale (pectra-devnet-5): subtracts the refund (SSTORE clearing, or the EIP-7702 refund for an existing ' +
  'authority) after raising the gas used to the calldata floor; final EIP-7623 subtracts it first: ' +
  '"execution_gas_used [is] the gas used for EVM execution with the gas refund subtracted" and ' +
  'tx.gasUsed = 21000 + max(4·tokens + execution_gas_used + …, 10·tokens)';

/**
 * Prague fixtures from pectra-devnet-5 (fixtures/prague-devnet5, see its
 * README) whose expectations changed before mainnet Prague. Each reason
 * quotes the final EIP text the fixture disagrees with. The folder's README
 * reports 28 failures of @ethereumjs/vm 10.1.3 (final Prague) in these files too.
 */
export const STALE_CASES: readonly SkipEntry[] = [
  {
    path: 'prague-devnet5/eip7702_set_code_tx/set_code_txs/ext_code_on_chain_delegating_set_code.json',
    reason: EXTCODE_ON_DELEGATION,
  },
  {
    path: 'prague-devnet5/eip7702_set_code_tx/set_code_txs/ext_code_on_self_delegating_set_code.json',
    reason: EXTCODE_ON_DELEGATION,
  },
  {
    path: 'prague-devnet5/eip7702_set_code_tx/set_code_txs/ext_code_on_self_set_code.json',
    reason: EXTCODE_ON_DELEGATION,
  },
  {
    path: 'prague-devnet5/eip7702_set_code_tx/set_code_txs/ext_code_on_set_code.json',
    reason: EXTCODE_ON_DELEGATION,
  },
  {
    path: 'prague-devnet5/eip7623_increase_calldata_cost/execution_gas/gas_refunds_from_data_floor.json',
    reason: REFUND_BEFORE_FLOOR,
  },
  {
    path: 'prague-devnet5/eip7623_increase_calldata_cost/execution_gas/full_gas_consumption.json',
    test: 'type_4_with_authorization_refund',
    reason: REFUND_BEFORE_FLOOR,
  },
  {
    path: 'prague-devnet5/eip7623_increase_calldata_cost/execution_gas/gas_consumption_below_data_floor.json',
    test: 'type_4_with_authorization_refund',
    reason: REFUND_BEFORE_FLOOR,
  },
];

/** Everything the runner skips by default. */
export const SKIP_LIST: readonly SkipEntry[] = [...SLOW_CASES, ...STALE_CASES];

function coversFile(entry: SkipEntry, file: string): boolean {
  return `/${file.replaceAll('\\', '/')}`.includes(`/${entry.path}`);
}

/** The skip entry covering the whole of `file`, if any (one that names no test). */
export function slowEntryFor(
  file: string,
  entries: readonly SkipEntry[] = SLOW_CASES,
): SkipEntry | undefined {
  return entries.find((entry) => entry.test === undefined && coversFile(entry, file));
}

/** The skip entry covering test `test` of `file`, if any. */
export function skipEntryFor(
  file: string,
  test: string,
  entries: readonly SkipEntry[] = SKIP_LIST,
): SkipEntry | undefined {
  return entries.find(
    (entry) => coversFile(entry, file) && (entry.test === undefined || test.includes(entry.test)),
  );
}
