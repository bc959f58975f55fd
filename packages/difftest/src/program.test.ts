import { Revision } from '@tandem-evm/host';
import { describe, expect, it } from 'vitest';
import { assembleProgram, compound, op, push, pushBytes, raw } from './program.js';

describe('program assembly', () => {
  it('pushes with the shortest PUSH, never PUSH0', () => {
    expect(pushBytes(0n)).toEqual([0x60, 0]);
    expect(pushBytes(0x1234n)).toEqual([0x61, 0x12, 0x34]);
    expect(pushBytes((1n << 256n) - 1n)).toHaveLength(33);
  });

  it('resolves labels per snippet and lays data blobs after the code', () => {
    const loop = { pieces: [{ label: 0 }, { pushLabel: 0 }, op(0x56)] };
    const copy = {
      pieces: [{ pushDataSize: 0, delta: 0 }, { pushData: 0 }, push(0), op(0x39)],
      data: [Uint8Array.of(0xaa, 0xbb)],
    };
    const code = assembleProgram([loop, loop, copy]);
    // JUMPDEST PUSH2 0 JUMP | JUMPDEST PUSH2 5 JUMP | PUSH2 2 PUSH2 19 PUSH1 0 CODECOPY | aa bb
    expect([...code]).toEqual([
      0x5b, 0x61, 0, 0, 0x56, 0x5b, 0x61, 0, 5, 0x56, 0x61, 0, 2, 0x61, 0, 19, 0x60, 0, 0x39, 0xaa, 0xbb,
    ]);
  });

  it('renumbers the labels of nested snippets', () => {
    const inner = { pieces: [{ label: 0 }, { pushLabel: 0 }, op(0x50)] };
    const outer = compound([[{ pushLabel: 0 }, op(0x50)], inner, [{ label: 0 }]]);
    const code = assembleProgram([outer]);
    // PUSH2 9 POP | JUMPDEST PUSH2 4 POP | JUMPDEST
    expect([...code]).toEqual([0x61, 0, 9, 0x50, 0x5b, 0x61, 0, 4, 0x50, 0x5b]);
  });

  it('leaves out, in a strict program, the snippets an old revision lacks an opcode for', () => {
    const snippets = [{ pieces: [op(0x5f, 0x50)] }, { pieces: [push(1), op(0x50)] }, { pieces: [raw(0xef)] }];
    expect([...assembleProgram({ snippets, strict: true }, Revision.London)]).toEqual([0x60, 1, 0x50, 0xef]);
    expect([...assembleProgram({ snippets, strict: false }, Revision.London)]).toEqual([
      0x5f, 0x50, 0x60, 1, 0x50, 0xef,
    ]);
    expect([...assembleProgram({ snippets, strict: true }, Revision.Shanghai)]).toHaveLength(6);
  });
});
