import { describe, expect, it } from 'vitest';
import { identityGas, runIdentity } from './04-identity.js';

describe('identity (0x04)', () => {
  it('returns a copy of its input', () => {
    const input = Uint8Array.from([1, 2, 3]);
    const output = runIdentity(input);
    expect(output).toEqual(Uint8Array.from([1, 2, 3]));
    input[0] = 9;
    expect(output[0]).toBe(1);
    expect(runIdentity(new Uint8Array(0)).length).toBe(0);
  });

  it('costs 15 plus 3 per started word', () => {
    expect(identityGas(new Uint8Array(0))).toBe(15n);
    expect(identityGas(new Uint8Array(1))).toBe(18n);
    expect(identityGas(new Uint8Array(64))).toBe(21n);
    expect(identityGas(new Uint8Array(65))).toBe(24n);
  });
});
