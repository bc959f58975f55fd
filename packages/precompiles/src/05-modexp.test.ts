import { Revision } from '@tandem-evm/host';
import { bytesToHex, concatBytes, hexToBytes, MAX_WORD, wordToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { modexpGas, runModexp } from './05-modexp.js';

/** The three length words, then the given data (base ‖ exponent ‖ modulus, possibly cut short). */
function modexpInput(
  baseLength: bigint,
  exponentLength: bigint,
  modulusLength: bigint,
  data = '',
): Uint8Array {
  return concatBytes(
    wordToBytes(baseLength),
    wordToBytes(exponentLength),
    wordToBytes(modulusLength),
    hexToBytes(data),
  );
}

const P256K1 = 'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f';
const P256K1_MINUS_2 = 'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2d';

// go-ethereum core/vm/testdata/precompiles/modexp.json and modexp_eip2565.json; the gas pairs
// (EIP-198, EIP-2565) are the table in EIP-2565's reference implementation notes.
const NAGYDANI_1_BASE =
  'e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5';
const NAGYDANI_1_MODULUS =
  'fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b';
const NAGYDANI_2_BASE =
  'cad7d991a00047dd54d3399b6b0b937c718abddef7917c75b6681f40cc15e2be0003657d8d4c34167b2f0bbbca0ccaa407c2a6a07d50f1517a8f22979ce12a81dcaf707cc0cebfc0ce2ee84ee7f77c38b9281b9822a8d3de62784c089c9b18dcb9a2a5eecbede90ea788a862a9ddd9d609c2c52972d63e289e28f6a590ffbf51';
const NAGYDANI_2_MODULUS =
  'e6d893b80aeed5e6e9ce9afa8a5d5675c93a32ac05554cb20e9951b2c140e3ef4e433068cf0fb73bc9f33af1853f64aa27a0028cbf570d7ac9048eae5dc7b28c87c31e5810f1e7fa2cda6adf9f1076dbc1ec1238560071e7efc4e9565c49be9e7656951985860a558a754594115830bcdb421f741408346dd5997bb01c287087';

const VECTORS = [
  {
    name: 'eip_example1: Fermat, 3^(p-1) mod p',
    input: modexpInput(1n, 32n, 32n, `03${P256K1_MINUS_2.slice(0, -1)}e${P256K1}`),
    output: `0x${'00'.repeat(31)}01`,
    byzantiumGas: 13056n,
    berlinGas: 1360n,
  },
  {
    name: 'eip_example2: empty base reads as zero',
    input: modexpInput(0n, 32n, 32n, `${P256K1_MINUS_2.slice(0, -1)}e${P256K1}`),
    output: `0x${'00'.repeat(32)}`,
    byzantiumGas: 13056n,
    berlinGas: 1360n,
  },
  {
    name: 'nagydani-1-square',
    input: modexpInput(64n, 1n, 64n, `${NAGYDANI_1_BASE}02${NAGYDANI_1_MODULUS}`),
    output:
      '0x60008f1614cc01dcfb6bfb09c625cf90b47d4468db81b5f8b7a39d42f332eab9b2da8f2d95311648a8f243f4bb13cfb3d8f7f2a3c014122ebb3ed41b02783adc',
    byzantiumGas: 204n,
    berlinGas: 200n,
  },
  {
    name: 'nagydani-1-pow0x10001',
    input: modexpInput(64n, 3n, 64n, `${NAGYDANI_1_BASE}010001${NAGYDANI_1_MODULUS}`),
    output:
      '0xc36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b8409128a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2',
    byzantiumGas: 3276n,
    berlinGas: 341n,
  },
  {
    name: 'nagydani-2-pow0x10001',
    input: modexpInput(128n, 3n, 128n, `${NAGYDANI_2_BASE}010001${NAGYDANI_2_MODULUS}`),
    output:
      '0xad85e8ef13fd1dd46eae44af8b91ad1ccae5b7a1c92944f92a19f21b0b658139e0cabe9c1f679507c2de354bf2c91ebd965d1e633978a830d517d2f6f8dd5fd58065d58559de7e2334a878f8ec6992d9b9e77430d4764e863d77c0f87beede8f2f7f2ab2e7222f85cc9d98b8467f4bb72e87ef2882423ebdb6daf02dddac6db2',
    byzantiumGas: 10649n,
    berlinGas: 1365n,
  },
];

describe('modexp (0x05)', () => {
  for (const vector of VECTORS) {
    it(`computes and prices ${vector.name}`, () => {
      expect(bytesToHex(runModexp(vector.input, Revision.Cancun)!)).toBe(vector.output);
      expect(modexpGas(vector.input, Revision.Byzantium)).toBe(vector.byzantiumGas);
      expect(modexpGas(vector.input, Revision.Istanbul)).toBe(vector.byzantiumGas);
      expect(modexpGas(vector.input, Revision.Berlin)).toBe(vector.berlinGas);
      expect(modexpGas(vector.input, Revision.Cancun)!).toBe(vector.berlinGas);
    });
  }

  it('returns empty output for a zero modulus length, whatever else the header says', () => {
    expect(runModexp(new Uint8Array(0), Revision.Cancun)!.length).toBe(0);
    expect(runModexp(modexpInput(2n, 1n, 0n, '020302'), Revision.Cancun)!.length).toBe(0);
    // Lengths that could never be paid for are not read when the output is empty.
    expect(runModexp(modexpInput(0n, MAX_WORD, 0n), Revision.Cancun)!.length).toBe(0);
  });

  it('prices empty input at the minimum: 0 under EIP-198, 200 under EIP-2565', () => {
    expect(modexpGas(new Uint8Array(0), Revision.Byzantium)).toBe(0n);
    expect(modexpGas(new Uint8Array(0), Revision.Berlin)).toBe(200n);
  });

  it('returns modulus-length zeros for a zero modulus and for modulus 1', () => {
    expect(bytesToHex(runModexp(modexpInput(1n, 1n, 2n, '0302' + '0000'), Revision.Cancun)!)).toBe('0x0000');
    expect(bytesToHex(runModexp(modexpInput(1n, 1n, 2n, '0302' + '0001'), Revision.Cancun)!)).toBe('0x0000');
    expect(bytesToHex(runModexp(modexpInput(1n, 0n, 1n, '05' + '01'), Revision.Cancun)!)).toBe('0x00');
  });

  it('treats 0^0 as 1 and an empty exponent as zero', () => {
    expect(bytesToHex(runModexp(modexpInput(0n, 0n, 1n, '07'), Revision.Cancun)!)).toBe('0x01');
    expect(bytesToHex(runModexp(modexpInput(1n, 1n, 1n, '00' + '00' + '07'), Revision.Cancun)!)).toBe('0x01');
    expect(bytesToHex(runModexp(modexpInput(0n, 1n, 1n, '05' + '07'), Revision.Cancun)!)).toBe('0x00');
  });

  it('zero-pads base, exponent and modulus that run past the end of the input', () => {
    // base 3, exponent 2, modulus 0x05 padded to 0x0500 = 1280: 9 mod 1280 = 9.
    expect(bytesToHex(runModexp(modexpInput(1n, 1n, 2n, '030205'), Revision.Cancun)!)).toBe('0x0009');
    // Exponent 0x02 padded to 0x0200, modulus absent: a zero modulus gives zeros.
    expect(bytesToHex(runModexp(modexpInput(1n, 2n, 2n, '0302'), Revision.Cancun)!)).toBe('0x0000');
    // The same exponent in full: 3^512 mod 1000 = 441.
    expect(bytesToHex(runModexp(modexpInput(1n, 2n, 2n, '03020003e8'), Revision.Cancun)!)).toBe('0x01b9');
  });

  it('ignores input past the modulus', () => {
    expect(bytesToHex(runModexp(modexpInput(1n, 1n, 1n, '020305ffff'), Revision.Cancun)!)).toBe('0x03');
  });

  it('prices a long exponent by its length and the top bit of its first 32 bytes', () => {
    // 64-byte exponent whose first 32 bytes are zero: 8 * (64 - 32) = 256 iterations.
    const zeroHead = modexpInput(0n, 64n, 64n);
    expect(modexpGas(zeroHead, Revision.Byzantium)).toBe((4096n * 256n) / 20n);
    expect(modexpGas(zeroHead, Revision.Berlin)).toBe((64n * 256n) / 3n);
    // A head of 1 has top bit index 0, a head of 0x80…0 has 255.
    const oneHead = modexpInput(0n, 64n, 64n, `${'00'.repeat(31)}01`);
    expect(modexpGas(oneHead, Revision.Berlin)).toBe((64n * 256n) / 3n);
    const highHead = modexpInput(0n, 64n, 64n, '80');
    expect(modexpGas(highHead, Revision.Berlin)).toBe((64n * (256n + 255n)) / 3n);
  });

  it('prices a short exponent by its top bit index', () => {
    // 1-byte lengths: EIP-198 complexity 1; exponent 0xff has top bit index 7.
    expect(modexpGas(modexpInput(1n, 1n, 1n, '02ff07'), Revision.Byzantium)).toBe(0n);
    expect(modexpGas(modexpInput(32n, 1n, 32n, `${'00'.repeat(32)}ff`), Revision.Byzantium)).toBe(
      (1024n * 7n) / 20n,
    );
  });

  it('uses each piece of the EIP-198 complexity formula', () => {
    // Exponent 0x03: one iteration. Lengths 64, 1024 and 1025 sit on the breakpoints.
    const price = (length: bigint) =>
      modexpGas(modexpInput(length, 1n, length, `${'00'.repeat(Number(length))}03`), Revision.Byzantium);
    expect(price(64n)).toBe(4096n / 20n);
    expect(price(65n)).toBe(((65n * 65n) / 4n + 96n * 65n - 3072n) / 20n);
    expect(price(1024n)).toBe(((1024n * 1024n) / 4n + 96n * 1024n - 3072n) / 20n);
    expect(price(1025n)).toBe(((1025n * 1025n) / 16n + 480n * 1025n - 199680n) / 20n);
  });

  it('prices lengths near 2^256 exactly, without overflow or allocation', () => {
    const hugeBase = modexpInput(MAX_WORD, 1n, 1n);
    expect(modexpGas(hugeBase, Revision.Berlin)).toBe((((MAX_WORD + 7n) / 8n) ** 2n * 1n) / 3n);
    expect(modexpGas(hugeBase, Revision.Byzantium)).toBeGreaterThan(1n << 500n);
    const hugeExponent = modexpInput(1n, MAX_WORD, 1n);
    expect(modexpGas(hugeExponent, Revision.Berlin)).toBe((8n * (MAX_WORD - 32n)) / 3n);
  });
});

// Osaka: EIP-7883 pricing and EIP-7823 bounds. The gas values are the EIP-7883 table
// ("EIP-7883 Pricing" column) for the vectors above and for inputs of the same shapes.
describe('modexp in Osaka (EIP-7883 pricing, EIP-7823 bounds)', () => {
  const osaka = (input: Uint8Array) => modexpGas(input, Revision.Osaka);

  it('prices the EIP-7883 table', () => {
    const gas = Object.fromEntries(VECTORS.map((vector) => [vector.name, osaka(vector.input)]));
    expect(gas['nagydani-1-square']).toBe(500n);
    expect(gas['nagydani-1-pow0x10001']).toBe(2048n);
    expect(gas['nagydani-2-pow0x10001']).toBe(8192n);
    // nagydani-5-pow0x10001: 1024-byte base and modulus, exponent 0x010001.
    expect(osaka(modexpInput(1024n, 3n, 1024n, `${'00'.repeat(1024)}010001`))).toBe(524288n);
    // marcin-1-exp-heavy: 8-byte base and modulus, 81-byte exponent with its top bit set
    // (EIP-2565 priced it 215).
    const expHeavy = modexpInput(8n, 81n, 8n, `${'00'.repeat(8)}80`);
    expect(modexpGas(expHeavy, Revision.Berlin)).toBe(215n);
    expect(osaka(expHeavy)).toBe(16624n);
  });

  it('charges at least 500, at least complexity 16, no division by 3, 16 per byte of long exponents', () => {
    expect(osaka(modexpInput(1n, 1n, 1n, '020307'))).toBe(500n);
    // 32-byte operands: complexity 16; exponent 0xff..ff (top bit 255): 16 · 255.
    expect(osaka(modexpInput(32n, 32n, 32n, `${'00'.repeat(32)}${'ff'.repeat(32)}`))).toBe(16n * 255n);
    // 33-byte operands: 2 · ceil(33 / 8)² = 50.
    expect(osaka(modexpInput(33n, 32n, 33n, `${'00'.repeat(33)}${'ff'.repeat(32)}`))).toBe(50n * 255n);
    // 64-byte exponent with a zero head: 16 · (64 − 32) iterations.
    expect(osaka(modexpInput(0n, 64n, 64n))).toBe(2n * 64n * 16n * 32n);
    expect(modexpGas(modexpInput(0n, 64n, 64n), Revision.Prague)).toBe((64n * 8n * 32n) / 3n);
  });

  it('fails, before pricing, when a length is over 1024 bytes', () => {
    for (const [base, exponent, modulus] of [
      [1025n, 1n, 1n],
      [1n, 1025n, 1n],
      [1n, 1n, 1025n],
      [MAX_WORD, 1n, 1n],
    ]) {
      const input = modexpInput(base!, exponent!, modulus!, '020301');
      expect(modexpGas(input, Revision.Osaka)).toBe(0n);
      expect(runModexp(input, Revision.Osaka)).toBeUndefined();
    }
    // 1024 is allowed; before Osaka, 1025 was.
    expect(runModexp(modexpInput(1024n, 1n, 1n, `${'00'.repeat(1023)}020305`), Revision.Osaka)).toEqual(
      Uint8Array.of(3),
    );
    expect(runModexp(modexpInput(1025n, 1n, 1n, `${'00'.repeat(1024)}020305`), Revision.Prague)).toEqual(
      Uint8Array.of(3),
    );
  });
});
