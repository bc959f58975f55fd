import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Memory } from './memory.js';

describe('Memory', () => {
  it('loads and stores words big-endian', () => {
    const memory = new Memory();
    memory.grow(64);
    const word = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n;
    memory.storeWord(3, word);
    expect([...memory.bytes.subarray(3, 35)]).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(memory.loadWord(3)).toBe(word);
    expect(memory.loadWord(4)).toBe(((word << 8n) & ((1n << 256n) - 1n)) | 0n);
  });
  it('round-trips every word through its bytes, over whatever was there, on both sides of 2^64 and of -2^64', () => {
    const max = (1n << 256n) - 1n;
    const highOnes = max - ((1n << 64n) - 1n);
    const highBits = Array.from({ length: 6 }, (_, i) => 1n << BigInt(64 + 32 * i));
    const edges = [
      ...[0n, 1n, (1n << 64n) - 1n, 1n << 64n, ...highBits],
      ...[max, highOnes, highOnes - 1n, ...highBits.map((bit) => max ^ bit)],
    ];
    const word = fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }));
    const memory = new Memory();
    memory.grow(96);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 64 }), (before, value, offset) => {
        memory.storeWord(offset, before);
        memory.storeWord(offset, value);
        const bytes = memory.bytes.subarray(offset, offset + 32);
        expect(BigInt(`0x${Buffer.from(bytes).toString('hex')}`)).toBe(value);
        expect(memory.loadWord(offset)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('loads what its bytes say after any mix of word, byte and direct writes, growth and reset', () => {
    const word = fc.oneof(
      fc.constantFrom(0n, 1n, (1n << 256n) - 1n),
      fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
    );
    // Mostly aligned offsets, where words are remembered.
    const offset = fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((i) => i * 32),
      fc.integer({ min: 0, max: 160 }),
    );
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('word' as const), offset, value: word }),
      fc.record({ kind: fc.constant('byte' as const), offset, value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('direct' as const), offset, value: fc.uint8Array({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('load' as const), offset }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const memory = new Memory();
        memory.grow(224);
        for (const op of operations) {
          if (op.kind === 'word') memory.storeWord(op.offset, op.value);
          else if (op.kind === 'byte') memory.storeByte(op.offset, op.value);
          else if (op.kind === 'direct') {
            memory.bytes.set(op.value, op.offset);
            memory.forget(op.offset, op.offset + op.value.length);
          } else if (op.kind === 'reset') {
            memory.reset(1 << 20);
            memory.grow(224);
          } else {
            const bytes = memory.bytes.subarray(op.offset, op.offset + 32);
            expect(memory.loadWord(op.offset)).toBe(BigInt(`0x${Buffer.from(bytes).toString('hex')}`));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('loads what its bytes say on both sides of the words it remembers (the first 128 KiB)', () => {
    const memory = new Memory();
    memory.grow(1 << 20);
    const edge = 4096 * 32;
    for (const offset of [edge - 64, edge - 32, edge - 16, edge, edge + 32, (1 << 20) - 32]) {
      memory.storeWord(offset, 7n);
      expect(memory.loadWord(offset), `at ${offset}`).toBe(7n);
      memory.storeByte(offset + 31, 9);
      expect(memory.loadWord(offset), `at ${offset}`).toBe(9n);
    }
    // An unaligned store across the edge forgets the remembered word below it.
    memory.storeWord(edge - 32, 1n);
    expect(memory.loadWord(edge - 32)).toBe(1n);
    memory.storeWord(edge - 8, (1n << 256n) - 1n);
    expect(memory.loadWord(edge - 32)).toBe((1n << 64n) - 1n);
  });

  it('keeps contents and its view when it grows past its capacity', () => {
    const memory = new Memory();
    memory.grow(32);
    memory.storeWord(0, 42n);
    memory.grow(1 << 16);
    expect(memory.loadWord(0)).toBe(42n);
    memory.storeWord((1 << 16) - 32, 7n);
    expect(memory.bytes[(1 << 16) - 1]).toBe(7);
  });
  it('clears what was used on reset and drops a buffer above the retained limit', () => {
    const memory = new Memory();
    memory.grow(64);
    memory.storeWord(0, (1n << 256n) - 1n);
    memory.reset(1 << 20);
    expect(memory.size).toBe(0);
    memory.grow(64);
    expect(memory.loadWord(0)).toBe(0n);
    memory.grow(1 << 21);
    memory.reset(1 << 20);
    expect(memory.bytes.length).toBeLessThanOrEqual(1 << 20);
    memory.grow(32);
    memory.storeWord(0, 5n);
    expect(memory.loadWord(0)).toBe(5n);
  });
});
