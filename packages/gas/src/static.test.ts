// Per-revision static gas: Prague changes no opcode price; Osaka adds CLZ (EIP-7939) at 5, as MUL.
import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { staticGasTable, UNDEFINED_OPCODE } from './index.js';

const CLZ = 0x1e;

describe('static gas tables', () => {
  it('Prague copies Cancun unchanged', () => {
    expect([...staticGasTable(Revision.Prague)]).toEqual([...staticGasTable(Revision.Cancun)]);
  });
  it('Osaka adds CLZ at 5 gas and changes nothing else', () => {
    const prague = staticGasTable(Revision.Prague);
    const osaka = staticGasTable(Revision.Osaka);
    expect(prague[CLZ]).toBe(UNDEFINED_OPCODE);
    expect(osaka[CLZ]).toBe(5);
    expect(osaka[CLZ]).toBe(osaka[0x02]); // MUL
    for (let opcode = 0; opcode < 256; opcode++)
      if (opcode !== CLZ) expect(osaka[opcode]).toBe(prague[opcode]);
  });
  it('refuses an unknown revision', () => {
    expect(() => staticGasTable(15 as Revision)).toThrow(RangeError);
  });
});
