import { describe, expect, it } from 'vitest';
import { SKIP_LIST, SLOW_CASES, STALE_CASES, skipEntryFor, slowEntryFor } from './skip-list.js';

const DEVNET = 'fixtures/prague-devnet5/eip7623_increase_calldata_cost/execution_gas';

describe('skip list', () => {
  it('is the slow cases and the stale ones, each with a reason', () => {
    expect(SKIP_LIST).toEqual([...SLOW_CASES, ...STALE_CASES]);
    for (const entry of SKIP_LIST) expect(entry.reason.length).toBeGreaterThan(40);
    for (const entry of STALE_CASES)
      expect(entry.reason).toMatch(/^stale \(pectra-devnet-5\): .*final EIP-(7702|7623)/);
  });

  it('matches whole files at a folder boundary, or only the tests an entry names', () => {
    const whole = `${DEVNET}/gas_refunds_from_data_floor.json`;
    expect(skipEntryFor(whole, 'any test')?.reason).toMatch(/EIP-7623/);
    const partial = `${DEVNET}/full_gas_consumption.json`;
    expect(
      skipEntryFor(
        partial,
        'test_full_gas_consumption[fork_Prague-state_test-exact_gas-type_4_with_authorization_refund]',
      ),
    ).toBeDefined();
    expect(
      skipEntryFor(partial, 'test_full_gas_consumption[fork_Prague-state_test-exact_gas-type_2]'),
    ).toBeUndefined();
    // The same file name outside the devnet-5 folder (final fixtures, some day) is not skipped.
    expect(
      skipEntryFor(
        'fixtures/prague/eip7623_increase_calldata_cost/execution_gas/gas_refunds_from_data_floor.json',
        'x',
      ),
    ).toBeUndefined();
    expect(
      skipEntryFor(
        'x/prague-devnet5-copy/eip7623_increase_calldata_cost/execution_gas/gas_refunds_from_data_floor.json',
        'x',
      ),
    ).toBeUndefined();
  });

  it('answers for whole files only in slowEntryFor', () => {
    expect(slowEntryFor('fixtures/state-tests/VMTests/vmPerformance/loopMul.json')).toBeDefined();
    expect(slowEntryFor(`${DEVNET}/full_gas_consumption.json`, SKIP_LIST)).toBeUndefined();
    expect(slowEntryFor(`${DEVNET}/gas_refunds_from_data_floor.json`, SKIP_LIST)).toBeDefined();
  });
});
