import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { blake2fGas, runBlake2f } from './09-blake2f.js';

/**
 * EIP-152 test vectors 4–7: the state after BLAKE2b-512's parameter block, the
 * message "abc", counter 3; only the round count and the final flag vary.
 */
function eip152Input(roundsHex: string, finalFlagHex: string): string {
  return (
    roundsHex +
    '48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b' +
    '616263' +
    '00'.repeat(125) +
    '0300000000000000' +
    '0000000000000000' +
    finalFlagHex
  );
}

function compress(inputHex: string): string | undefined {
  const output = runBlake2f(hexToBytes(inputHex));
  return output === undefined ? undefined : bytesToHex(output);
}

describe('blake2f (0x09)', () => {
  it('compresses (EIP-152 vectors 4 to 7)', () => {
    expect(compress(eip152Input('00000000', '01'))).toBe(
      '0x08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b',
    );
    expect(compress(eip152Input('0000000c', '01'))).toBe(
      '0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(compress(eip152Input('0000000c', '00'))).toBe(
      '0x75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735',
    );
    expect(compress(eip152Input('00000001', '01'))).toBe(
      '0xb63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421',
    );
  });

  it('with 12 rounds and the final flag, is BLAKE2b-512 of a one-block message', () => {
    expect(compress(eip152Input('0000000c', '01'))).toBe(bytesToHex(blake2b(hexToBytes('616263'))));
  });

  it('costs one gas per round, the rounds read as an unsigned 32-bit big-endian number', () => {
    expect(blake2fGas(hexToBytes(eip152Input('00000000', '01')))).toBe(0n);
    expect(blake2fGas(hexToBytes(eip152Input('0000000c', '01')))).toBe(12n);
    expect(blake2fGas(hexToBytes(eip152Input('007a1200', '01')))).toBe(8000000n);
    expect(blake2fGas(hexToBytes(eip152Input('ffffffff', '01')))).toBe(0xffffffffn);
  });

  it('fails when the input is not exactly 213 bytes (and then costs nothing before failing)', () => {
    const valid = eip152Input('0000000c', '01');
    for (const input of ['', valid.slice(2), `${valid}00`, `00${valid}`]) {
      expect(compress(input)).toBeUndefined();
      expect(blake2fGas(hexToBytes(input))).toBe(0n);
    }
  });

  it('fails when the final-block flag is neither 0 nor 1', () => {
    expect(compress(eip152Input('0000000c', '02'))).toBeUndefined();
    expect(compress(eip152Input('0000000c', 'ff'))).toBeUndefined();
  });

  it('reads an input that is a view into a larger buffer', () => {
    const valid = hexToBytes(eip152Input('0000000c', '01'));
    const buffer = new Uint8Array(300);
    buffer.set(valid, 50);
    expect(bytesToHex(runBlake2f(buffer.subarray(50, 263))!)).toBe(bytesToHex(runBlake2f(valid)!));
  });
});
