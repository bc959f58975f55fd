// A small loader of filled ethereum/tests state-test files, in the hex form ethereumjs takes.
// (@tandem-evm/statetest has a full loader, but it gives Tandem's types; here the fields stay
// hex strings, which is what ethereumjs's constructors take.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Hex = `0x${string}`;

/** The project's copy of the Cancun state tests (fixtures/state-tests/README.md). */
export const FIXTURES_ROOT = fileURLToPath(new URL('../../../../fixtures/state-tests/', import.meta.url));

/** The block a case's transaction runs in (the fixture's `env`). */
export interface FixtureEnv {
  readonly currentCoinbase: Hex;
  readonly currentGasLimit: Hex;
  readonly currentNumber: Hex;
  readonly currentTimestamp: Hex;
  readonly currentDifficulty: Hex;
  readonly currentRandom?: Hex;
  readonly currentBaseFee?: Hex;
  readonly currentExcessBlobGas?: Hex;
}

export interface FixtureAccount {
  readonly nonce: Hex;
  readonly balance: Hex;
  readonly code: Hex;
  readonly storage: Readonly<Record<Hex, Hex>>;
}

/** One case: one element of `post.Cancun`, with what it needs of its test. */
export interface StateTestCase {
  /** `<path under fixtures/state-tests>#<index of the case in the file>`: names it in reports and lists. */
  readonly id: string;
  readonly env: FixtureEnv;
  readonly pre: Readonly<Record<Hex, FixtureAccount>>;
  /** The signed transaction, RLP (typed transactions with their type byte). */
  readonly txBytes: Hex;
  /** Expected state root. */
  readonly hash: Hex;
  /** Expected keccak256(rlp(logs)). */
  readonly logs: Hex;
  /** Present when the transaction must be rejected. */
  readonly expectException?: string;
}

interface FixtureTest {
  readonly env: FixtureEnv;
  readonly pre: Record<Hex, FixtureAccount>;
  readonly post: Record<
    string,
    { hash: Hex; logs: Hex; txbytes: Hex; expectException?: string }[] | undefined
  >;
}

/** The Cancun cases of one fixture file (`path` relative to FIXTURES_ROOT), in file order. */
export function loadCancunCases(path: string): StateTestCase[] {
  const file = JSON.parse(readFileSync(join(FIXTURES_ROOT, path), 'utf8')) as Record<string, FixtureTest>;
  const cases: StateTestCase[] = [];
  for (const test of Object.values(file)) {
    for (const entry of test.post.Cancun ?? []) {
      cases.push({
        id: `${path}#${cases.length}`,
        env: test.env,
        pre: test.pre,
        txBytes: entry.txbytes,
        hash: entry.hash,
        logs: entry.logs,
        ...(entry.expectException !== undefined ? { expectException: entry.expectException } : {}),
      });
    }
  }
  return cases;
}
