import type { ExecutionContext } from '@tandem-evm/frame';
import { KECCAK_COST_PER_WORD, numWords } from '@tandem-evm/gas';
import { bytesToWord, keccak256Word, low32 } from '@tandem-evm/primitives';
import { chargeGas } from './gas-charges.js';
import { chargeMemory } from './memory.js';

const EMPTY = new Uint8Array(0);
const MAX_OFFSET = 0xffffffffn;

/** Memory offset of a word, or -1 when the word cannot be one (the access is then out of gas). */
export function offsetOf(word: bigint): number {
  return word <= MAX_OFFSET ? low32(word) : -1;
}

/** CALLDATALOAD: 32 bytes of calldata at `offset`, zero past the end. */
export function callDataLoad(context: ExecutionContext, offset: bigint): bigint {
  const input = context.message.input;
  return offset < BigInt(input.length) ? bytesToWord(input, low32(offset), 32) : 0n;
}

/** BLOCKHASH: only the 256 blocks before the current one have a hash. */
export function blockHash(context: ExecutionContext, number: bigint): bigint {
  const current = context.host.getTxContext().number;
  return number < current && number >= current - 256n ? context.host.getBlockHash(number) : 0n;
}

/** BLOBHASH (EIP-4844): the transaction's versioned hash at `index`, or 0. */
export function blobHash(context: ExecutionContext, index: bigint): bigint {
  const hashes = context.host.getTxContext().blobHashes;
  return index < BigInt(hashes.length) ? hashes[Number(index)]! : 0n;
}

/** KECCAK256 of a memory region, with its memory and per-word gas; -1n when out of gas. */
export function keccakOfMemory(context: ExecutionContext, offset: bigint, size: bigint): bigint {
  if (!chargeMemory(context, offset, size)) return -1n;
  const length = Number(size);
  if (!chargeGas(context, numWords(length) * KECCAK_COST_PER_WORD)) return -1n;
  const start = length === 0 ? 0 : Number(offset);
  return keccak256Word(context.memory.readable(start, start + length));
}

/** RETURN/REVERT data: a copy of the memory region, or undefined when its expansion is out of gas. */
export function memoryOutput(
  context: ExecutionContext,
  offset: bigint,
  size: bigint,
): Uint8Array | undefined {
  if (!chargeMemory(context, offset, size)) return undefined;
  if (size === 0n) return EMPTY;
  const start = Number(offset);
  return context.memory.readable(start, start + Number(size)).slice();
}
