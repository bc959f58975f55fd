import { bytesToHex } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import { assemble, label, push, pushLabel } from './assembler.js';

describe('assemble', () => {
  it('encodes mnemonics, minimal and fixed-size pushes, and labels', () => {
    const code = assemble([
      push(1000),
      label('loop'),
      push(1),
      'SWAP1',
      'SUB',
      'DUP1',
      pushLabel('loop'),
      'JUMPI',
    ]);
    expect(bytesToHex(code)).toBe('0x6103e85b600190038061000357');
    expect(bytesToHex(assemble([push(1, 3), 'PUSH0']))).toBe('0x620000015f');
  });

  it('rejects unknown mnemonics and labels, PUSHn as a mnemonic, and values that do not fit', () => {
    expect(() => assemble(['NOPE'])).toThrow(/unknown mnemonic/);
    expect(() => assemble([pushLabel('nowhere')])).toThrow(/unknown label/);
    expect(() => assemble(['PUSH1'])).toThrow(/use push/);
    expect(() => push(256, 1)).toThrow(RangeError);
  });
});
