import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Memory } from './memory.js';

describe('Memory', () => {
  it('loads and stores words big-endian', () => {
    const memory = new Memory();
    memory.grow(64);
    const word = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n;
    memory.storeWord(3, word);
    expect([...memory.readable(3, 35)]).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
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
        const bytes = memory.readable(offset, offset + 32);
        expect(BigInt(`0x${Buffer.from(bytes).toString('hex')}`)).toBe(value);
        expect(memory.loadWord(offset)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a plain byte array after any mix of word, byte and direct writes, loads, reads, growth and reset', () => {
    const word = fc.oneof(
      fc.constantFrom(0n, 1n, (1n << 64n) - 1n, 1n << 53n, (1n << 256n) - 1n),
      fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
    );
    // Mostly aligned offsets, where words are remembered (and stored lazily).
    const offset = fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((i) => i * 32),
      fc.integer({ min: 0, max: 160 }),
    );
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('word' as const), offset, value: word }),
      fc.record({ kind: fc.constant('byte' as const), offset, value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('direct' as const), offset, value: fc.uint8Array({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('load' as const), offset }),
      fc.record({ kind: fc.constant('read' as const), offset, length: fc.integer({ min: 0, max: 64 }) }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    const SIZE = 224;
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const memory = new Memory();
        memory.grow(SIZE);
        // What memory must hold: every write applied to plain bytes.
        const model = new Uint8Array(SIZE);
        for (const op of operations) {
          if (op.kind === 'word') {
            memory.storeWord(op.offset, op.value);
            model.set(Buffer.from(op.value.toString(16).padStart(64, '0'), 'hex'), op.offset);
          } else if (op.kind === 'byte') {
            memory.storeByte(op.offset, op.value);
            model[op.offset] = op.value;
          } else if (op.kind === 'direct') {
            memory.writable(op.offset, op.offset + op.value.length).set(op.value);
            model.set(op.value, op.offset);
          } else if (op.kind === 'reset') {
            memory.reset(1 << 20);
            memory.grow(SIZE);
            model.fill(0);
          } else if (op.kind === 'load') {
            const expected = BigInt(
              `0x${Buffer.from(model.subarray(op.offset, op.offset + 32)).toString('hex')}`,
            );
            expect(memory.loadWord(op.offset)).toBe(expected);
          } else {
            const end = Math.min(SIZE, op.offset + op.length);
            expect([...memory.readable(op.offset, end)]).toEqual([...model.subarray(op.offset, end)]);
          }
        }
        expect([...memory.readable(0, SIZE)]).toEqual([...model]);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a stored word out when the bytes under it are read or partly overwritten', () => {
    const memory = new Memory();
    memory.grow(96);
    const word = (1n << 255n) | 0x0102n;
    memory.storeWord(32, word);
    // Overwriting one byte keeps the other 31 of the stored word.
    memory.writable(63, 64)[0] = 0xff;
    expect(memory.loadWord(32)).toBe((1n << 255n) | 0x01ffn);
    memory.storeWord(0, 7n);
    expect(memory.loadWord(1)).toBe((7n << 8n) | 0x80n);
    expect([...memory.readable(30, 34)]).toEqual([0, 7, 0x80, 0]);
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
    expect([...memory.readable((1 << 16) - 1, 1 << 16)]).toEqual([7]);
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
    memory.storeWord(0, 9n);
    memory.storeWord((1 << 21) - 32, 9n);
    memory.reset(1 << 20);
    expect(memory.capacity).toBeLessThanOrEqual(1 << 20);
    memory.grow(1 << 21);
    expect(memory.loadWord((1 << 21) - 32)).toBe(0n);
    expect([...memory.readable(0, 32)]).toEqual(new Array(32).fill(0));
    memory.storeWord(0, 5n);
    expect(memory.loadWord(0)).toBe(5n);
  });
});
