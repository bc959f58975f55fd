/**
 * keccak-256, written for the EVM's inputs: short, hashed one at a time. The
 * state is 25 64-bit lanes held as 50 32-bit halves (lo, hi) in one reused
 * Uint32Array, so hashing allocates only its result; the permutation is
 * unrolled in keccak-permute.ts. Checked against
 * @noble/hashes in keccak.test.ts.
 */

import { permute } from './keccak-permute.js';

const RATE = 136;

const state = new Uint32Array(50);
const block = new Uint8Array(RATE);
const blockView = new DataView(block.buffer);
const digest = new Uint8Array(32);
const digestView = new DataView(digest.buffer);

function absorb(view: DataView, offset: number): void {
  for (let lane = 0; lane < RATE / 8; lane++) {
    state[2 * lane] ^= view.getUint32(offset + 8 * lane, true);
    state[2 * lane + 1] ^= view.getUint32(offset + 8 * lane + 4, true);
  }
  permute(state);
}

/** Hashes `data` and leaves the 32-byte digest in `digest`. */
function hashInto(data: Uint8Array): void {
  state.fill(0);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  for (; offset + RATE <= data.length; offset += RATE) absorb(view, offset);
  // The last, padded block: the rest, then 0x01 … 0x80 (Keccak's padding, not SHA-3's).
  block.fill(0);
  block.set(data.subarray(offset));
  block[data.length - offset] = 0x01;
  block[RATE - 1]! |= 0x80;
  absorb(blockView, 0);
  for (let lane = 0; lane < 4; lane++) {
    digestView.setUint32(8 * lane, state[2 * lane]!, true);
    digestView.setUint32(8 * lane + 4, state[2 * lane + 1]!, true);
  }
}

export function keccak256(data: Uint8Array): Uint8Array {
  hashInto(data);
  return digest.slice();
}

/** keccak-256 of `data` as a word, with no intermediate byte array. */
export function keccak256Word(data: Uint8Array): bigint {
  hashInto(data);
  const high = (digestView.getBigUint64(0) << 64n) | digestView.getBigUint64(8);
  const low = (digestView.getBigUint64(16) << 64n) | digestView.getBigUint64(24);
  return (high << 128n) | low;
}

/** keccak-256 of empty input: the code hash of an account without code. */
export const EMPTY_CODE_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n;
