// LOG0..LOG4 (Yellow Paper): Glog 375 + Glogtopic 375 per topic + Glogdata 8 per byte +
// memory expansion; the log records the executing address, topics in order, and the data.
// Forbidden in a static context (EIP-214); dropped when the frame reverts.
import { assemble } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import { CONTRACT, run } from './test/harness.js';

const CHILD = 0xc1n;
const DATA = 0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeffn;
const callChild = (kind = 'CALL') =>
  kind === 'CALL'
    ? `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS CALL`
    : `PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 ${CHILD} GAS ${kind}`;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('LOG semantics', () => {
  it('LOG0 with no data records the address and nothing else', () => {
    const { result, state } = run({ code: 'PUSH1 0 PUSH1 0 LOG0 STOP', revision: 'cancun' });
    expect(result.status).toBe('success');
    expect(state.logs).toHaveLength(1);
    expect(state.logs[0]!.address).toBe(CONTRACT);
    expect(state.logs[0]!.topics).toEqual([]);
    expect(state.logs[0]!.data.length).toBe(0);
  });
  it('LOG2 takes offset, size, then topics in stack order', () => {
    const { state } = run({
      code: `PUSH32 ${DATA} PUSH1 0 MSTORE PUSH1 0xbb PUSH1 0xaa PUSH1 32 PUSH1 0 LOG2 STOP`,
      revision: 'cancun',
    });
    expect(state.logs).toHaveLength(1);
    expect(state.logs[0]!.topics).toEqual([0xaan, 0xbbn]);
    expect(hex(state.logs[0]!.data)).toBe(DATA.toString(16).padStart(64, '0'));
  });
  it('LOG4 with four full-width topics and data read past memory (zeros)', () => {
    const t = [1n << 255n, (1n << 256n) - 1n, 3n, 4n];
    const { state } = run({
      code: `PUSH32 ${t[3]} PUSH32 ${t[2]} PUSH32 ${t[1]} PUSH32 ${t[0]} PUSH1 3 PUSH1 0x40 LOG4 STOP`,
      revision: 'cancun',
    });
    expect(state.logs[0]!.topics).toEqual(t);
    expect(hex(state.logs[0]!.data)).toBe('000000');
  });
  it('logs keep their order across frames and carry the emitting address', () => {
    const child = assemble('PUSH1 2 PUSH1 0 PUSH1 0 LOG1 STOP');
    const { state } = run({
      code: `PUSH1 1 PUSH1 0 PUSH1 0 LOG1 ${callChild()} POP PUSH1 3 PUSH1 0 PUSH1 0 LOG1 STOP`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: child }),
    });
    expect(state.logs.map((log) => [log.address, log.topics[0]])).toEqual([
      [CONTRACT, 1n],
      [CHILD, 2n],
      [CONTRACT, 3n],
    ]);
  });
  it('a DELEGATECALLed log is emitted by the caller’s address', () => {
    const { state } = run({
      code: `${callChild('DELEGATECALL')} STOP`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: assemble('PUSH1 0 PUSH1 0 LOG0 STOP') }),
    });
    expect(state.logs.map((log) => log.address)).toEqual([CONTRACT]);
  });
  it('a reverted child’s logs are dropped, the parent’s kept', () => {
    const child = assemble('PUSH1 0 PUSH1 0 LOG0 PUSH1 0 PUSH1 0 REVERT');
    const { state } = run({
      code: `${callChild()} POP PUSH1 0 PUSH1 0 LOG0 STOP`,
      revision: 'cancun',
      setup: (s) => s.setAccount(CHILD, { code: child }),
    });
    expect(state.logs.map((log) => log.address)).toEqual([CONTRACT]);
  });
  it('a failing top-level frame leaves no logs', () => {
    const { result, state } = run({ code: 'PUSH1 0 PUSH1 0 LOG0 INVALID', revision: 'cancun' });
    expect(result.status).toBe('invalid-instruction');
    expect(state.logs).toHaveLength(0);
  });
});

describe('LOG gas', () => {
  it.each([0, 1, 2, 3, 4])('LOG%s with no data: 375 + 375 per topic', (n) => {
    const code = `${'PUSH1 0 '.repeat(n + 2)}LOG${n} STOP`;
    for (const revision of ['frontier', 'cancun']) {
      const { result, gasUsed } = run({ code, revision });
      expect(result.status).toBe('success');
      expect(gasUsed).toBe(BigInt(3 * (n + 2) + 375 + 375 * n));
    }
  });
  it('LOG2 with 32 bytes already in memory: 375 + 750 + 8 × 32', () => {
    const { gasUsed } = run({
      code: `PUSH32 ${DATA} PUSH1 0 MSTORE PUSH1 0xbb PUSH1 0xaa PUSH1 32 PUSH1 0 LOG2 STOP`,
      revision: 'cancun',
    });
    expect(gasUsed).toBe(3n + 3n + 3n + 3n + 12n + 375n + 750n + 256n);
  });
  it('LOG1 of 33 bytes from fresh memory pays 8 × 33 and two words of expansion', () => {
    const { gasUsed } = run({ code: 'PUSH1 7 PUSH1 33 PUSH1 0 LOG1 STOP', revision: 'cancun' });
    expect(gasUsed).toBe(9n + 375n + 375n + 8n * 33n + 6n);
  });
});

describe('LOG in a static context (EIP-214)', () => {
  it.each([0, 1, 2, 3, 4])('LOG%s is a static-mode violation, even with no data', (n) => {
    const { result, gasUsed, state } = run({
      code: `${'PUSH1 0 '.repeat(n + 2)}LOG${n} STOP`,
      revision: 'cancun',
      isStatic: true,
    });
    expect(result.status).toBe('static-mode-violation');
    expect(gasUsed).toBe(1_000_000n);
    expect(state.logs).toHaveLength(0);
  });
});
