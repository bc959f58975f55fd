/**
 * A 160-bit account address held as a bigint. Bigints compare by value, so
 * they serve directly as `Map` keys, and the engines push them on the stack
 * without conversion.
 */
export type Address = bigint;

/** A 256-bit EVM word, always in [0, 2^256). */
export type Word = bigint;
