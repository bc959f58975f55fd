// EIP-7702: the delegation indicator is 0xef0100 followed by a 20-byte address, 23 bytes in all.
import { describe, expect, it } from 'vitest';
import { bytesToHex, DELEGATION_CODE_SIZE, delegationCode, delegationTarget, hexToBytes } from './index.js';

describe('EIP-7702 delegation indicator', () => {
  const address = 0x8a0a19589531694250d570040a0c4b74576919b8n;
  it('is 0xef0100 followed by the address', () => {
    expect(bytesToHex(delegationCode(address))).toBe('0xef01008a0a19589531694250d570040a0c4b74576919b8');
    expect(delegationCode(0n).length).toBe(DELEGATION_CODE_SIZE);
  });
  it('reads the target back', () => {
    expect(delegationTarget(delegationCode(address))).toBe(address);
    expect(delegationTarget(delegationCode(0x1n))).toBe(0x1n);
  });
  it('is nothing else: other prefixes, other lengths', () => {
    expect(delegationTarget(new Uint8Array(0))).toBeUndefined();
    expect(delegationTarget(hexToBytes(`0xef0101${'11'.repeat(20)}`))).toBeUndefined();
    expect(delegationTarget(hexToBytes(`0xef0100${'11'.repeat(19)}`))).toBeUndefined();
    expect(delegationTarget(hexToBytes(`0xef0100${'11'.repeat(21)}`))).toBeUndefined();
    expect(delegationTarget(hexToBytes(`0x600100${'11'.repeat(20)}`))).toBeUndefined();
  });
});
