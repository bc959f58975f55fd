import { setUint64, wordAt } from '@tandem-evm/primitives';

/** Largest memory an engine will grow to; beyond it any access is out of gas (as in evmone). */
export const MAX_MEMORY_SIZE = 0xffffffff;

const INITIAL_CAPACITY = 4096;
const MAX_UINT64 = 0xffffffffffffffffn;
/** The upper 192 bits of a word all ones: small negative numbers in two's complement. */
const HIGH_ONES = ((1n << 192n) - 1n) << 64n;
/**
 * Words `Memory` remembers (128 KiB of memory): the hot ones sit low, and
 * remembering all of a memory that grows to megabytes cost more than it saved
 * (snailtracer).
 */
const WORDS_REMEMBERED = 4096;

/**
 * A frame's byte-addressed memory. `size` is the EVM-visible size (a multiple
 * of 32); the byte buffer may be larger, and everything in it past `size` is zero.
 *
 * Beside the bytes, `words` keeps the word last stored or loaded at each
 * 32-byte-aligned offset of the first WORDS_REMEMBERED words, so that loading
 * it again converts no bytes (a pointer like Solidity's at 0x40 is loaded over
 * and over). An aligned word store there only sets `words` and marks the word
 * dirty: its bytes are written when something reads or partly overwrites
 * them (KECCAK256, RETURN, a call's input, an unaligned load, a copy), and
 * most stored words never are before they are stored again. Code outside
 * this class sees the bytes only through `readable` and `writable`, which
 * bring the range up to date first.
 */
export class Memory {
  private bytes: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** A view of `bytes` for word-sized loads and stores. */
  private view: DataView = new DataView(this.bytes.buffer);
  size = 0;
  /** By offset / 32: the word there, or undefined when not known; covers min(size / 32, WORDS_REMEMBERED) words. */
  private words: (bigint | undefined)[] = [];
  /** By offset / 32: 1 when `words` holds a word whose bytes are not written yet. */
  private readonly dirty = new Uint8Array(WORDS_REMEMBERED);
  /** Dirty words lie in [dirtyFrom, dirtyTo) (an empty range when there are none). */
  private dirtyFrom = WORDS_REMEMBERED;
  private dirtyTo = 0;

  /** The 32-byte big-endian word at `offset`. */
  loadWord(offset: number): bigint {
    const index = offset >>> 5;
    // Past the remembered words, the bytes are always current.
    if (index >= this.words.length) return wordAt(this.view, offset);
    if ((offset & 31) !== 0) {
      this.flush(offset, offset + 32);
      return wordAt(this.view, offset);
    }
    const known = this.words[index];
    if (known !== undefined) return known;
    const word = wordAt(this.view, offset);
    this.words[index] = word;
    return word;
  }

  /** Stores a word big-endian at `offset`: in `words` only when aligned and remembered, else in the bytes. */
  storeWord(offset: number, word: bigint): void {
    const index = offset >>> 5;
    if (index < this.words.length) {
      if ((offset & 31) === 0) {
        this.words[index] = word;
        if (this.dirty[index] === 0) {
          this.dirty[index] = 1;
          if (index < this.dirtyFrom) this.dirtyFrom = index;
          if (index >= this.dirtyTo) this.dirtyTo = index + 1;
        }
        return;
      }
      // Unaligned: the (at most two) remembered words it overlaps are written out first, then forgotten.
      this.forget(offset, offset + 32);
    }
    // Past the remembered words (a memory grown beyond 128 KiB), nothing is remembered to forget.
    this.writeWord(offset, word);
  }

  /**
   * Writes a word's bytes; setBigUint64 keeps the low 64 bits of each shifted
   * part. A word that fits in 64 bits (most pointers, lengths and amounts) is
   * written with setUint64, faster for such words; one with its upper 192
   * bits all ones needs no BigInt shifts. setUint64 measured slower than
   * setBigUint64 for words above 64 bits (`main/swap_math` 1.2x).
   */
  private writeWord(offset: number, word: bigint): void {
    const view = this.view;
    if (word <= MAX_UINT64) {
      for (let i = 0; i < 24; i += 4) view.setInt32(offset + i, 0);
      setUint64(view, offset + 24, word);
      return;
    }
    if (word >= HIGH_ONES) {
      for (let i = 0; i < 24; i += 4) view.setInt32(offset + i, -1);
    } else {
      view.setBigUint64(offset, word >> 192n);
      view.setBigUint64(offset + 8, word >> 128n);
      view.setBigUint64(offset + 16, word >> 64n);
    }
    view.setBigUint64(offset + 24, word);
  }

  /** MSTORE8. */
  storeByte(offset: number, byte: number): void {
    this.forget(offset, offset + 1);
    this.bytes[offset] = byte;
  }

  /** Writes the dirty words overlapping bytes [start, end), which stay remembered. */
  private flush(start: number, end: number): void {
    const from = Math.max(start >>> 5, this.dirtyFrom);
    const to = Math.min((end + 31) >>> 5, this.dirtyTo);
    const dirty = this.dirty;
    for (let i = from; i < to; i++) {
      if (dirty[i] === 0) continue;
      dirty[i] = 0;
      this.writeWord(i << 5, this.words[i]!);
    }
  }

  /** Writes out, then forgets, the remembered words overlapping bytes [start, end), which are about to change. */
  private forget(start: number, end: number): void {
    this.flush(start, end);
    const words = this.words;
    const last = Math.min(words.length, (end + 31) >>> 5);
    for (let i = start >>> 5; i < last; i++) words[i] = undefined;
  }

  /** The current bytes [start, end) (within `size`), to read; valid until memory next changes. */
  readable(start: number, end: number): Uint8Array {
    this.flush(start, end);
    return this.bytes.subarray(start, end);
  }

  /** The current bytes [start, end) (within `size`), to overwrite in place before memory is next used. */
  writable(start: number, end: number): Uint8Array {
    this.forget(start, end);
    return this.bytes.subarray(start, end);
  }

  /** Bytes allocated, `size` or more (a pool bounds what a reset keeps). */
  get capacity(): number {
    return this.bytes.length;
  }

  /** Grows the visible size to `newSize` bytes (a multiple of 32), zero-filled. */
  grow(newSize: number): void {
    if (newSize > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < newSize) capacity *= 2;
      const bytes = new Uint8Array(capacity);
      bytes.set(this.bytes.subarray(0, this.size));
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer);
    }
    this.size = newSize;
    // Grown one entry at a time so the array stays dense.
    const words = this.words;
    const remembered = Math.min(newSize >>> 5, WORDS_REMEMBERED);
    while (words.length < remembered) words.push(undefined);
  }

  /**
   * Clears what the last frame used and drops capacity above `retainLimit`,
   * so a pooled context neither leaks data into the next frame nor holds on
   * to a huge buffer.
   */
  reset(retainLimit: number): void {
    // A frame that used no memory (most calls of a token) has nothing to clear.
    if (this.size === 0 && this.bytes.length <= retainLimit) return;
    if (this.dirtyFrom < this.dirtyTo) this.dirty.fill(0, this.dirtyFrom, this.dirtyTo);
    this.dirtyFrom = WORDS_REMEMBERED;
    this.dirtyTo = 0;
    if (this.bytes.length > retainLimit) {
      this.bytes = new Uint8Array(INITIAL_CAPACITY);
      this.view = new DataView(this.bytes.buffer);
      this.words.length = 0;
    } else {
      this.bytes.fill(0, 0, this.size);
      this.words.fill(undefined, 0, this.size >>> 5);
    }
    this.size = 0;
  }
}
