import { bytesToHex, hexToBytes, parseAddress } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { decodeRlp, encodeRlp } from './rlp.js';
import {
  decodeSignedTransaction,
  encodeSignedTransaction,
  recoverSender,
  type SignedTransaction,
  signingHash,
  signTransaction,
  toTransaction,
  transactionHash,
  type UnsignedTransaction,
} from './signed-transaction.js';

// EIP-155's own example: the transaction, its signing data and hash, the key, the signed bytes.
const EIP155_KEY = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
const EIP155_TX: UnsignedTransaction = {
  type: 0,
  chainId: 1n,
  nonce: 9n,
  gasPrice: 20_000_000_000n,
  gasLimit: 21_000n,
  to: 0x3535353535353535353535353535353535353535n,
  value: 10n ** 18n,
  data: new Uint8Array(0),
};
const EIP155_SIGNED =
  '0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83';

// go-ethereum cmd/evm/testdata/13: two EIP-1559 transactions signed from txs.json's
// secretKey, as signed_txs.rlp holds them, and their hashes from exp2.json.
const GETH_13_KEY = hexToBytes('0x41f6e321b31e72173f8ff2e292359e1862f24fba42fe6f97efaf641980eff298');
const GETH_13_BODY =
  '0xf8d2b86702f864010180820fa08284d09411111111111111111111111111111111111111118080c001a0b7dfab36232379bb3d1497a4f91c1966b1f932eae3ade107bf5d723b9cb474e0a06261c359a10f2132f126d250485b90cf20f30340801244a08ef6142ab33d1904b86702f864010280820fa08284d09411111111111111111111111111111111111111118080c080a0d4ec563b6568cd42d998fc4134b36933c6568d01533b5adf08769270243c6c7fa072bf7c21eac6bbeae5143371eef26d5e279637f3bd73482b55979d76d935b1e9';
const GETH_13_HASHES = [
  0xa98a24882ea90916c6a86da650fbc6b14238e46f0af04a131ce92be897507476n,
  0x36bad80acce7040c45fd32764b5c2b2d2e6f778669fb41791f73f546d56e739an,
];

/** The body is an RLP list of typed transactions, each a byte string. */
function gethBodyTransactions(): Uint8Array[] {
  return decodeRlp(hexToBytes(GETH_13_BODY)) as Uint8Array[];
}

describe('legacy transactions (EIP-155 example)', () => {
  it('has the signing data and hash EIP-155 gives', () => {
    const signingData = encodeRlp([
      ...(decodeRlp(hexToBytes(EIP155_SIGNED)) as Uint8Array[]).slice(0, 6),
      Uint8Array.of(1),
      new Uint8Array(0),
      new Uint8Array(0),
    ]);
    expect(bytesToHex(signingData)).toBe(
      '0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080',
    );
    expect(bytesToHex(signingHash(EIP155_TX))).toBe(
      '0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53',
    );
  });

  it('signs to the bytes EIP-155 gives, and decodes them back', () => {
    const signed = signTransaction(EIP155_TX, EIP155_KEY);
    expect(signed.v).toBe(37n);
    expect(transactionHash(signed)).toBe(0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788n);
    expect(bytesToHex(encodeSignedTransaction(signed))).toBe(EIP155_SIGNED);
    expect(decodeSignedTransaction(hexToBytes(EIP155_SIGNED))).toEqual(signed);
  });

  it('recovers the sender of the key', () => {
    const decoded = decodeSignedTransaction(hexToBytes(EIP155_SIGNED));
    expect(recoverSender(decoded)).toBe(parseAddress('0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F'));
  });

  it('signs without a chain id with v 27 or 28 (before EIP-155)', () => {
    const { chainId: _, ...unprotected } = EIP155_TX;
    const signed = signTransaction(unprotected, EIP155_KEY);
    expect([27n, 28n]).toContain(signed.v);
    const decoded = decodeSignedTransaction(encodeSignedTransaction(signed));
    expect(decoded.chainId).toBeUndefined();
    expect(recoverSender(decoded)).toBe(recoverSender(signTransaction(EIP155_TX, EIP155_KEY)));
  });
});

