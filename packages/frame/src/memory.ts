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
 * of 32); `bytes` may be larger, and everything in it past `size` is zero.
 *
 * `bytes` is always current. Beside it, `words` keeps the word last stored or
 * loaded at each 32-byte-aligned offset of the first WORDS_REMEMBERED words,
 * so that loading it again converts no bytes (a pointer like Solidity's at
 * 0x40 is loaded over and over). Code that writes `bytes` itself must call
 * `forget` for the range it wrote.
 */
export class Memory {
  bytes: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** A view of `bytes` for word-sized loads and stores. */
  view: DataView = new DataView(this.bytes.buffer);
  size = 0;
  /** By offset / 32: the word there, or undefined when not known; covers min(size / 32, WORDS_REMEMBERED) words. */
  private words: (bigint | undefined)[] = [];

  /**
   * The 32-byte big-endian word at `offset`. Most words programs keep in
   * memory are pointers, lengths and amounts, which fit in 64 bits, or small
   * negative numbers, whose upper 192 bits are all ones: those take one BigInt
   * read; others 4 native 64-bit reads put together.
   */
  loadWord(offset: number): bigint {
    const index = offset >>> 5;
    const remembered = (offset & 31) === 0 && index < this.words.length;
    if (remembered) {
      const known = this.words[index];
      if (known !== undefined) return known;
    }
    const word = this.readWord(offset);
    if (remembered) this.words[index] = word;
    return word;
  }

  private readWord(offset: number): bigint {
    const view = this.view;
    const a = view.getInt32(offset);
    const b = view.getInt32(offset + 4);
    const c = view.getInt32(offset + 8);
    const d = view.getInt32(offset + 12);
    const e = view.getInt32(offset + 16);
    const f = view.getInt32(offset + 20);
    if ((a | b | c | d | e | f) === 0) return view.getBigUint64(offset + 24);
    if ((a & b & c & d & e & f) === -1) return HIGH_ONES | view.getBigUint64(offset + 24);
    const high = (view.getBigUint64(offset) << 64n) | view.getBigUint64(offset + 8);
    const low = (view.getBigUint64(offset + 16) << 64n) | view.getBigUint64(offset + 24);
    return (high << 128n) | low;
  }

  /**
   * Stores a word big-endian at `offset`; setBigUint64 keeps the low 64 bits
   * of each shifted part. A word below 2^64, or with its upper 192 bits all
   * ones, needs no shifts.
   */
  storeWord(offset: number, word: bigint): void {
    const view = this.view;
    if (word <= MAX_UINT64) {
      view.setBigUint64(offset, 0n);
      view.setBigUint64(offset + 8, 0n);
      view.setBigUint64(offset + 16, 0n);
    } else if (word >= HIGH_ONES) {
      view.setBigUint64(offset, MAX_UINT64);
      view.setBigUint64(offset + 8, MAX_UINT64);
      view.setBigUint64(offset + 16, MAX_UINT64);
    } else {
      view.setBigUint64(offset, word >> 192n);
      view.setBigUint64(offset + 8, word >> 128n);
      view.setBigUint64(offset + 16, word >> 64n);
    }
    view.setBigUint64(offset + 24, word);
    const words = this.words;
    const index = offset >>> 5;
    if (index >= words.length) return;
    if ((offset & 31) === 0) words[index] = word;
    else {
      words[index] = undefined;
      if (index + 1 < words.length) words[index + 1] = undefined;
    }
  }

  /** MSTORE8. */
  storeByte(offset: number, byte: number): void {
    this.bytes[offset] = byte;
    if (offset >>> 5 < this.words.length) this.words[offset >>> 5] = undefined;
  }

  /** Forgets the known words overlapping bytes [start, end), which the caller wrote through `bytes`. */
  forget(start: number, end: number): void {
    const words = this.words;
    const last = Math.min(words.length, (end + 31) >>> 5);
    for (let i = start >>> 5; i < last; i++) words[i] = undefined;
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
