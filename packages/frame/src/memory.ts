/** Largest memory an engine will grow to; beyond it any access is out of gas (as in evmone). */
export const MAX_MEMORY_SIZE = 0xffffffff;

const INITIAL_CAPACITY = 4096;

/**
 * A frame's byte-addressed memory. `size` is the EVM-visible size (a multiple
 * of 32); `bytes` may be larger, and everything in it past `size` is zero.
 */
export class Memory {
  bytes: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  size = 0;

  /** Grows the visible size to `newSize` bytes (a multiple of 32), zero-filled. */
  grow(newSize: number): void {
    if (newSize > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < newSize) capacity *= 2;
      const bytes = new Uint8Array(capacity);
      bytes.set(this.bytes.subarray(0, this.size));
      this.bytes = bytes;
    }
    this.size = newSize;
  }

  /**
   * Clears what the last frame used and drops capacity above `retainLimit`,
   * so a pooled context neither leaks data into the next frame nor holds on
   * to a huge buffer.
   */
  reset(retainLimit: number): void {
    if (this.bytes.length > retainLimit) this.bytes = new Uint8Array(INITIAL_CAPACITY);
    else this.bytes.fill(0, 0, this.size);
    this.size = 0;
  }
}
