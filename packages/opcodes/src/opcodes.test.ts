import { Revision } from '@tandem-evm/host';
import { bytesToHex } from '@tandem-evm/primitives';
import { describe, expect, it } from 'vitest';
import {
  analyzeJumpdests,
  assemble,
  disassemble,
  formatDisassembly,
  instructionSize,
  isPush,
  OP,
  OPCODE_BY_NAME,
  OPCODES,
  opcodeInfo,
} from './index.js';

describe('opcode table', () => {
  it('defines the 149 Cancun opcodes and Osaka’s CLZ with consistent shapes', () => {
    const defined = OPCODES.filter((info) => info !== undefined);
    expect(defined.length).toBe(150);
    for (const info of defined) {
      expect(OPCODES[info!.code]).toBe(info);
      expect(info!.stackIn).toBeGreaterThanOrEqual(0);
    }
    expect(OPCODES[0x7f]).toMatchObject({ name: 'PUSH32', immediateSize: 32, stackIn: 0, stackOut: 1 });
    expect(OPCODES[0x8f]).toMatchObject({ name: 'DUP16', stackIn: 16, stackOut: 17 });
    expect(OPCODES[0x9f]).toMatchObject({ name: 'SWAP16', stackIn: 17, stackOut: 17 });
    expect(OPCODES[0xa4]).toMatchObject({ name: 'LOG4', stackIn: 6, stackOut: 0 });
    expect(OPCODES[0xf1]).toMatchObject({ name: 'CALL', stackIn: 7, stackOut: 1 });
  });
  it('knows when each opcode arrived', () => {
    expect(opcodeInfo(0x5f, Revision.London)).toBeUndefined();
    expect(opcodeInfo(0x5f, Revision.Shanghai)?.name).toBe('PUSH0');
    expect(opcodeInfo(0xf4, Revision.Frontier)).toBeUndefined();
    expect(opcodeInfo(0xf4, Revision.Homestead)?.name).toBe('DELEGATECALL');
    expect(opcodeInfo(0x1b, Revision.Byzantium)).toBeUndefined();
    expect(opcodeInfo(0x5e, Revision.Cancun)?.name).toBe('MCOPY');
    expect(opcodeInfo(0x0c, Revision.Cancun)).toBeUndefined();
    // EIP-7939: CLZ (0x1e) arrives in Osaka; Prague adds no opcode.
    expect(opcodeInfo(0x1e, Revision.Prague)).toBeUndefined();
    expect(opcodeInfo(0x1e, Revision.Osaka)).toMatchObject({ name: 'CLZ', stackIn: 1, stackOut: 1 });
  });
});

describe('named opcodes', () => {
  it('OP names every opcode of the table by its byte', () => {
    const defined = OPCODES.filter((info) => info !== undefined);
    expect(Object.keys(OP).length).toBe(defined.length);
    for (const info of defined) expect(OP[info!.name as keyof typeof OP]).toBe(info!.code);
    expect(OPCODE_BY_NAME.get('SHA3')).toBe(OP.KECCAK256);
  });
  it('sizes instructions from the immediate sizes of the table', () => {
    expect(instructionSize(OP.ADD)).toBe(1);
    expect(instructionSize(OP.PUSH0)).toBe(1);
    expect(instructionSize(OP.PUSH1)).toBe(2);
    expect(instructionSize(OP.PUSH32)).toBe(33);
    expect(instructionSize(0x0c)).toBe(1);
    expect([OP.PUSH0, OP.PUSH1, OP.PUSH32, OP.DUP1, OP.JUMPDEST].map(isPush)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('analysis', () => {
  it('finds JUMPDESTs but not inside PUSH data', () => {
    const code = assemble('JUMPDEST PUSH2 0x5b5b JUMPDEST PUSH1 0x5b');
    expect([...analyzeJumpdests(code)]).toEqual([1, 0, 0, 0, 1, 0, 0]);
  });
  it('handles a PUSH cut short by the end of code', () => {
    expect([...analyzeJumpdests(Uint8Array.of(0x7f, 0x5b))]).toEqual([0, 0]);
  });
});

describe('assembler and disassembler', () => {
  it('round-trip', () => {
    const code = assemble('PUSH1 0x80 PUSH1 64 MSTORE PUSH32 0x01 0xfe');
    expect(bytesToHex(code)).toBe(`0x60806040527f${'00'.repeat(31)}01fe`);
    expect(disassemble(code).map((ins) => ins.name)).toEqual([
      'PUSH1',
      'PUSH1',
      'MSTORE',
      'PUSH32',
      'INVALID',
    ]);
  });
  it('formats undefined bytes and short pushes', () => {
    expect(formatDisassembly(Uint8Array.of(0x0c, 0x61, 0x01))).toBe('0000: INVALID_0x0c\n0001: PUSH2 0x01');
  });
  it('rejects unknown mnemonics and oversize immediates', () => {
    expect(() => assemble('FOO')).toThrow(/unknown mnemonic 'FOO'/);
    expect(() => assemble('PUSH1 0x100')).toThrow(/does not fit/);
  });
});
