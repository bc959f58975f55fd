/** rounds (4) ‖ h (64) ‖ m (128) ‖ t (16) ‖ f (1), per EIP-152. */
const INPUT_SIZE = 213;
const STATE_OFFSET = 4;
const MESSAGE_OFFSET = 68;
const COUNTER_OFFSET = 196;
const FINAL_FLAG_OFFSET = 212;

/** BLAKE2b initialisation vector, as [low, high] 32-bit halves of each 64-bit word. */
const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

/** Message word schedule for each of the ten distinct rounds. */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
].map((schedule) => Uint8Array.from(schedule));

const TWO_POW_32 = 0x1_0000_0000;

/** One gas per round; an input of the wrong length costs nothing and fails when run. */
export function blake2fGas(input: Uint8Array): bigint {
  if (input.length !== INPUT_SIZE) return 0n;
  return BigInt(new DataView(input.buffer, input.byteOffset, 4).getUint32(0, false));
}

/**
 * The BLAKE2b compression function F with a caller-chosen number of rounds.
 * Fails if the input is not 213 bytes or the final-block flag is not 0 or 1.
 */
export function runBlake2f(input: Uint8Array): Uint8Array | undefined {
  if (input.length !== INPUT_SIZE) return undefined;
  const finalFlag = input[FINAL_FLAG_OFFSET];
  if (finalFlag > 1) return undefined;
  const view = new DataView(input.buffer, input.byteOffset, input.length);
  const rounds = view.getUint32(0, false);
  // 64-bit little-endian words read as consecutive little-endian [low, high] halves.
  const state = new Uint32Array(16);
  for (let i = 0; i < 16; i++) state[i] = view.getUint32(STATE_OFFSET + 4 * i, true);
  const message = new Uint32Array(32);
  for (let i = 0; i < 32; i++) message[i] = view.getUint32(MESSAGE_OFFSET + 4 * i, true);

  const work = new Uint32Array(32);
  work.set(state);
  work.set(IV, 16);
  for (let i = 0; i < 4; i++) work[24 + i] ^= view.getUint32(COUNTER_OFFSET + 4 * i, true);
  if (finalFlag === 1) {
    work[28] = ~work[28];
    work[29] = ~work[29];
  }
  for (let round = 0; round < rounds; round++) {
    const s = SIGMA[round % 10];
    mix(work, message, 0, 4, 8, 12, s[0], s[1]);
    mix(work, message, 1, 5, 9, 13, s[2], s[3]);
    mix(work, message, 2, 6, 10, 14, s[4], s[5]);
    mix(work, message, 3, 7, 11, 15, s[6], s[7]);
    mix(work, message, 0, 5, 10, 15, s[8], s[9]);
    mix(work, message, 1, 6, 11, 12, s[10], s[11]);
    mix(work, message, 2, 7, 8, 13, s[12], s[13]);
    mix(work, message, 3, 4, 9, 14, s[14], s[15]);
  }

  const output = new Uint8Array(64);
  const outputView = new DataView(output.buffer);
  for (let i = 0; i < 16; i++) {
    outputView.setUint32(4 * i, state[i] ^ work[i] ^ work[16 + i], true);
  }
  return output;
}

/**
 * BLAKE2b's G function on words a, b, c, d of `work` with message words x and y.
 * Each 64-bit word is two 32-bit halves: index 2w is the low half, 2w + 1 the high.
 */
function mix(
  work: Uint32Array,
  message: Uint32Array,
  a: number,
  b: number,
  c: number,
  d: number,
  x: number,
  y: number,
): void {
  const a0 = 2 * a;
  const b0 = 2 * b;
  const c0 = 2 * c;
  const d0 = 2 * d;
  // Sums of up to three 32-bit halves stay exact in a double; the carry is what exceeds 2^32.
  let low = work[a0] + work[b0] + message[2 * x];
  work[a0 + 1] = work[a0 + 1] + work[b0 + 1] + message[2 * x + 1] + Math.floor(low / TWO_POW_32);
  work[a0] = low;
  // d = (d ^ a) >>> 32: swap the halves.
  let dLow = work[d0] ^ work[a0];
  let dHigh = work[d0 + 1] ^ work[a0 + 1];
  work[d0] = dHigh;
  work[d0 + 1] = dLow;
  low = work[c0] + work[d0];
  work[c0 + 1] = work[c0 + 1] + work[d0 + 1] + Math.floor(low / TWO_POW_32);
  work[c0] = low;
  // b = (b ^ c) >>> 24
  let bLow = work[b0] ^ work[c0];
  let bHigh = work[b0 + 1] ^ work[c0 + 1];
  work[b0] = (bLow >>> 24) | (bHigh << 8);
  work[b0 + 1] = (bHigh >>> 24) | (bLow << 8);

  low = work[a0] + work[b0] + message[2 * y];
  work[a0 + 1] = work[a0 + 1] + work[b0 + 1] + message[2 * y + 1] + Math.floor(low / TWO_POW_32);
  work[a0] = low;
  // d = (d ^ a) >>> 16
  dLow = work[d0] ^ work[a0];
  dHigh = work[d0 + 1] ^ work[a0 + 1];
  work[d0] = (dLow >>> 16) | (dHigh << 16);
  work[d0 + 1] = (dHigh >>> 16) | (dLow << 16);
  low = work[c0] + work[d0];
  work[c0 + 1] = work[c0 + 1] + work[d0 + 1] + Math.floor(low / TWO_POW_32);
  work[c0] = low;
  // b = (b ^ c) >>> 63, which is a rotation left by one.
  bLow = work[b0] ^ work[c0];
  bHigh = work[b0 + 1] ^ work[c0 + 1];
  work[b0] = (bLow << 1) | (bHigh >>> 31);
  work[b0 + 1] = (bHigh << 1) | (bLow >>> 31);
}
