/** Shared empty output: a zero-length array cannot be mutated, so one instance serves every call. */
export const EMPTY_OUTPUT: Uint8Array = new Uint8Array(0);

/**
 * The first `length` bytes of `input`, zero-padded when the input is shorter: the
 * precompiles read fixed-size inputs this way, ignoring bytes past `length`.
 */
export function fixedLengthInput(input: Uint8Array, length: number): Uint8Array {
  if (input.length >= length) return input.subarray(0, length);
  const padded = new Uint8Array(length);
  padded.set(input);
  return padded;
}

/** Number of 32-byte words covering `length` bytes, as the linear gas formulas count them. */
export function wordCount(length: number): bigint {
  return BigInt(Math.ceil(length / 32));
}
