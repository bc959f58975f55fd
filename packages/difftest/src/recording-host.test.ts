import { WorldState } from '@tandem-evm/state';
import { describe, expect, it } from 'vitest';
import { RecordingHost } from './recording-host.js';

describe('RecordingHost', () => {
  it('forwards every call and logs it with its arguments and result', () => {
    const state = WorldState.fromAccounts([[0xc0den, { balance: 5n, storage: [[1n, 7n]] }]]);
    const host = new RecordingHost(state);
    expect(host.getStorage(0xc0den, 1n)).toBe(7n);
    host.setStorage(0xc0den, 1n, 9n);
    expect(host.accessAccount(0xc0den)).toBe(false);
    const snapshot = host.snapshot();
    host.emitLog({ address: 0xc0den, topics: [1n], data: Uint8Array.of(0xab) });
    host.revert(snapshot);
    expect(state.getStorage(0xc0den, 1n)).toBe(9n);
    expect(state.logs).toHaveLength(0);
    expect(host.calls).toEqual([
      'getStorage c0de 1 = 7',
      'setStorage c0de 1 9',
      'accessAccount c0de = false',
      `snapshot = ${snapshot}`,
      'emitLog c0de [1] 0xab',
      `revert ${snapshot}`,
    ]);
    expect(host.counts.get('getStorage')).toBe(1);
  });
});
