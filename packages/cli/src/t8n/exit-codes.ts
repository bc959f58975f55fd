/**
 * `tandem t8n` fails with go-ethereum's `evm t8n` exit codes, so a filler that
 * drives geth can drive Tandem: the code says which input was wrong.
 */
export const T8N_EXIT = {
  /** The EVM or the block could not be finished (a request system contract missing or failing). */
  evm: 2,
  /** An unknown fork, or an env that the fork cannot run (a missing base fee, random, beacon root, withdrawals…). */
  config: 3,
  /** A transaction ran BLOCKHASH for a block whose hash the env does not give. */
  missingBlockhash: 4,
  /** Input that is not the JSON expected (alloc, env, txs, stdin). */
  json: 10,
  /** A file that cannot be read or written. */
  io: 11,
  /** A transactions file whose RLP is not a list. */
  rlp: 12,
} as const;

/** A t8n failure: printed as `ERROR(code): message` on stderr, and `code` is the exit code. */
export class T8nError extends Error {
  override readonly name = 'T8nError';
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
