import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { createReceipt, encodeReceipt, logsBloom, receiptsRoot, transactionsRoot } from './receipt.js';
import { decodeRlp } from './rlp.js';
import { EMPTY_TRIE_ROOT } from './trie.js';

describe('logsBloom', () => {
  it('is 256 zero bytes without logs', () => {
    expect(logsBloom([])).toEqual(new Uint8Array(256));
  });

  it('sets three bits per address and topic, as @ethereumjs/vm 10.1.3 Bloom does', () => {
    const bloom = logsBloom([{ address: 0xaaaan, topics: [0n], data: new Uint8Array(0) }]);
    expect(bytesToHex(bloom)).toBe(
      '0x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000000000800000000000000000000000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000800000000000000000000000000000000000000000000000000000',
    );
  });
});

describe('receipts and transactions roots (go-ethereum cmd/evm/testdata/13, exp2.json)', () => {
  // Two EIP-1559 transactions whose callee's code is INVALID: both fail, each using 0x84d0 gas.
  const receipts = [createReceipt(2, false, 0x84d0n, []), createReceipt(2, false, 0x109a0n, [])];
  const body =
    '0xf8d2b86702f864010180820fa08284d09411111111111111111111111111111111111111118080c001a0b7dfab36232379bb3d1497a4f91c1966b1f932eae3ade107bf5d723b9cb474e0a06261c359a10f2132f126d250485b90cf20f30340801244a08ef6142ab33d1904b86702f864010280820fa08284d09411111111111111111111111111111111111111118080c080a0d4ec563b6568cd42d998fc4134b36933c6568d01533b5adf08769270243c6c7fa072bf7c21eac6bbeae5143371eef26d5e279637f3bd73482b55979d76d935b1e9';

  it('gives the receiptsRoot geth gives', () => {
    expect(receiptsRoot(receipts)).toBe(0xa532a08aa9f62431d6fe5d924951b8efb86ed3c54d06fee77788c3767dd13420n);
  });

  it('gives the txRoot geth gives', () => {
    const txs = decodeRlp(hexToBytes(body)) as Uint8Array[];
    expect(transactionsRoot(txs)).toBe(0x013509c8563d41c0ae4bf38f2d6d19fc6512a1d0d6be045079c8c9f68bf45f9dn);
  });

  it('puts the type byte before a typed receipt, and nothing before a legacy one', () => {
    expect(encodeReceipt(receipts[0]!)[0]).toBe(2);
    expect(encodeReceipt(createReceipt(0, true, 21_000n, []))[0]).toBeGreaterThanOrEqual(0xc0);
    expect(bytesToHex(encodeReceipt(createReceipt(0, true, 21_000n, [])).subarray(0, 5))).toBe(
      '0xf901080182',
    );
  });

  it('is the empty trie root for an empty block', () => {
    expect(receiptsRoot([])).toBe(EMPTY_TRIE_ROOT);
    expect(transactionsRoot([])).toBe(EMPTY_TRIE_ROOT);
  });
});
