import { createHash } from 'node:crypto';
import { bytesToWord, concatBytes, keccak256Word } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { DEPOSIT_EVENT_SIGNATURE_HASH, requestsHash } from './requests.js';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

describe('EIP-7685 requests hash', () => {
  it('is sha256 of nothing for a block without requests, whatever empty items it lists', () => {
    const empty = 0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855n;
    expect(requestsHash([])).toBe(empty);
    expect(requestsHash([Uint8Array.of(0), Uint8Array.of(1), Uint8Array.of(2)])).toBe(empty);
  });

  it('is sha256 over the sha256 of each item with data, in order of type', () => {
    const deposits = Uint8Array.of(0, 0xaa, 0xbb);
    const consolidations = Uint8Array.of(2, 0xcc);
    expect(requestsHash([deposits, Uint8Array.of(1), consolidations])).toBe(
      bytesToWord(sha256(concatBytes(sha256(deposits), sha256(consolidations)))),
    );
  });

  it('refuses items out of order of type, or two of one type', () => {
    expect(() => requestsHash([Uint8Array.of(2, 1), Uint8Array.of(1, 1)])).toThrow(RangeError);
    expect(() => requestsHash([Uint8Array.of(1, 1), Uint8Array.of(1, 2)])).toThrow(RangeError);
  });
});

describe('EIP-6110 constants', () => {
  it('the deposit log topic is the hash of the DepositEvent signature', () => {
    const signature = new TextEncoder().encode('DepositEvent(bytes,bytes,bytes,bytes,bytes)');
    expect(keccak256Word(signature)).toBe(DEPOSIT_EVENT_SIGNATURE_HASH);
  });
});
