// Per-revision static gas: Prague changes no opcode price; Osaka adds CLZ (EIP-7939) at 5, as MUL.
import { LATEST_REVISION, Revision } from '@tandem-evm/host';
import { OP, opcodeInfo } from '@tandem-evm/opcodes';
import { describe, expect, it } from 'vitest';
import { staticGasTable, UNDEFINED_OPCODE } from './index.js';

const CLZ = OP.CLZ;

describe('static gas tables', () => {
  it('Prague copies Cancun unchanged', () => {
    expect([...staticGasTable(Revision.Prague)]).toEqual([...staticGasTable(Revision.Cancun)]);
  });
  it('Osaka adds CLZ at 5 gas and changes nothing else', () => {
    const prague = staticGasTable(Revision.Prague);
    const osaka = staticGasTable(Revision.Osaka);
    expect(prague[CLZ]).toBe(UNDEFINED_OPCODE);
    expect(osaka[CLZ]).toBe(5);
    expect(osaka[CLZ]).toBe(osaka[OP.MUL]);
    for (let opcode = 0; opcode < 256; opcode++)
      if (opcode !== CLZ) expect(osaka[opcode]).toBe(prague[opcode]);
  });
  it('prices exactly the opcodes the opcode table defines in each revision', () => {
    for (let revision = Revision.Frontier; revision <= LATEST_REVISION; revision++) {
      const table = staticGasTable(revision);
      for (let opcode = 0; opcode < 256; opcode++)
        expect(table[opcode]! >= 0, `${opcode} in ${revision}`).toBe(
          opcodeInfo(opcode, revision) !== undefined,
        );
    }
  });
  it('refuses an unknown revision', () => {
    expect(() => staticGasTable(15 as Revision)).toThrow(RangeError);
  });
});