describe('typed transactions', () => {
  it('decodes geth testdata 13 (EIP-1559) and hashes each as exp2.json says', () => {
    const txs = gethBodyTransactions().map(decodeSignedTransaction);
    expect(txs.map((tx) => tx.type)).toEqual([2, 2]);
    expect(txs.map(transactionHash)).toEqual(GETH_13_HASHES);
    expect(txs[0]).toMatchObject({
      chainId: 1n,
      nonce: 1n,
      maxPriorityFeePerGas: 0n,
      maxFeePerGas: 4000n,
      gasLimit: 34_000n,
    });
  });

  it('signs geth testdata 13 from its secret key to the same bytes', () => {
    const expected = gethBodyTransactions();
    for (const [i, bytes] of expected.entries()) {
      const { v: _v, r: _r, s: _s, ...unsigned } = decodeSignedTransaction(bytes);
      expect(bytesToHex(encodeSignedTransaction(signTransaction(unsigned, GETH_13_KEY)))).toBe(
        bytesToHex(bytes),
      );
      expect(i).toBeLessThan(2);
    }
  });

  it('round-trips types 1, 3 and 4 and recovers their signer', () => {
    const base = {
      chainId: 7n,
      nonce: 3n,
      gasLimit: 100_000n,
      to: 0xaan,
      value: 5n,
      data: Uint8Array.of(1, 2),
    };
    const accessList = [{ address: 0xbbn, storageKeys: [1n, 2n] }];
    const fees = { maxPriorityFeePerGas: 1n, maxFeePerGas: 9n };
    const unsigned: UnsignedTransaction[] = [
      { type: 1, ...base, gasPrice: 10n, accessList },
      { type: 3, ...base, ...fees, accessList, maxFeePerBlobGas: 4n, blobVersionedHashes: [1n << 248n] },
      {
        type: 4,
        ...base,
        ...fees,
        accessList: [],
        authorizationList: [{ chainId: 0n, address: 0xccn, nonce: 1n, yParity: 1n, r: 2n, s: 3n }],
      },
    ];
    for (const tx of unsigned) {
      const signed = signTransaction(tx, EIP155_KEY);
      const decoded = decodeSignedTransaction(encodeSignedTransaction(signed));
      expect(decoded).toEqual(signed);
      expect(recoverSender(decoded)).toBe(parseAddress('0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F'));
    }
  });

  it('converts to the transaction executeTransaction runs', () => {
    const signed = decodeSignedTransaction(gethBodyTransactions()[0]!);
    expect(toTransaction(signed)).toEqual({
      type: 2,
      sender: parseAddress('0xd02d72e067e77158444ef2020ff2d325f929b363'),
      to: 0x1111111111111111111111111111111111111111n,
      nonce: 1n,
      gasLimit: 34_000n,
      value: 0n,
      data: new Uint8Array(0),
      maxFeePerGas: 4000n,
      maxPriorityFeePerGas: 0n,
      accessList: [],
    });
  });
});

describe('bad encodings', () => {
  const legacy = decodeSignedTransaction(hexToBytes(EIP155_SIGNED));
  const withField = (index: number, value: Uint8Array): Uint8Array => {
    const items = decodeRlp(hexToBytes(EIP155_SIGNED)) as Uint8Array[];
    items[index] = value;
    return encodeRlp(items);
  };

  it('names the field that is wrong', () => {
    expect(() => decodeSignedTransaction(withField(0, Uint8Array.of(0, 9)))).toThrow(
      /legacy transaction: nonce has leading zero bytes/,
    );
    expect(() => decodeSignedTransaction(withField(3, Uint8Array.of(1, 2)))).toThrow(/to must be 20 bytes/);
    expect(() => decodeSignedTransaction(withField(0, new Uint8Array(9).fill(1)))).toThrow(RangeError);
    expect(() => decodeSignedTransaction(Uint8Array.of(0x05, 0xc0))).toThrow(/unknown type 0x5/);
    expect(() => decodeSignedTransaction(Uint8Array.of(0x02, 0xc0))).toThrow(/must have 12 fields, got 0/);
    expect(() => decodeSignedTransaction(new Uint8Array(0))).toThrow(TypeError);
    const blobCreation = encodeSignedTransaction({
      ...signTransaction(
        {
          type: 3,
          chainId: 1n,
          nonce: 0n,
          maxPriorityFeePerGas: 1n,
          maxFeePerGas: 1n,
          gasLimit: 1n,
          to: 1n,
          value: 0n,
          data: new Uint8Array(0),
          maxFeePerBlobGas: 1n,
          blobVersionedHashes: [],
        },
        EIP155_KEY,
      ),
      to: null,
    });
    expect(() => decodeSignedTransaction(blobCreation)).toThrow(
      /type 3 transaction: to must be 20 bytes, got 0/,
    );
  });

  it('refuses a signature no sender made', () => {
    const highS: SignedTransaction = { ...legacy, s: (1n << 256n) - 1n };
    expect(() => recoverSender(highS)).toThrow(/s is out of range/);
    expect(() => recoverSender({ ...legacy, v: 30n })).toThrow(/v 30 does not fit chain id 1/);
  });
});
