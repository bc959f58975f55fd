import { Revision } from '@tandem-evm/host';
import { bytesToHex, hexToBytes } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { isPrecompile, precompileAddresses, runPrecompile } from './index.js';

const range = (last: number) => Array.from({ length: last }, (_, index) => BigInt(index + 1));
const UNKNOWN_REVISION = 99 as Revision;

describe('precompileAddresses', () => {
  it('lists 1-4 from Frontier, 1-8 from Byzantium, 1-9 from Istanbul, 1-10 from Cancun', () => {
    expect(precompileAddresses(Revision.Frontier)).toEqual(range(4));
    expect(precompileAddresses(Revision.SpuriousDragon)).toEqual(range(4));
    expect(precompileAddresses(Revision.Byzantium)).toEqual(range(8));
    expect(precompileAddresses(Revision.Petersburg)).toEqual(range(8));
    expect(precompileAddresses(Revision.Istanbul)).toEqual(range(9));
    expect(precompileAddresses(Revision.Shanghai)).toEqual(range(9));
    expect(precompileAddresses(Revision.Cancun)).toEqual(range(10));
  });

  it('refuses an unknown revision', () => {
    expect(() => precompileAddresses(UNKNOWN_REVISION)).toThrow(RangeError);
  });
});

describe('isPrecompile', () => {
  it('follows the activation revisions', () => {
    expect(isPrecompile(1n, Revision.Frontier)).toBe(true);
    expect(isPrecompile(4n, Revision.Frontier)).toBe(true);
    expect(isPrecompile(5n, Revision.SpuriousDragon)).toBe(false);
    expect(isPrecompile(5n, Revision.Byzantium)).toBe(true);
    expect(isPrecompile(9n, Revision.Petersburg)).toBe(false);
    expect(isPrecompile(9n, Revision.Istanbul)).toBe(true);
    expect(isPrecompile(10n, Revision.Shanghai)).toBe(false);
    expect(isPrecompile(10n, Revision.Cancun)).toBe(true);
  });

  it('is false for address 0, addresses past the last one, and ordinary addresses', () => {
    expect(isPrecompile(0n, Revision.Cancun)).toBe(false);
    expect(isPrecompile(11n, Revision.Cancun)).toBe(false);
    expect(isPrecompile(0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn, Revision.Cancun)).toBe(false);
    expect(isPrecompile((1n << 160n) + 1n, Revision.Cancun)).toBe(false);
  });

  it('refuses an unknown revision', () => {
    expect(() => isPrecompile(1n, UNKNOWN_REVISION)).toThrow(/revision/);
  });
});

describe('runPrecompile', () => {
  const abc = hexToBytes('616263');

  it('succeeds with gasLeft = gas - cost and no refund', () => {
    const result = runPrecompile(2n, abc, 100n, Revision.Frontier);
    expect(result.status).toBe('success');
    expect(result.gasLeft).toBe(28n);
    expect(result.gasRefund).toBe(0n);
    expect(bytesToHex(result.output)).toBe(
      '0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('succeeds with exactly the cost, and runs out of gas one below it', () => {
    expect(runPrecompile(4n, abc, 18n, Revision.Cancun)).toEqual({
      status: 'success',
      gasLeft: 0n,
      gasRefund: 0n,
      output: abc,
    });
    expect(runPrecompile(4n, abc, 17n, Revision.Cancun)).toEqual({
      status: 'out-of-gas',
      gasLeft: 0n,
      gasRefund: 0n,
      output: new Uint8Array(0),
    });
  });

  it('fails with all gas consumed and empty output on invalid input', () => {
    expect(runPrecompile(9n, new Uint8Array(212), 1000n, Revision.Istanbul)).toEqual({
      status: 'precompile-failure',
      gasLeft: 0n,
      gasRefund: 0n,
      output: new Uint8Array(0),
    });
  });

  it('treats an unrecoverable ecrecover signature as success with empty output', () => {
    const result = runPrecompile(1n, new Uint8Array(128), 5000n, Revision.Cancun);
    expect(result.status).toBe('success');
    expect(result.gasLeft).toBe(2000n);
    expect(result.output.length).toBe(0);
  });

  it('prices by revision', () => {
    const pointAtInfinityTwice = new Uint8Array(128);
    expect(runPrecompile(6n, pointAtInfinityTwice, 1000n, Revision.Byzantium).gasLeft).toBe(500n);
    expect(runPrecompile(6n, pointAtInfinityTwice, 1000n, Revision.Istanbul).gasLeft).toBe(850n);
  });

  it('runs out of gas on a modexp whose lengths are near 2^256, before reading them', () => {
    const hugeLengths = hexToBytes('ff'.repeat(96));
    expect(runPrecompile(5n, hugeLengths, 30_000_000n, Revision.Cancun).status).toBe('out-of-gas');
    expect(runPrecompile(5n, hugeLengths, 30_000_000n, Revision.Byzantium).status).toBe('out-of-gas');
  });

  it('refuses an address that is not a precompile in the revision, and negative gas', () => {
    expect(() => runPrecompile(5n, abc, 1000n, Revision.Homestead)).toThrow(/address: 0x5 .*homestead/);
    expect(() => runPrecompile(0n, abc, 1000n, Revision.Cancun)).toThrow(RangeError);
    expect(() => runPrecompile(2n, abc, -1n, Revision.Cancun)).toThrow(/gas/);
  });
});
