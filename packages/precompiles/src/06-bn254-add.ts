import { Revision } from '@tandem-evm/host';
import { readG1, writeG1 } from './bn254.js';
import { fixedLengthInput } from './input.js';

/** EIP-196 price, lowered by EIP-1108 in Istanbul. */
export function bn254AddGas(_input: Uint8Array, revision: Revision): bigint {
  return revision < Revision.Istanbul ? 500n : 150n;
}

/** Adds two G1 points (64 bytes each, zero-padded); fails if either is not a valid point. */
export function runBn254Add(input: Uint8Array): Uint8Array | undefined {
  const padded = fixedLengthInput(input, 128);
  const first = readG1(padded, 0);
  const second = readG1(padded, 64);
  if (first === undefined || second === undefined) return undefined;
  return writeG1(first.add(second));
}
