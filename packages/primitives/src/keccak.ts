/**
 * keccak-256, written for the EVM's inputs: short, hashed one at a time. The
 * state is 25 64-bit lanes held as 50 32-bit halves (lo, hi) in one reused
 * Uint32Array, so hashing allocates only its result. Checked against
 * @noble/hashes in keccak.test.ts.
 */

const RATE = 136;

/** Round constants, from the Keccak LFSR x^8 + x^6 + x^5 + x^4 + 1. */
const ROUND_LO = new Uint32Array(24);
const ROUND_HI = new Uint32Array(24);
/** For each lane x + 5y: where rho-and-pi sends it, and by how much it rotates. */
const PI_TARGET = new Uint8Array(25);
const RHO_OFFSET = new Uint8Array(25);

(function buildTables() {
  let lfsr = 1;
  for (let round = 0; round < 24; round++) {
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < 7; j++) {
      if (lfsr & 1) {
        const bit = (1 << j) - 1;
        if (bit < 32) lo |= 1 << bit;
        else hi |= 1 << (bit - 32);
      }
      lfsr = lfsr & 0x80 ? ((lfsr << 1) ^ 0x171) & 0xff : lfsr << 1;
    }
    ROUND_LO[round] = lo;
    ROUND_HI[round] = hi;
  }
  let x = 1;
  let y = 0;
  for (let t = 0; t < 24; t++) {
    RHO_OFFSET[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  for (let lx = 0; lx < 5; lx++) {
    for (let ly = 0; ly < 5; ly++) PI_TARGET[lx + 5 * ly] = ly + 5 * ((2 * lx + 3 * ly) % 5);
  }
})();

const state = new Uint32Array(50);
const moved = new Uint32Array(50);
const parity = new Uint32Array(10);
const block = new Uint8Array(RATE);
const blockView = new DataView(block.buffer);
const digest = new Uint8Array(32);
const digestView = new DataView(digest.buffer);

function permute(): void {
  const s = state;
  const b = moved;
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 5; x++) {
      parity[2 * x] = s[2 * x]! ^ s[2 * x + 10]! ^ s[2 * x + 20]! ^ s[2 * x + 30]! ^ s[2 * x + 40]!;
      parity[2 * x + 1] = s[2 * x + 1]! ^ s[2 * x + 11]! ^ s[2 * x + 21]! ^ s[2 * x + 31]! ^ s[2 * x + 41]!;
    }
    for (let x = 0; x < 5; x++) {
      const left = (x + 4) % 5;
      const right = (x + 1) % 5;
      const rightLo = parity[2 * right]!;
      const rightHi = parity[2 * right + 1]!;
      // D[x] = C[x-1] ^ rotl64(C[x+1], 1)
      const dLo = parity[2 * left]! ^ ((rightLo << 1) | (rightHi >>> 31));
      const dHi = parity[2 * left + 1]! ^ ((rightHi << 1) | (rightLo >>> 31));
      for (let y = 0; y < 25; y += 5) {
        s[2 * (x + y)] ^= dLo;
        s[2 * (x + y) + 1] ^= dHi;
      }
    }
    // rho and pi
    for (let lane = 0; lane < 25; lane++) {
      const lo = s[2 * lane]!;
      const hi = s[2 * lane + 1]!;
      const target = 2 * PI_TARGET[lane]!;
      const n = RHO_OFFSET[lane]!;
      if (n === 0) {
        b[target] = lo;
        b[target + 1] = hi;
      } else if (n < 32) {
        b[target] = (lo << n) | (hi >>> (32 - n));
        b[target + 1] = (hi << n) | (lo >>> (32 - n));
      } else if (n === 32) {
        b[target] = hi;
        b[target + 1] = lo;
      } else {
        const m = n - 32;
        b[target] = (hi << m) | (lo >>> (32 - m));
        b[target + 1] = (lo << m) | (hi >>> (32 - m));
      }
    }
    // chi
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const here = 2 * (x + y);
        const next = 2 * (((x + 1) % 5) + y);
        const after = 2 * (((x + 2) % 5) + y);
        s[here] = b[here]! ^ (~b[next]! & b[after]!);
        s[here + 1] = b[here + 1]! ^ (~b[next + 1]! & b[after + 1]!);
      }
    }
    // iota
    s[0] ^= ROUND_LO[round]!;
    s[1] ^= ROUND_HI[round]!;
  }
}

function absorb(view: DataView, offset: number): void {
  for (let lane = 0; lane < RATE / 8; lane++) {
    state[2 * lane] ^= view.getUint32(offset + 8 * lane, true);
    state[2 * lane + 1] ^= view.getUint32(offset + 8 * lane + 4, true);
  }
  permute();
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
