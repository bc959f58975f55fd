/**
 * keccak-256, written for the EVM's inputs: short, hashed one at a time, so
 * that hashing allocates only its result. Two sponges compute it: a
 * WebAssembly one on 64-bit lanes (keccak-wasm.ts), about 4x faster, and a
 * JavaScript one on 32-bit halves (keccak-permute.ts) for runtimes that cannot
 * compile WebAssembly at run time. Both are checked against @noble/hashes in
 * keccak.test.ts.
 */

import { hexToBytes } from './hex.js';
import { permute } from './keccak-permute.js';
import { KECCAK_WASM_DIGEST_OFFSET, KECCAK_WASM_HEX, KECCAK_WASM_INPUT_OFFSET } from './keccak-wasm.js';
import { wordAt } from './word.js';

/** The little of WebAssembly's API this file uses (the package compiles without DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: WasmApi | undefined;

const RATE = 136;
const WASM_PAGE = 65536;

/** Hashes `data`; returns a view whose first 32 bytes are the digest, valid until the next hash. */
export type Sponge = (data: Uint8Array) => DataView;

/** The JavaScript sponge: a reused state of 50 32-bit halves. */
export function javascriptSponge(): Sponge {
  const state = new Uint32Array(50);
  const block = new Uint8Array(RATE);
  const blockView = new DataView(block.buffer);
  const digest = new DataView(new ArrayBuffer(32));
  const absorb = (view: DataView, offset: number): void => {
    for (let lane = 0; lane < RATE / 8; lane++) {
      state[2 * lane] ^= view.getUint32(offset + 8 * lane, true);
      state[2 * lane + 1] ^= view.getUint32(offset + 8 * lane + 4, true);
    }
    permute(state);
  };
  return (data) => {
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
      digest.setUint32(8 * lane, state[2 * lane]!, true);
      digest.setUint32(8 * lane + 4, state[2 * lane + 1]!, true);
    }
    return digest;
  };
}

/**
 * The WebAssembly sponge, or undefined where WebAssembly is missing or may not
 * be compiled at run time (a Content-Security-Policy without
 * 'wasm-unsafe-eval', some edge runtimes). Its memory grows to the longest
 * input hashed and stays that size.
 */
export function webAssemblySponge(): Sponge | undefined {
  if (typeof WebAssembly !== 'object') return undefined;
  let exports: Record<string, unknown>;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(hexToBytes(KECCAK_WASM_HEX))).exports;
  } catch {
    return undefined;
  }
  const memory = exports.memory as WasmMemory;
  const absorb = exports.absorb as (blocks: number) => void;
  let bytes = new Uint8Array(memory.buffer);
  let view = new DataView(memory.buffer, KECCAK_WASM_DIGEST_OFFSET, 32);
  return (data) => {
    const blocks = Math.floor(data.length / RATE) + 1;
    const end = KECCAK_WASM_INPUT_OFFSET + blocks * RATE;
    if (end > bytes.length) {
      memory.grow(Math.ceil((end - bytes.length) / WASM_PAGE));
      bytes = new Uint8Array(memory.buffer);
      view = new DataView(memory.buffer, KECCAK_WASM_DIGEST_OFFSET, 32);
    }
    const last = KECCAK_WASM_INPUT_OFFSET + data.length;
    bytes.set(data, KECCAK_WASM_INPUT_OFFSET);
    bytes.fill(0, last, end);
    bytes[last] = 0x01;
    bytes[end - 1]! |= 0x80;
    absorb(blocks);
    return view;
  };
}

const sponge: Sponge = webAssemblySponge() ?? javascriptSponge();

export function keccak256(data: Uint8Array): Uint8Array {
  const digest = sponge(data);
  return new Uint8Array(digest.buffer.slice(digest.byteOffset, digest.byteOffset + 32));
}

/** keccak-256 of `data` as a word, with no intermediate byte array. */
export function keccak256Word(data: Uint8Array): bigint {
  return wordAt(sponge(data), 0);
}

/** keccak-256 of empty input: the code hash of an account without code. */
export const EMPTY_CODE_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n;
